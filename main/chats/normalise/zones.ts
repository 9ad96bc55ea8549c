import { MS_PER_DAY, MS_PER_HOUR, wallOf } from './wall.ts';

/**
 * UTC offsets of IANA zones from Intl, cached. A UTC day whose offset is the same at its first
 * and last second is taken as constant (no zone has two transitions that cancel within a day);
 * a day with a transition is resolved per hour, and the hour holding the transition to the
 * second, so half-hour zones (Asia/Kolkata, Australia/Adelaide) and 30-minute shifts
 * (Australia/Lord_Howe) are exact. Each zone costs a few Intl calls per distinct day.
 */
class ZoneOffsets {
  private readonly fmt: Intl.DateTimeFormat;
  /** UTC day → offset ms, or NaN when the offset changes that day. */
  private readonly days = new Map<number, number>();
  /** UTC hour → offset ms, or NaN when the offset changes within that hour. */
  private readonly hours = new Map<number, number>();
  /** UTC hour → [instant of change, offset before, offset after]. */
  private readonly changes = new Map<number, readonly [number, number, number]>();

  constructor(zone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset (wall − UTC) in ms at the UTC instant `utc`. */
  at(utc: number): number {
    const day = Math.floor(utc / MS_PER_DAY);
    let v = this.days.get(day);
    if (v === undefined) {
      if (this.days.size > 200_000) this.clear();
      const start = this.raw(day * MS_PER_DAY);
      v = start === this.raw(day * MS_PER_DAY + MS_PER_DAY - 1000) ? start : NaN;
      this.days.set(day, v);
    }
    if (v === v) return v;
    const hour = Math.floor(utc / MS_PER_HOUR);
    let h = this.hours.get(hour);
    if (h === undefined) {
      let lo = hour * MS_PER_HOUR;
      let hi = lo + MS_PER_HOUR - 1000;
      const before = this.raw(lo);
      const after = this.raw(hi);
      h = before === after ? before : NaN;
      if (h !== h) {
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.raw(mid) === before) lo = mid;
          else hi = mid;
        }
        this.changes.set(hour, [hi, before, after]);
      }
      this.hours.set(hour, h);
    }
    if (h === h) return h;
    const change = this.changes.get(hour);
    if (change === undefined) return this.raw(Math.floor(utc / 1000) * 1000);
    return utc < change[0] ? change[1] : change[2];
  }

  private clear(): void {
    this.days.clear();
    this.hours.clear();
    this.changes.clear();
  }

  /** Offset at a whole-second instant, straight from Intl. */
  private raw(t: number): number {
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of this.fmt.formatToParts(t)) {
      switch (part.type) {
        case 'year': y = Number(part.value); break;
        case 'month': mo = Number(part.value); break;
        case 'day': d = Number(part.value); break;
        case 'hour': h = Number(part.value); break;
        case 'minute': mi = Number(part.value); break;
        case 'second': s = Number(part.value); break;
        default: break;
      }
    }
    return wallOf(y, mo, d, h, mi, s) - t;
  }
}

const zones = new Map<string, ZoneOffsets | null>();
const canonical = new Map<string, string>();

/** The canonical name of a zone ('utc' → 'UTC'); throws RangeError for an unknown zone. */
function canonicalZone(zone: string): string {
  let c = canonical.get(zone);
  if (c === undefined) {
    c = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    canonical.set(zone, c);
  }
  return c;
}

const FIXED_UTC = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Etc/Zulu']);

/** Offsets of a zone; null for UTC itself (always 0). */
function offsetsOf(zone: string): ZoneOffsets | null {
  const name = canonicalZone(zone);
  let z = zones.get(name);
  if (z === undefined) {
    z = FIXED_UTC.has(name) ? null : new ZoneOffsets(name);
    zones.set(name, z);
  }
  return z;
}

/**
 * The UTC instant of a wall time in a zone. An ambiguous wall time (the repeated hour when
 * clocks go back) takes the earlier instant; a wall time that does not exist (the skipped hour
 * when clocks go forward) is read with the offset from before the change, i.e. moved forward
 * by the gap (02:30 in Berlin on the spring-forward day becomes 03:30 CEST) — as Temporal's
 * 'compatible' disambiguation, moment-timezone and date-fns-tz do.
 */
function toUtc(z: ZoneOffsets, wall: number): number {
  const early = z.at(wall - MS_PER_DAY);
  const late = z.at(wall + MS_PER_DAY);
  if (early === late) return wall - early;
  const uEarly = wall - early;
  if (uEarly + z.at(uEarly) === wall) return uEarly;
  const uLate = wall - late;
  if (uLate + z.at(uLate) === wall) return uLate;
  return uEarly; // in the gap: forward by the gap
}

/**
 * A converter of wall times in `fromZone` to wall times in `toZone` (IANA names). Identity when
 * both name the same zone. Results are cached per wall hour where the shift is constant, so a
 * million conversions cost a few Map look-ups each. Throws RangeError for an unknown zone
 * (zones come from the validated mapping, so that is a programming error, not bad data).
 * Non-existent and ambiguous wall times: see `toUtc` above (forward shift / earlier instant).
 */
export function zoneConverter(fromZone: string, toZone: string): (wall: number) => number {
  const from = offsetsOf(fromZone);
  const to = offsetsOf(toZone);
  if (canonicalZone(fromZone) === canonicalZone(toZone) || (from === null && to === null)) {
    return (wall) => wall;
  }
  const exact = (wall: number): number => {
    const utc = from === null ? wall : toUtc(from, wall);
    return to === null ? utc : utc + to.at(utc);
  };
  const shifts = new Map<number, number>();
  return (wall) => {
    const hour = Math.floor(wall / MS_PER_HOUR);
    const shift = shifts.get(hour);
    if (shift !== undefined) return wall + shift;
    const start = hour * MS_PER_HOUR;
    const end = start + MS_PER_HOUR - 1000;
    const a = exact(start) - start;
    if (a === exact(end) - end && regular(start, end)) {
      if (shifts.size > 500_000) shifts.clear();
      shifts.set(hour, a);
    }
    return exact(wall);
  };

  /** No offset change in either zone anywhere the hour [start, end] of wall time can reach. */
  function regular(start: number, end: number): boolean {
    if (from !== null && from.at(start - MS_PER_DAY) !== from.at(end + MS_PER_DAY)) return false;
    if (to !== null) {
      const u0 = from === null ? start : toUtc(from, start);
      const u1 = from === null ? end : toUtc(from, end);
      if (to.at(u0) !== to.at(u1)) return false;
    }
    return true;
  }
}

/** The wall time in `zone` at the UTC instant `nowMs` (the clock is passed in, for tests). */
export function nowWall(zone: string, nowMs: number): number {
  const z = offsetsOf(zone);
  return z === null ? nowMs : nowMs + z.at(nowMs);
}
