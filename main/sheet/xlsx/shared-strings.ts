import { Carry, type ChunkScanner } from './carry.ts';
import { BANG, GT, LT, QUESTION, SLASH, ascii, localStart, nameEnd, skipSpecial, spells, tagEnd } from './markup.ts';
import { Unsupported } from './stops.ts';
import { stringItem } from './string-item.ts';
import { TextCursor } from './text.ts';
import type { ZipParts } from './zip-parts.ts';

const SI = ascii('si');
const SPACE = 32;
const PLAIN_START = ascii('<si><t');
const PLAIN_END = ascii('</t></si>');

/** Whether `bytes` appear at `i`, as far as the buffer goes before `end`. */
function at(buf: Buffer, i: number, bytes: Uint8Array, end = buf.length): boolean {
  const length = Math.min(bytes.length, end - i);
  for (let k = 0; k < length; k++) if (buf[i + k] !== bytes[k]) return false;
  return true;
}

/** Collects the shared-string table item by item as its part streams in. */
class SharedStringsScanner implements ChunkScanner {
  readonly strings: string[] = [];
  private readonly cursor = new TextCursor();

  scan(buf: Buffer): number {
    const end = buf.length;
    let i = 0;
    for (;;) {
      while (i < end && buf[i] !== LT) i++;
      if (i + 1 >= end) return i;
      let next = this.plainItem(buf, i, end);
      if (next === 0) next = buf[i + 1] === BANG || buf[i + 1] === QUESTION ? skipSpecial(buf, i, end) : this.tag(buf, i, end);
      if (next < 0) return i;
      i = next;
    }
  }

  /**
   * The common item, `<si><t>text</t></si>` (the `<t>` perhaps with xml:space), read in one pass
   * over its text. 0 when the item is anything else, -1 when it is not all here yet.
   */
  private plainItem(buf: Buffer, i: number, end: number): number {
    if (!at(buf, i, PLAIN_START, end)) return 0;
    if (i + PLAIN_START.length + 1 > end) return -1;
    if (buf[i + PLAIN_START.length] !== GT && buf[i + PLAIN_START.length] !== SPACE) return 0;
    const start = tagEnd(buf, i + PLAIN_START.length, end);
    if (start < 0) return -1;
    if (buf[start - 2] === SLASH) return 0;
    const text = this.cursor.read(buf, start, end);
    const close = this.cursor.end;
    if (!at(buf, close, PLAIN_END, end)) return 0;
    if (close + PLAIN_END.length > end) return -1;
    this.strings.push(text);
    return close + PLAIN_END.length;
  }

  /** Reads the tag at `i` (a whole `<si>` item or any other tag); -1 when it is not complete. */
  private tag(buf: Buffer, i: number, end: number): number {
    const closing = buf[i + 1] === SLASH;
    const name = nameEnd(buf, closing ? i + 2 : i + 1, end);
    const after = tagEnd(buf, name, end);
    if (after < 0 || closing || !spells(buf, localStart(buf, i + 1, name), name, SI)) return after;
    // SheetJS splits the table at each `</si>`, so an empty `<si/>` swallows the next item there.
    if (buf[after - 2] === SLASH) throw new Unsupported('unusual_markup');
    const close = closingSi(buf, after, end);
    const next = close < 0 ? -1 : tagEnd(buf, close, end);
    if (next >= 0) this.strings.push(stringItem(buf, after, close));
    return next;
  }
}

/** Where the `</si>` that ends an item starting at `i` begins, or -1 when it is not here yet. */
function closingSi(buf: Buffer, i: number, end: number): number {
  for (;;) {
    while (i < end && buf[i] !== LT) i++;
    if (i + 1 >= end) return -1;
    if (buf[i + 1] === SLASH) {
      const name = nameEnd(buf, i + 2, end);
      if (name >= end) return -1;
      if (spells(buf, localStart(buf, i + 2, name), name, SI)) return i;
    }
    i++;
  }
}

/** The workbook's shared strings, in order; an empty table when the part is absent. */
export function readSharedStrings(parts: ZipParts, name: string): string[] {
  const scanner = new SharedStringsScanner();
  const carry = new Carry(scanner);
  if (!parts.stream(name, carry.sink)) return [];
  if (carry.leftover > 0) throw new Unsupported('unusual_markup');
  return scanner.strings;
}
