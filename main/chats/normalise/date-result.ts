/** What the date parsers return; shared by the cell parser and the text scanner. */

/** How to read a date whose first two parts could both be a day or a month (03/04/2024). */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export type DateFailure = 'empty' | 'unparseable' | 'out_of_range';

export interface DateOk {
  ok: true;
  /** Wall ms (see wall.ts), rounded to the second. */
  wall: number;
  /**
   * No time of day was given: a date-only string, an integral Excel serial, or a Date cell at
   * exactly midnight (a spreadsheet cannot tell a date from midnight). The time is 00:00:00.
   */
  dateOnly: boolean;
  /**
   * 'file': `wall` is a wall time in the file's zone (the usual case).
   * 'utc': the text named its own offset (`Z`, `+03:00`, `UTC`); `wall` is already converted to
   * UTC wall time, so convert it with `zoneConverter('UTC', account)` and ignore the file's zone.
   */
  zone: 'file' | 'utc';
  /** The offset the text named, minutes east of UTC (0 for `Z`, and when `zone` is 'file'). */
  offsetMinutes: number;
  /** The year was written with two digits and read as 20yy when yy < 70, else 19yy. */
  twoDigitYear: boolean;
}

export interface DateFail {
  ok: false;
  /**
   * 'empty': nothing in the cell. 'unparseable': not a date in any form we read, or a date that
   * does not exist (31.02.2024, Excel's fake 1900-02-29, a five-digit year). 'out_of_range': a
   * real date before 1900-01-01 or after 9999-12-31 (Excel serial outside 1…2958465).
   */
  reason: DateFailure;
}

export type DateParse = DateOk | DateFail;

export const EMPTY: DateFail = Object.freeze({ ok: false, reason: 'empty' });
export const UNPARSEABLE: DateFail = Object.freeze({ ok: false, reason: 'unparseable' });
export const OUT_OF_RANGE: DateFail = Object.freeze({ ok: false, reason: 'out_of_range' });
