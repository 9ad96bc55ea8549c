import { describe, expect, it } from 'vitest';
import { serialToDate } from '../../main/sheet/serial-date.ts';

const iso = (serial: number, date1904 = false): string | null => serialToDate(serial, date1904)?.toISOString() ?? null;

describe('serialToDate', () => {
  it('counts 1900-system serials the way Excel shows them, including before the phantom leap day', () => {
    expect(iso(1)).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(59)).toBe('1900-02-28T00:00:00.000Z');
    expect(iso(61)).toBe('1900-03-01T00:00:00.000Z');
    expect(iso(45292)).toBe('2024-01-01T00:00:00.000Z');
  });

  it('has no date for 1900-02-29, which Excel invented', () => {
    expect(iso(60)).toBeNull();
    expect(iso(60.5)).toBeNull();
  });

  it('counts 1904-system serials from 1904-01-01', () => {
    expect(iso(0, true)).toBe('1904-01-01T00:00:00.000Z');
    expect(iso(45292 - 1462, true)).toBe('2024-01-01T00:00:00.000Z');
  });

  it('rounds to the nearest second, so …:59.999 becomes the next minute', () => {
    const tenTwenty = 45292 + (10 * 3600 + 20 * 60) / 86400;
    expect(iso(tenTwenty - 0.4 / 86400)).toBe('2024-01-01T10:20:00.000Z');
    expect(iso(45292 + 1 - 0.2 / 86400)).toBe('2024-01-02T00:00:00.000Z');
  });

  it('puts a time of day alone on 1899-12-30', () => {
    expect(iso(0.5)).toBe('1899-12-30T12:00:00.000Z');
  });

  it('has no date for negative serials or ones past 9999-12-31', () => {
    expect(iso(-1)).toBeNull();
    expect(iso(2958465.5)).toBe('9999-12-31T12:00:00.000Z');
    expect(iso(2958466)).toBeNull();
    expect(iso(Number.NaN)).toBeNull();
  });
});
