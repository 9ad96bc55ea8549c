import type { Cell } from '../../sheet/types.ts';
import { parseDateTextGeneral } from './date-text.ts';
import { EMPTY, OUT_OF_RANGE, UNPARSEABLE, type DateOk, type DateOrder, type DateParse } from './date-result.ts';
import { daysInMonth, MAX_WALL, MIN_WALL, MS_PER_DAY, wallOf } from './wall.ts';

export type { DateFail, DateFailure, DateOk, DateOrder, DateParse } from './date-result.ts';
export { parseDateTextGeneral } from './date-text.ts';

/** Excel serial of 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Days from 1899-12-30 (the 1900 system's day 0, bug included) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * Reads one cell as a naive date-time. Never throws.
 * - Date cell: its UTC fields are the wall time; rounded to the second (SheetJS returns some
 *   times a hair early, `…:59.999`).
 * - number: an Excel serial, 1900 system. Lotus's leap-year bug is honoured: serial 60 is the
 *   non-existent 1900-02-29 (unparseable) and serials below 61 are one day later than the plain
 *   count from 1899-12-30. The fraction is the time of day, rounded to the second.
 * - string: see `parseDateText`.
 */
export function parseDateTime(cell: Cell, order: DateOrder): DateParse {
  if (typeof cell === 'string') return parseDateText(cell, order);
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') return parseSerial(cell);
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (t !== t) return UNPARSEABLE;
    const wall = Math.round(t / 1000) * 1000;
    if (wall < MIN_WALL || wall > MAX_WALL) return OUT_OF_RANGE;
    return ok(wall, wall % MS_PER_DAY === 0, false);
  }
  return UNPARSEABLE;
}

function parseSerial(n: number): DateParse {
  if (!Number.isFinite(n)) return UNPARSEABLE;
  if (n < 1 || n >= MAX_EXCEL_SERIAL + 1) return OUT_OF_RANGE;
  if (n >= 60 && n < 61) return UNPARSEABLE; // 1900-02-29 never existed
  let wall = Math.round((n - EXCEL_EPOCH_DAYS) * 86400) * 1000;
  if (n < 60) wall += MS_PER_DAY;
  if (wall < MIN_WALL || wall > MAX_WALL) return OUT_OF_RANGE;
  return ok(wall, Number.isInteger(n), false);
}

function ok(wall: number, dateOnly: boolean, twoDigitYear: boolean): DateOk {
  return { ok: true, wall, dateOnly, zone: 'file', offsetMinutes: 0, twoDigitYear };
}

/**
 * Reads the date forms people and exports write:
 * `2024-03-01 10:15:00`, `2024-03-01T10:15:00`, `…Z`, `…+03:00`, `2024/03/01`, `01.03.2024 10:15`,
 * `01/03/2024 10:15:05`, `3/1/2024 10:15 AM`, `01-03-2024`, `01.03.24`, `1 марта 2024 г. 10:15`,
 * `March 1, 2024 10:15`, `01-Mar-2024`, `Fri, 01 Mar 2024 10:15:00 GMT`. Seconds and fractional
 * seconds (rounded to the nearest second) are optional. `order` decides d/m vs m/d; a year-first
 * date is always year-month-day. Under 'YMD', a day-month-year shape is read by its values when
 * one part is over 12, else day-first; and a two-digit-only date with dashes or slashes (`24-03-01`) is read year-first.
 */
export function parseDateText(s: string, order: DateOrder): DateParse {
  return fastPath(s, order) ?? parseDateTextGeneral(s, order);
}

/** Two digits at `i` as a number, or -1. */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The two shapes that fill most exports, at fixed positions: `YYYY-MM-DD hh:mm:ss` (or with
 * `T`) and, day-first, `DD.MM.YYYY hh:mm`. Undefined when the text is not exactly one of them;
 * the general scanner then reads it (and gives the same answer, which the tests check).
 */
function fastPath(s: string, order: DateOrder): DateParse | undefined {
  const n = s.length;
  let y: number;
  let m: number;
  let d: number;
  let sec = 0;
  if (n === 19) {
    const t = s.charCodeAt(10);
    if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (t !== 32 && t !== 84) ||
        s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
    const y1 = d2(s, 0);
    const y2 = d2(s, 2);
    if (y1 < 0 || y2 < 0) return undefined;
    y = y1 * 100 + y2;
    m = d2(s, 5);
    d = d2(s, 8);
    sec = d2(s, 17);
  } else if (n === 16 && order === 'DMY') {
    if (s.charCodeAt(2) !== 46 || s.charCodeAt(5) !== 46 || s.charCodeAt(10) !== 32 ||
        s.charCodeAt(13) !== 58) return undefined;
    const y1 = d2(s, 6);
    const y2 = d2(s, 8);
    if (y1 < 0 || y2 < 0) return undefined;
    y = y1 * 100 + y2;
    d = d2(s, 0);
    m = d2(s, 3);
  } else return undefined;
  const h = d2(s, 11);
  const mi = d2(s, 14);
  if (m < 1 || m > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
    return undefined;
  }
  if (d > daysInMonth(y, m)) return UNPARSEABLE;
  const wall = wallOf(y, m, d, h, mi, sec);
  if (wall < MIN_WALL || wall > MAX_WALL) return OUT_OF_RANGE;
  return { ok: true, wall, dateOnly: false, zone: 'file', offsetMinutes: 0, twoDigitYear: false };
}
