import { BOOLEAN, DATE, ERROR, INLINE, NUMBER, SHARED, STRING } from './cell-store.ts';
import { APOSTROPHE, EQUALS, QUOTE, isSpace } from './markup.ts';
import { Unsupported } from './stops.ts';

/* Attribute values of <row> and <c>, read in place from the bytes. */

const ZERO = 48;
const NINE = 57;
const S = 115;
/** Styles past this many are no spreadsheet's (Excel allows 64,000). */
const MAX_STYLE = 1 << 20;

/** Markup this scanner does not read (an unquoted value, a stray slash) goes to SheetJS. */
export function unquoted(): never {
  throw new Unsupported('unusual_markup');
}

/** Where the value of a one-letter attribute starts inside a complete start tag, or -1. */
export function attributeValue(buf: Buffer, i: number, end: number, letter: number): number {
  for (; i < end; i++) {
    if (buf[i] !== letter || !isSpace(buf[i - 1]!)) continue;
    let j = i + 1;
    while (isSpace(buf[j]!)) j++;
    if (buf[j] !== EQUALS) continue;
    j++;
    while (isSpace(buf[j]!)) j++;
    if (buf[j] === QUOTE || buf[j] === APOSTROPHE) return j + 1;
  }
  return -1;
}

/** A style index; SheetJS looks styles up by the attribute's text, so "01" finds no style. */
export function styleIndex(buf: Buffer, start: number, end: number): number {
  if (end === start || (buf[start] === ZERO && end - start > 1)) throw new Unsupported('unusual_cell');
  let index = 0;
  for (let i = start; i < end; i++) {
    const byte = buf[i]!;
    if (byte < ZERO || byte > NINE || index > MAX_STYLE) throw new Unsupported('unusual_cell');
    index = index * 10 + byte - ZERO;
  }
  return index;
}

const TYPES = new Map<string, number>([
  ['n', NUMBER],
  ['s', SHARED],
  ['str', STRING],
  ['inlineStr', INLINE],
  ['b', BOOLEAN],
  ['e', ERROR],
  ['d', DATE],
]);

export function cellType(buf: Buffer, start: number, end: number): number {
  if (end - start === 1) {
    const byte = buf[start];
    if (byte === S) return SHARED;
    if (byte === 110) return NUMBER;
  }
  const type = TYPES.get(buf.toString('latin1', start, end));
  if (type === undefined) throw new Unsupported('unusual_cell');
  return type;
}
