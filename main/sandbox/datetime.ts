/** The Data API's date-time form: `YYYY-MM-DD hh:mm:ss`, no `T`, no zone (callgear-data-api.md §1). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parts(value: string): Parts | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute, second };
}

/** True for a well-formed date-time naming a real calendar moment (no 2024-02-30, no 24:00:00). */
export function isDateTime(value: string): boolean {
  const p = parts(value);
  if (!p || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const probe = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return probe.getUTCFullYear() === p.year && probe.getUTCMonth() === p.month - 1 && probe.getUTCDate() === p.day;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall time of an instant in a zone, in the API's form. Same-form strings compare in time order. */
export function wallTime(epochMs: number, timeZone: string): string {
  const all = formatter(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => all.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * Seconds until the next midnight in the zone. Counted on the wall clock, so a DST day is off by
 * its shift for one window; the sandbox's day budget does not need better.
 */
export function secondsToLocalMidnight(epochMs: number, timeZone: string): number {
  const p = parts(wallTime(epochMs, timeZone));
  if (!p) return 86_400;
  return 86_400 - (p.hour * 3600 + p.minute * 60 + p.second);
}

/** `value` plus whole calendar months, the day clamped to the target month's length. */
export function addMonths(value: string, months: number): string {
  const p = parts(value);
  if (!p) return value;
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(p.day, lastDay))} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}
