/**
 * The account's API points (callgear-data-api.md §3): parsed tolerantly from any reply, kept per
 * account, and turned into a pacing decision before each request.
 */
export interface WindowFigures {
  limit?: number;
  remaining?: number;
  /** Seconds until the window resets, as the reply said. */
  resetSeconds?: number;
}

export interface Limits {
  minute: WindowFigures;
  day: WindowFigures;
}

type Bag = Record<string, unknown>;

const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function figures(limits: Bag, window: 'minute' | 'day'): WindowFigures {
  // Documented flat (`minute_remaining`); a third-party client guards for nested (`minute.remaining`).
  const nested = isBag(limits[window]) ? (limits[window] as Bag) : {};
  const out: WindowFigures = {};
  const limit = num(limits[`${window}_limit`]) ?? num(nested.limit);
  const remaining = num(limits[`${window}_remaining`]) ?? num(nested.remaining);
  const reset = num(limits[`${window}_reset`]) ?? num(nested.reset);
  if (limit !== undefined) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (reset !== undefined) out.resetSeconds = Math.max(0, reset);
  return out;
}

/**
 * Finds the limits block wherever a reply puts it: `result.metadata` (documented),
 * `result.meta_data` (as `get.account`'s page prints it), or inside an error's `data`. ASSUME: the
 * location in error replies is undocumented, so every plausible place is tried; absence is fine.
 */
export function parseLimits(reply: unknown): Limits | undefined {
  if (!isBag(reply)) return undefined;
  const candidates: unknown[] = [];
  for (const holder of [reply.result, reply.error, isBag(reply.error) ? reply.error.data : undefined]) {
    if (!isBag(holder)) continue;
    candidates.push(isBag(holder.metadata) ? holder.metadata.limits : undefined, isBag(holder.meta_data) ? holder.meta_data.limits : undefined, holder.limits);
  }
  const limits = candidates.find(isBag);
  if (limits === undefined) return undefined;
  const parsed = { minute: figures(limits, 'minute'), day: figures(limits, 'day') };
  const empty = Object.keys(parsed.minute).length === 0 && Object.keys(parsed.day).length === 0;
  return empty ? undefined : parsed;
}

/** What to do before the next request. */
export type Pacing =
  | { kind: 'go' }
  | { kind: 'wait'; window: 'minute'; ms: number; until: number }
  | { kind: 'pause'; window: 'day'; ms: number; until: number };

interface Snapshot {
  id: number;
  limits: Limits;
  at: number;
  minuteResetAt?: number;
  dayResetAt?: number;
}

/** Handed out when a request starts; lets the reply teach the method's weight. */
export interface Ticket {
  snapshotId: number;
  /** How many requests had started before this one; another start since means overlap. */
  started: number;
  alone: boolean;
  weight: number;
}

/** Used until a method's weight has been measured. */
const DEFAULT_WEIGHT = 1;
/** When a minute-window refusal comes without a reset figure. */
const MINUTE_MS = 60_000;
/** When a day-window refusal comes without a reset figure: check again in an hour. */
const DAY_RETRY_MS = 3_600_000;

export class LimitsTracker {
  private snapshot: Snapshot | undefined;
  private nextId = 1;
  private started = 0;
  private inFlight = 0;
  private inFlightWeight = 0;
  private readonly weights = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  latest(): { limits: Limits; at: number } | undefined {
    return this.snapshot === undefined ? undefined : { limits: this.snapshot.limits, at: this.snapshot.at };
  }

  /** Points a call of `method` costs: measured from the replies, else a cautious default. */
  weightOf(method: string): number {
    return this.weights.get(method) ?? DEFAULT_WEIGHT;
  }

  learnedWeight(method: string): number | undefined {
    return this.weights.get(method);
  }

  begin(method: string): Ticket {
    const weight = this.weightOf(method);
    this.started += 1;
    const ticket = { snapshotId: this.snapshot?.id ?? 0, started: this.started, alone: this.inFlight === 0, weight };
    this.inFlight += 1;
    this.inFlightWeight += weight;
    return ticket;
  }

  /** Records a reply's figures; a successful reply may teach the method's weight. */
  end(method: string, ticket: Ticket, limits: Limits | undefined, succeeded: boolean): void {
    this.inFlight -= 1;
    this.inFlightWeight -= ticket.weight;
    if (limits === undefined) return;
    const previous = this.snapshot;
    // Only a request that had the account to itself shows its own cost in the delta.
    const alone = ticket.alone && ticket.started === this.started;
    if (succeeded && alone && previous !== undefined && ticket.snapshotId === previous.id) this.learn(method, previous, limits);
    this.snapshot = this.toSnapshot(limits);
  }

  /** A `limit_exceeded` reply: the window is spent until it resets. */
  exhausted(window: 'minute' | 'day', limits: Limits | undefined): void {
    const base = limits ?? this.snapshot?.limits ?? { minute: {}, day: {} };
    const spent: Limits = { minute: { ...base.minute }, day: { ...base.day } };
    spent[window].remaining = 0;
    if (spent[window].resetSeconds === undefined) spent[window].resetSeconds = (window === 'minute' ? MINUTE_MS : DAY_RETRY_MS) / 1000;
    this.snapshot = this.toSnapshot(spent);
  }

  pace(weight: number): Pacing {
    const snap = this.snapshot;
    if (snap === undefined) return { kind: 'go' };
    const now = this.now();
    const pending = this.inFlightWeight;
    if (this.short(snap.limits.day, snap.dayResetAt, now, weight + pending)) {
      const until = snap.dayResetAt ?? now + DAY_RETRY_MS;
      return { kind: 'pause', window: 'day', ms: Math.max(0, until - now), until };
    }
    if (this.short(snap.limits.minute, snap.minuteResetAt, now, weight + pending)) {
      const until = snap.minuteResetAt ?? now + MINUTE_MS;
      return { kind: 'wait', window: 'minute', ms: Math.max(0, until - now), until };
    }
    return { kind: 'go' };
  }

  private short(figures: WindowFigures, resetAt: number | undefined, now: number, needed: number): boolean {
    if (figures.remaining === undefined) return false;
    if (resetAt !== undefined && now >= resetAt) return false;
    // A budget smaller than one request would wait forever; let the API say so instead.
    if (figures.limit !== undefined && figures.limit > 0 && figures.limit < needed) return false;
    return figures.remaining < needed;
  }

  private learn(method: string, before: Snapshot, after: Limits): void {
    for (const window of ['day', 'minute'] as const) {
      const was = before.limits[window].remaining;
      const is = after[window].remaining;
      const resetAt = window === 'day' ? before.dayResetAt : before.minuteResetAt;
      if (was === undefined || is === undefined || is > was) continue;
      if (resetAt !== undefined && this.now() >= resetAt) continue;
      this.weights.set(method, was - is);
      return;
    }
  }

  private toSnapshot(limits: Limits): Snapshot {
    const at = this.now();
    const snapshot: Snapshot = { id: this.nextId++, limits, at };
    if (limits.minute.resetSeconds !== undefined) snapshot.minuteResetAt = at + limits.minute.resetSeconds * 1000;
    if (limits.day.resetSeconds !== undefined) snapshot.dayResetAt = at + limits.day.resetSeconds * 1000;
    return snapshot;
  }
}

/** The latest figures of every account, so two uploads to one account share one budget. */
export class LimitsBook {
  private readonly trackers = new Map<string, LimitsTracker>();

  constructor(private readonly now: () => number = Date.now) {}

  for(account: string): LimitsTracker {
    let tracker = this.trackers.get(account);
    if (tracker === undefined) {
      tracker = new LimitsTracker(this.now);
      this.trackers.set(account, tracker);
    }
    return tracker;
  }
}
