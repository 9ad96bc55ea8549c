import type { ChunkScanner } from './carry.ts';
import { attributeValue, cellType, styleIndex, unquoted } from './cell-attributes.ts';
import { CellStore, type CellContext } from './cell-store.ts';
import { SheetTail } from './merges.ts';
import { APOSTROPHE, BANG, EQUALS, GT, LT, QUESTION, QUOTE, SLASH, ascii, isSpace, localStart, nameEnd, skipSpecial, spells, tagEnd } from './markup.ts';
import { Unsupported } from './stops.ts';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../limits.ts';

/*
 * The worksheet scanner: one pass over the sheet's XML bytes as they are inflated, with no DOM
 * and no object per cell. Before <sheetData> and after it, tags are skipped (merges and links
 * are picked out after it); inside, each <row> and each whole <c>…</c> is read in place and its
 * value handed to the CellStore. An element cut off by the end of a chunk is left for the next.
 */

const ROW = ascii('row');
const SHEET_DATA = ascii('sheetData');
const C = 99;
const V = 118;
const R = 114;
const S = 115;
const T = 116;
const IS = ascii('is');
const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;

const BEFORE = 0;
const DATA = 1;
const AFTER = 2;

export class SheetScanner implements ChunkScanner {
  readonly store: CellStore;
  readonly tail = new SheetTail();
  private phase = BEFORE;
  /** The current <row>'s number (1-based), for cells without an `r`. */
  private rowNumber = 0;
  /** The last cell's column (0-based), for cells without an `r`. */
  private column = -1;
  // The cell being read; fields rather than an object so a cell allocates nothing.
  private type = 0;
  private style = -1;
  private refRow = -1;
  private refColumn = -1;
  private valueStart = -1;
  private valueEnd = -1;
  private inlineStart = -1;
  private inlineEnd = -1;

  constructor(context: CellContext) {
    this.store = new CellStore(context);
  }

  /** True once </sheetData> was seen or the sheet has no data; false means it was cut short. */
  get complete(): boolean {
    return this.phase !== DATA;
  }

  scan(buf: Buffer): number {
    const end = buf.length;
    let i = 0;
    for (;;) {
      while (i < end && buf[i] !== LT) i++;
      if (i + 1 >= end) return i;
      const next = this.phase === DATA ? this.dataTag(buf, i, end) : this.outsideTag(buf, i, end);
      if (next < 0) return i;
      i = next;
    }
  }

  /** A tag before or after the data: skipped, except the start of the data and what follows it. */
  private outsideTag(buf: Buffer, i: number, end: number): number {
    if (buf[i + 1] === BANG || buf[i + 1] === QUESTION) return skipSpecial(buf, i, end);
    const closing = buf[i + 1] === SLASH;
    const name = nameEnd(buf, closing ? i + 2 : i + 1, end);
    const after = tagEnd(buf, name, end);
    if (after < 0) return -1;
    if (this.phase === AFTER) this.tail.tag(buf.toString('latin1', i, after));
    else if (!closing && spells(buf, localStart(buf, i + 1, name), name, SHEET_DATA)) {
      this.phase = buf[after - 2] === SLASH ? AFTER : DATA;
    }
    return after;
  }

  private dataTag(buf: Buffer, i: number, end: number): number {
    const second = buf[i + 1]!;
    // Nearly every tag here is an unprefixed cell: straight to it.
    if (second === C && buf[i + 2] === SPACE) return this.cell(buf, i + 2, end);
    if (second === BANG || second === QUESTION) throw new Unsupported('unusual_markup');
    const closing = second === SLASH;
    const nameStart = closing ? i + 2 : i + 1;
    const name = nameEnd(buf, nameStart, end);
    if (name >= end) return -1;
    const local = localStart(buf, nameStart, name);
    if (!closing && name - local === 1 && buf[local] === C) return this.cell(buf, name, end);
    const after = tagEnd(buf, name, end);
    if (after < 0) return -1;
    if (spells(buf, local, name, ROW)) {
      if (!closing) this.startRow(buf, name, after);
    } else if (closing && spells(buf, local, name, SHEET_DATA)) {
      this.phase = AFTER;
      this.store.finishRow();
    }
    return after;
  }

  /** SheetJS numbers a row without `r` one past the previous row. */
  private startRow(buf: Buffer, i: number, end: number): void {
    this.column = -1;
    const at = attributeValue(buf, i, end, R);
    if (at < 0) {
      this.rowNumber++;
      return;
    }
    let row = 0;
    for (let j = at; buf[j] !== QUOTE && buf[j] !== APOSTROPHE; j++) {
      const byte = buf[j]!;
      if (byte < ZERO || byte > NINE) throw new Unsupported('unusual_cell');
      row = row * 10 + byte - ZERO;
      if (row > MAX_SHEET_ROWS) throw new Unsupported('unusual_cell');
    }
    this.rowNumber = row;
  }

  /** Reads a whole <c>: attributes, then children up to </c>; -1 when it is not all here yet. */
  private cell(buf: Buffer, i: number, end: number): number {
    this.type = 0;
    this.style = -1;
    this.refRow = -1;
    this.valueStart = this.valueEnd = this.inlineStart = this.inlineEnd = -1;
    let j = this.cellAttributes(buf, i, end);
    if (j < 0) return -1;
    if (buf[j - 2] !== SLASH) {
      j = this.cellChildren(buf, j, end);
      if (j < 0) return -1;
    }
    this.commit(buf);
    return j;
  }

  /** Index past the cell's start tag, with `r`, `s` and `t` read into fields; -1 if incomplete. */
  private cellAttributes(buf: Buffer, j: number, end: number): number {
    for (;;) {
      while (j < end && isSpace(buf[j]!)) j++;
      if (j >= end) return -1;
      const byte = buf[j]!;
      if (byte === GT) return j + 1;
      if (byte === SLASH) return j + 1 >= end ? -1 : buf[j + 1] === GT ? j + 2 : unquoted();
      const nameStart = j;
      while (j < end && buf[j] !== EQUALS && !isSpace(buf[j]!)) j++;
      const nameLength = j - nameStart;
      while (j < end && isSpace(buf[j]!)) j++;
      if (j >= end) return -1;
      if (buf[j] !== EQUALS) throw new Unsupported('unusual_markup');
      j++;
      while (j < end && isSpace(buf[j]!)) j++;
      const quote = buf[j];
      if (quote !== QUOTE && quote !== APOSTROPHE) return j >= end ? -1 : unquoted();
      const valueStart = ++j;
      while (j < end && buf[j] !== quote) j++;
      if (j >= end) return -1;
      if (nameLength === 1) this.attribute(buf[nameStart]!, buf, valueStart, j);
      j++;
    }
  }

  private attribute(name: number, buf: Buffer, start: number, end: number): void {
    if (name === R) this.reference(buf, start, end);
    else if (name === S) this.style = styleIndex(buf, start, end);
    else if (name === T) this.type = cellType(buf, start, end);
  }

  /** An A1 reference: letters then digits, nothing else (SheetJS misreads `$` and lowercase). */
  private reference(buf: Buffer, start: number, end: number): void {
    let column = 0;
    let i = start;
    for (; i < end && buf[i]! >= A && buf[i]! <= Z; i++) column = column * 26 + buf[i]! - 64;
    let row = 0;
    const digits = i;
    for (; i < end && buf[i]! >= ZERO && buf[i]! <= NINE && row <= MAX_SHEET_ROWS; i++) row = row * 10 + buf[i]! - ZERO;
    if (i !== end || digits === start || digits === end || column > MAX_SHEET_COLUMNS || row > MAX_SHEET_ROWS || row === 0) {
      throw new Unsupported('unusual_cell');
    }
    this.refColumn = column - 1;
    this.refRow = row - 1;
  }

  /** Walks a cell's children to its </c>, noting where <v> and <is> content lie. */
  private cellChildren(buf: Buffer, j: number, end: number): number {
    for (;;) {
      while (j < end && buf[j] !== LT) j++;
      if (j + 3 >= end) return -1;
      const fast = this.plainChild(buf, j, end);
      if (fast !== 0) {
        // Past `</c>` (its last name byte is c), the cell is done.
        if (fast < 0 || buf[fast - 2] === C) return fast;
        j = fast;
        continue;
      }
      const tag = j;
      const second = buf[j + 1]!;
      if (second === BANG || second === QUESTION) throw new Unsupported('unusual_markup');
      const closing = second === SLASH;
      const nameStart = closing ? j + 2 : j + 1;
      const name = nameEnd(buf, nameStart, end);
      const after = tagEnd(buf, name, end);
      if (after < 0) return -1;
      const local = localStart(buf, nameStart, name);
      const length = name - local;
      const first = buf[local];
      if (closing) {
        if (length === 1 && first === C) return after;
        if (length === 1 && first === V && this.valueStart >= 0 && this.valueEnd < 0) this.valueEnd = tag;
        else if (this.inlineStart >= 0 && this.inlineEnd < 0 && spells(buf, local, name, IS)) this.inlineEnd = tag;
      } else if (buf[after - 2] !== SLASH) {
        if (length === 1 && first === V && this.valueStart < 0) this.valueStart = after;
        else if (this.inlineStart < 0 && spells(buf, local, name, IS)) this.inlineStart = after;
      }
      j = after;
    }
  }

  /**
   * The unprefixed `<v>…</v>` and `</c>` that make up most cells, matched byte by byte: the index
   * past them, 0 when the tag at `j` is something else, -1 when it is not all here yet.
   */
  private plainChild(buf: Buffer, j: number, end: number): number {
    const second = buf[j + 1];
    if (second === SLASH) return buf[j + 2] === C && buf[j + 3] === GT ? j + 4 : 0;
    if (second !== V || buf[j + 2] !== GT) return 0;
    let k = j + 3;
    while (k < end && buf[k] !== LT) k++;
    if (k + 3 >= end) return -1;
    if (buf[k + 1] !== SLASH || buf[k + 2] !== V || buf[k + 3] !== GT) return 0;
    if (this.valueStart < 0) {
      this.valueStart = j + 3;
      this.valueEnd = k;
    }
    return k + 4;
  }

  private commit(buf: Buffer): void {
    let row = this.refRow;
    if (row >= 0) this.column = this.refColumn;
    else {
      row = this.rowNumber - 1;
      this.column++;
      if (row < 0 || this.column >= MAX_SHEET_COLUMNS) throw new Unsupported('unusual_cell');
    }
    const hasValue = this.valueStart >= 0 && this.valueEnd >= 0;
    const inline = this.inlineStart >= 0 && this.inlineEnd >= 0;
    this.store.put(row, this.column, this.type, this.style, buf, hasValue ? this.valueStart : -1, this.valueEnd, inline ? this.inlineStart : -1, this.inlineEnd);
  }
}
