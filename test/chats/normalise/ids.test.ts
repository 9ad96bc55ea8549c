import { describe, expect, it } from 'vitest';
import { parseId } from '../../../main/chats/normalise/ids.ts';

describe('parseId', () => {
  it.each([
    [123, 123], ['123', 123], [' 123 ', 123], ['123.0', 123], ['123.00', 123], [1.23e5, 123000],
    ['1.23e5', 123000], ['1,23E+5', 123000], ['+7', 7], ['007', 7], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d', (cell, want) => {
    expect(parseId(cell)).toEqual({ ok: true, value: want });
  });

  it('is empty for blank cells', () => {
    expect(parseId(null)).toEqual({ ok: false, reason: 'empty' });
    expect(parseId('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseId('  ')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([['12.5'], [12.5], ['abc'], ['12abc'], ['1 234'], ['0x1F'], [true], [new Date(0)], [Number.NaN], ['1.5e0']])(
    'refuses %j as not an integer',
    (cell) => {
      expect(parseId(cell)).toEqual({ ok: false, reason: 'not_integer' });
    },
  );

  it('refuses zero and negatives as not positive', () => {
    expect(parseId(0)).toEqual({ ok: false, reason: 'not_positive' });
    expect(parseId('0')).toEqual({ ok: false, reason: 'not_positive' });
    expect(parseId('-5')).toEqual({ ok: false, reason: 'not_positive' });
    expect(parseId(-1)).toEqual({ ok: false, reason: 'not_positive' });
  });

  it('refuses what a JSON number cannot carry exactly as too large', () => {
    expect(parseId(Number.MAX_SAFE_INTEGER + 1)).toEqual({ ok: false, reason: 'too_large' });
    expect(parseId('9007199254740993')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseId('1e400')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseId(Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'too_large' });
  });
});
