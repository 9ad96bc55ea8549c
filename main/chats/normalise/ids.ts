import type { Cell } from '../../sheet/types.ts';

export type IdResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not_integer' | 'not_positive' | 'too_large' };

const EMPTY: IdResult = Object.freeze({ ok: false, reason: 'empty' });
const NOT_INTEGER: IdResult = Object.freeze({ ok: false, reason: 'not_integer' });
const NOT_POSITIVE: IdResult = Object.freeze({ ok: false, reason: 'not_positive' });
const TOO_LARGE: IdResult = Object.freeze({ ok: false, reason: 'too_large' });

/** 123, +123, 123.0, 1.23e5, 1,23E+5 (a decimal comma). */
const NUMERIC = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A positive whole number up to Number.MAX_SAFE_INTEGER (the Data API's ids are JSON numbers).
 * Accepts number cells and numeric text with spaces around, a trailing `.0`, or an exponent, as
 * long as the value is whole. Never throws.
 */
export function parseId(cell: Cell): IdResult {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const s = cell.trim();
    if (s === '') return EMPTY;
    if (!NUMERIC.test(s)) return NOT_INTEGER;
    n = Number(s.includes(',') ? s.replace(',', '.') : s);
  } else if (cell === null) return EMPTY;
  else return NOT_INTEGER;
  if (Number.isNaN(n)) return NOT_INTEGER;
  if (n <= 0) return Number.isInteger(n) || !Number.isFinite(n) ? NOT_POSITIVE : NOT_INTEGER;
  if (n > Number.MAX_SAFE_INTEGER) return TOO_LARGE;
  if (!Number.isInteger(n)) return NOT_INTEGER;
  return { ok: true, value: n };
}
