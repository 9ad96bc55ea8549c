import type { Clock } from './clock.ts';
import { secondsToLocalMidnight, wallTime } from './datetime.ts';
import { rpcError, type RpcError } from './rpc-errors.ts';

export interface LimitsConfig {
  /** Points per minute window. */
  perMinute: number;
  /** Points per day, the day running midnight to midnight in the account's zone. */
  perDay: number;
}

/** `metadata.limits` as the reference names it (§3); `*_reset` is seconds until the window resets. */
export interface LimitsSnapshot {
  day_limit: number;
  day_remaining: number;
  day_reset: number;
  minute_limit: number;
  minute_remaining: number;
  minute_reset: number;
}

/**
 * Points accounting for the account. Windows are fixed (calendar minute, local day) rather than
 * sliding, so a test that moves the clock knows exactly when points come back.
 */
export class LimitMeter {
  private minuteWindow = Number.NaN;
  private minuteUsed = 0;
  private dayWindow = '';
  private dayUsed = 0;

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly config: LimitsConfig,
  ) {}

  /** limit_exceeded when a request of this weight does not fit, the minute window checked first. */
  check(weight: number): RpcError | undefined {
    this.roll();
    if (weight <= 0) return undefined;
    if (this.config.perMinute - this.minuteUsed < weight) return exceeded('minute', this.config.perMinute);
    if (this.config.perDay - this.dayUsed < weight) return exceeded('day', this.config.perDay);
    return undefined;
  }

  /** Only successful requests are charged (§3), so the caller charges after the method succeeded. */
  charge(weight: number): void {
    this.roll();
    this.minuteUsed += weight;
    this.dayUsed += weight;
  }

  /** Leave exactly this many points in the current windows: a budget set by a test or a fault. */
  setRemaining(remaining: { minute?: number; day?: number }): void {
    this.roll();
    if (remaining.minute !== undefined) this.minuteUsed = this.config.perMinute - remaining.minute;
    if (remaining.day !== undefined) this.dayUsed = this.config.perDay - remaining.day;
  }

  snapshot(): LimitsSnapshot {
    this.roll();
    const now = this.clock();
    return {
      day_limit: this.config.perDay,
      day_remaining: Math.max(0, this.config.perDay - this.dayUsed),
      day_reset: secondsToLocalMidnight(now, this.timeZone),
      minute_limit: this.config.perMinute,
      minute_remaining: Math.max(0, this.config.perMinute - this.minuteUsed),
      minute_reset: Math.ceil((60_000 - (now % 60_000)) / 1000),
    };
  }

  private roll(): void {
    const now = this.clock();
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minuteWindow) {
      this.minuteWindow = minute;
      this.minuteUsed = 0;
    }
    const day = wallTime(now, this.timeZone).slice(0, 10);
    if (day !== this.dayWindow) {
      this.dayWindow = day;
      this.dayUsed = 0;
    }
  }
}

function exceeded(limitType: 'minute' | 'day', max: number): RpcError {
  return rpcError(
    'limit_exceeded',
    `Limit per ${limitType} has been exceeded. Value of current limit per ${limitType} is ${max}`,
    { params: { limit_type: limitType, limit_max_value: max } },
  );
}
