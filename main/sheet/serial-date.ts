/*
 * Spreadsheet date serials to naive wall-clock Dates (UTC fields = the time as written).
 * SheetJS's own conversion is not used: it returns about a quarter of times a millisecond short
 * (…:59.999), and the 1900 and 1904 rules are small enough to own.
 */

const SECONDS_PER_DAY = 86_400;
/** Serial 0 in the arithmetic that holds from 1900-03-01 on, and for times of day alone. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel). */
const PHANTOM_LEAP_DAY = 60;
const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * The Date a serial stands for, rounded to the second, or null when it is no real date: negative,
 * the phantom 1900-02-29, or past 9999-12-31. A serial below 1 is a time of day and lands on
 * 1899-12-30, as in Excel's own date arithmetic.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  let ms: number;
  if (date1904) ms = EPOCH_1904 + seconds * 1000;
  else {
    const day = Math.floor(seconds / SECONDS_PER_DAY);
    if (day === PHANTOM_LEAP_DAY) return null;
    // Before the phantom day every serial is one day ahead of the calendar.
    const shift = day >= 1 && day < PHANTOM_LEAP_DAY ? SECONDS_PER_DAY : 0;
    ms = EPOCH_1900 + (seconds + shift) * 1000;
  }
  return ms > LAST_MOMENT ? null : new Date(ms);
}
