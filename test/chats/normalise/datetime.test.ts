import { describe, expect, it } from 'vitest';
import {
  formatWall,
  MAX_WALL,
  MIN_WALL,
  parseDateTime,
  wallOf,
  type DateOrder,
  type DateParse,
} from '../../../main/chats/normalise/datetime.ts';
import { parseDateTextGeneral } from '../../../main/chats/normalise/parse-date.ts';

/** The parse as `YYYY-MM-DD hh:mm:ss`, or the failure reason. */
function read(cell: Parameters<typeof parseDateTime>[0], order: DateOrder = 'DMY'): string {
  const r = parseDateTime(cell, order);
  return r.ok ? formatWall(r.wall) : `!${r.reason}`;
}

function ok(cell: Parameters<typeof parseDateTime>[0], order: DateOrder = 'DMY'): Extract<DateParse, { ok: true }> {
  const r = parseDateTime(cell, order);
  if (!r.ok) throw new Error(`expected ${String(cell)} to parse, got ${r.reason}`);
  return r;
}

describe('wall ms', () => {
  it('is milliseconds since 1970-01-01 00:00:00 read as UTC', () => {
    expect(wallOf(1970, 1, 1)).toBe(0);
    expect(wallOf(2024, 3, 1, 10, 15, 0)).toBe(Date.UTC(2024, 2, 1, 10, 15, 0));
    expect(MIN_WALL).toBe(Date.UTC(1900, 0, 1));
    expect(MAX_WALL).toBe(Date.UTC(9999, 11, 31, 23, 59, 59));
  });

  it('formats as the Data API wants: YYYY-MM-DD hh:mm:ss, milliseconds dropped', () => {
    expect(formatWall(wallOf(2024, 3, 1, 10, 15, 0))).toBe('2024-03-01 10:15:00');
    expect(formatWall(wallOf(1900, 1, 1))).toBe('1900-01-01 00:00:00');
    expect(formatWall(MAX_WALL)).toBe('9999-12-31 23:59:59');
    expect(formatWall(wallOf(2024, 2, 29, 23, 59, 59) + 999)).toBe('2024-02-29 23:59:59');
    expect(formatWall(Number.NaN)).toBe('');
  });

  it('formats the same as toISOString for many instants across the range', () => {
    for (let t = MIN_WALL; t < MAX_WALL; t += 9_876_543_210_123 / 7) {
      const whole = Math.floor(t / 1000) * 1000;
      expect(formatWall(whole)).toBe(new Date(whole).toISOString().slice(0, 19).replace('T', ' '));
    }
  });
});

describe('parseDateTime: text', () => {
  it.each([
    ['2024-03-01 10:15:00', '2024-03-01 10:15:00'],
    ['2024-03-01T10:15:00', '2024-03-01 10:15:00'],
    ['2024-03-01 10:15', '2024-03-01 10:15:00'],
    ['2024-3-1 9:05', '2024-03-01 09:05:00'],
    ['2024/03/01', '2024-03-01 00:00:00'],
    ['2024.03.01 10:15', '2024-03-01 10:15:00'],
    ['01.03.2024 10:15', '2024-03-01 10:15:00'],
    ['1.3.2024 10:15', '2024-03-01 10:15:00'],
    ['01/03/2024 10:15:05', '2024-03-01 10:15:05'],
    ['01-03-2024', '2024-03-01 00:00:00'],
    ['01.03.2024, 10:15', '2024-03-01 10:15:00'],
    ['  01.03.2024 10:15\u00a0', '2024-03-01 10:15:00'],
    ['2024-03-01 10:15:00.000', '2024-03-01 10:15:00'],
  ])('%s → %s (day-first)', (text, want) => {
    expect(read(text, 'DMY')).toBe(want);
  });

  it('reads month-first text under MDY, with AM/PM', () => {
    expect(read('3/1/2024 10:15 AM', 'MDY')).toBe('2024-03-01 10:15:00');
    expect(read('3/1/2024 10:15 PM', 'MDY')).toBe('2024-03-01 22:15:00');
    expect(read('3/1/2024 12:00 AM', 'MDY')).toBe('2024-03-01 00:00:00');
    expect(read('3/1/2024 12:30 PM', 'MDY')).toBe('2024-03-01 12:30:00');
    expect(read('3/1/2024 10:15:30 p.m.', 'MDY')).toBe('2024-03-01 22:15:30');
    expect(read('3/1/2024 10:15pm', 'MDY')).toBe('2024-03-01 22:15:00');
    expect(read('3/1/2024 13:15 PM', 'MDY')).toBe('!unparseable');
    expect(read('3/1/2024 0:15 AM', 'MDY')).toBe('!unparseable');
  });

  it('lets the order decide only day vs month: a year-first date is always Y-M-D', () => {
    expect(read('03/04/2024', 'DMY')).toBe('2024-04-03 00:00:00');
    expect(read('03/04/2024', 'MDY')).toBe('2024-03-04 00:00:00');
    expect(read('2024-03-04', 'MDY')).toBe('2024-03-04 00:00:00');
    expect(read('2024-03-04', 'DMY')).toBe('2024-03-04 00:00:00');
  });

  it('under YMD reads day-month-year text by its values, else day-first', () => {
    expect(read('13/04/2024', 'YMD')).toBe('2024-04-13 00:00:00');
    expect(read('04/13/2024', 'YMD')).toBe('2024-04-13 00:00:00');
    expect(read('03/04/2024', 'YMD')).toBe('2024-04-03 00:00:00');
    expect(read('24-03-01', 'YMD')).toBe('2024-03-01 00:00:00');
  });

  it('never silently reads a date in the wrong order: 13/04/2024 is not month-first', () => {
    expect(read('13/04/2024', 'MDY')).toBe('!unparseable');
    expect(read('04/13/2024', 'DMY')).toBe('!unparseable');
  });

  it('reads Russian month names, with «г.» and «в»', () => {
    expect(read('1 марта 2024 10:15')).toBe('2024-03-01 10:15:00');
    expect(read('1 марта 2024 г. 10:15')).toBe('2024-03-01 10:15:00');
    expect(read('1 марта 2024 г.')).toBe('2024-03-01 00:00:00');
    expect(read('15 мая 2023 в 9:05')).toBe('2023-05-15 09:05:00');
    expect(read('31 декабря 2023')).toBe('2023-12-31 00:00:00');
    expect(read('3 Сентября 2024 18:00:01')).toBe('2024-09-03 18:00:01');
    expect(read('1 янв. 2024')).toBe('2024-01-01 00:00:00');
    expect(read('01-мар-2024')).toBe('2024-03-01 00:00:00');
    expect(read('1 март 2024')).toBe('2024-03-01 00:00:00');
    expect(read('5 июня 2024', 'MDY')).toBe('2024-06-05 00:00:00');
  });

  it('reads English month names in both orders, and a leading weekday', () => {
    expect(read('March 1, 2024 10:15')).toBe('2024-03-01 10:15:00');
    expect(read('Mar 1 2024')).toBe('2024-03-01 00:00:00');
    expect(read('March 1st, 2024')).toBe('2024-03-01 00:00:00');
    expect(read('01-Mar-2024')).toBe('2024-03-01 00:00:00');
    expect(read('01-MAR-24')).toBe('2024-03-01 00:00:00');
    expect(read('1 March 2024 10:15 AM')).toBe('2024-03-01 10:15:00');
    expect(read('Sept 30, 2024', 'MDY')).toBe('2024-09-30 00:00:00');
    expect(read('Friday, March 1, 2024 at 10:15')).toBe('2024-03-01 10:15:00');
    expect(read('Marchy 1, 2024')).toBe('!unparseable');
    expect(read('March 2024')).toBe('!unparseable');
  });

  it('reads two-digit years as 20yy below 70 and 19yy from 70, and says so', () => {
    expect(read('01.03.24')).toBe('2024-03-01 00:00:00');
    expect(ok('01.03.24').twoDigitYear).toBe(true);
    expect(read('01.03.69 10:15')).toBe('2069-03-01 10:15:00');
    expect(read('01.03.70')).toBe('1970-03-01 00:00:00');
    expect(read('01.03.99')).toBe('1999-03-01 00:00:00');
    expect(ok('01.03.2024').twoDigitYear).toBe(false);
  });

  it('rounds fractional seconds to the nearest second', () => {
    expect(read('2024-03-01 10:15:00.499')).toBe('2024-03-01 10:15:00');
    expect(read('2024-03-01 10:15:00.5')).toBe('2024-03-01 10:15:01');
    expect(read('2024-03-01T10:15:59,9')).toBe('2024-03-01 10:16:00');
    expect(read('2024-12-31 23:59:59.999')).toBe('2025-01-01 00:00:00');
  });

  it('marks dates without a time as date-only at 00:00:00', () => {
    expect(ok('01.03.2024').dateOnly).toBe(true);
    expect(ok('01.03.2024 00:00').dateOnly).toBe(false);
    expect(ok('2024-03-01').dateOnly).toBe(true);
  });

  it('converts an explicit offset to UTC and says so in `zone`', () => {
    const z = ok('2024-03-01T10:15:00Z');
    expect([formatWall(z.wall), z.zone, z.offsetMinutes]).toEqual(['2024-03-01 10:15:00', 'utc', 0]);
    const msk = ok('2024-03-01T10:15:00+03:00');
    expect([formatWall(msk.wall), msk.zone, msk.offsetMinutes]).toEqual(['2024-03-01 07:15:00', 'utc', 180]);
    expect(read('2024-03-01 10:15:00 +0300')).toBe('2024-03-01 07:15:00');
    expect(read('2024-03-01T23:30:00-05:00')).toBe('2024-03-02 04:30:00');
    expect(read('2024-03-01T10:15:00+05:30')).toBe('2024-03-01 04:45:00');
    expect(read('2024-03-01 10:15 UTC')).toBe('2024-03-01 10:15:00');
    expect(read('2024-03-01 10:15 GMT+3')).toBe('2024-03-01 07:15:00');
    expect(read('Fri, 01 Mar 2024 10:15:00 GMT')).toBe('2024-03-01 10:15:00');
    expect(ok('2024-03-01 10:15:00').zone).toBe('file');
    expect(ok('2024-03-01T00:00:00-00:00').offsetMinutes).toBe(0);
  });

  it('rejects dates that do not exist', () => {
    expect(read('31.02.2024')).toBe('!unparseable');
    expect(read('30.02.2024')).toBe('!unparseable');
    expect(read('29.02.2024')).toBe('2024-02-29 00:00:00');
    expect(read('29.02.2023')).toBe('!unparseable');
    expect(read('29.02.1900')).toBe('!unparseable');
    expect(read('29.02.2000')).toBe('2000-02-29 00:00:00');
    expect(read('31.04.2024')).toBe('!unparseable');
    expect(read('00.01.2024')).toBe('!unparseable');
    expect(read('01.13.2024')).toBe('!unparseable');
    expect(read('2024-03-01 24:00')).toBe('!unparseable');
    expect(read('2024-03-01 10:60')).toBe('!unparseable');
    expect(read('2024-03-01 10:15:60')).toBe('!unparseable');
  });

  it('never turns a five-digit year into a wrong date', () => {
    expect(read('12/03/20245')).toBe('!unparseable');
    expect(read('12/03/20245', 'MDY')).toBe('!unparseable');
    expect(read('20245-03-01')).toBe('!unparseable');
    expect(read('1 марта 20245')).toBe('!unparseable');
    expect(read('12/03/202')).toBe('!unparseable');
  });

  it('keeps to 1900…9999', () => {
    expect(read('1899-12-31')).toBe('!out_of_range');
    expect(read('0000-01-01')).toBe('!out_of_range');
    expect(read('1900-01-01 00:00')).toBe('1900-01-01 00:00:00');
    expect(read('9999-12-31 23:59:59')).toBe('9999-12-31 23:59:59');
    expect(read('9999-12-31 23:59:59.7')).toBe('!out_of_range');
    expect(read('1900-01-01T00:00:00+01:00')).toBe('!out_of_range');
  });

  it('refuses text that is not a date, including trailing rubbish', () => {
    for (const s of ['abc', '10:15', '2024', '45352', '2024-03', '01.03.2024 10', '01.03.2024 10:1',
      '2024-03-01 10:15 MSK', '2024-03-01x', '01.03/2024', '2024-03-01 10:15:00 +3:0', 'Mar 1, 2024 blah',
      '1/2', '2024-03-01T', '01.03.2024 10:15 AM extra']) {
      expect(read(s), s).toBe('!unparseable');
    }
  });

  it('treats blank text as empty', () => {
    expect(read('')).toBe('!empty');
    expect(read('   ')).toBe('!empty');
    expect(read(null)).toBe('!empty');
  });

  it('gives the same answer on the fast path as the general scanner', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const p2 = (n: number): string => String(n).padStart(2, '0');
    for (let i = 0; i < 8_000; i++) {
      const y = 1890 + rnd(200);
      const m = rnd(14);
      const d = rnd(33);
      const h = rnd(26);
      const mi = rnd(62);
      const s = rnd(62);
      const iso = `${y}-${p2(m)}-${p2(d)}${rnd(2) ? 'T' : ' '}${p2(h)}:${p2(mi)}:${p2(s)}`;
      const dots = `${p2(d)}.${p2(m)}.${y} ${p2(h)}:${p2(mi)}`;
      for (const order of ['DMY', 'MDY', 'YMD'] as const) {
        expect(parseDateTime(iso, order), iso).toEqual(parseDateTextGeneral(iso, order));
        expect(parseDateTime(dots, order), dots).toEqual(parseDateTextGeneral(dots, order));
      }
    }
  });
});

describe('parseDateTime: spreadsheet values', () => {
  it('reads a Date cell by its UTC fields, rounded to the second', () => {
    expect(read(new Date(Date.UTC(2024, 2, 1, 10, 15, 0)))).toBe('2024-03-01 10:15:00');
    expect(read(new Date(Date.UTC(2024, 2, 1, 10, 14, 59, 999)))).toBe('2024-03-01 10:15:00');
    expect(read(new Date(Date.UTC(2024, 2, 1, 10, 15, 0, 499)))).toBe('2024-03-01 10:15:00');
    expect(ok(new Date(Date.UTC(2024, 2, 1))).dateOnly).toBe(true);
    expect(ok(new Date(Date.UTC(2024, 2, 1, 0, 0, 1))).dateOnly).toBe(false);
    expect(read(new Date(Number.NaN))).toBe('!unparseable');
    expect(read(new Date(Date.UTC(1850, 0, 1)))).toBe('!out_of_range');
  });

  it('reads numbers as Excel 1900-system serials, time in the fraction', () => {
    expect(read(45352)).toBe('2024-03-01 00:00:00');
    expect(ok(45352).dateOnly).toBe(true);
    expect(read(45352.4375)).toBe('2024-03-01 10:30:00');
    expect(ok(45352.4375).dateOnly).toBe(false);
    expect(read(45352.42708333333)).toBe('2024-03-01 10:15:00');
    expect(read(25569)).toBe('1970-01-01 00:00:00');
    expect(read(2958465)).toBe('9999-12-31 00:00:00');
    expect(read(2958465.99999)).toBe('9999-12-31 23:59:59');
  });

  it('honours the 1900 leap-year bug: serial 60 is the fake 1900-02-29, earlier serials shift a day', () => {
    expect(read(1)).toBe('1900-01-01 00:00:00');
    expect(read(31)).toBe('1900-01-31 00:00:00');
    expect(read(59)).toBe('1900-02-28 00:00:00');
    expect(read(59.5)).toBe('1900-02-28 12:00:00');
    expect(read(60)).toBe('!unparseable');
    expect(read(60.5)).toBe('!unparseable');
    expect(read(61)).toBe('1900-03-01 00:00:00');
  });

  it('keeps serials to 1…2958465', () => {
    expect(read(0)).toBe('!out_of_range');
    expect(read(0.5)).toBe('!out_of_range');
    expect(read(-1)).toBe('!out_of_range');
    expect(read(2958466)).toBe('!out_of_range');
    expect(read(1e12)).toBe('!out_of_range');
    expect(read(Number.NaN)).toBe('!unparseable');
    expect(read(Number.POSITIVE_INFINITY)).toBe('!unparseable');
  });

  it('refuses booleans', () => {
    expect(read(true)).toBe('!unparseable');
  });
});
