/**
 * "Wall ms": a naive wall-clock date-time held as a number, the milliseconds since
 * 1970-01-01T00:00:00 read as if it were UTC. No zone is attached; the mapping's zones give it
 * meaning. Plain integer arithmetic (no Date objects) so the per-row path allocates nothing.
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Wall ms of a calendar date and time; the caller has validated the parts. */
export function wallOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** 1900-01-01 00:00:00, the first day an Excel serial (1900 system) can name. */
export const MIN_WALL = wallOf(1900, 1, 1);
/** 9999-12-31 23:59:59, the last second with a four-digit year (Excel serial 2958465). */
export const MAX_WALL = wallOf(9999, 12, 31, 23, 59, 59);

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

/**
 * `YYYY-MM-DD hh:mm:ss`, the Data API's date-time format (milliseconds are dropped, not
 * rounded: round when parsing). Returns '' for NaN or ±Infinity.
 */
export function formatWall(wall: number): string {
  if (!Number.isFinite(wall)) return '';
  const days = Math.floor(wall / MS_PER_DAY);
  let secs = Math.floor((wall - days * MS_PER_DAY) / 1000);
  // civil_from_days (H. Hinnant)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secs / 3600);
  secs -= hour * 3600;
  const minute = Math.floor(secs / 60);
  secs -= minute * 60;
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return (
    y + '-' + PAD2[month] + '-' + PAD2[day] + ' ' + PAD2[hour] + ':' + PAD2[minute] + ':' + PAD2[secs]
  );
}
