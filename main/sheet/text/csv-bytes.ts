import type { Buffer } from 'node:buffer';
import { fail, ok, type Problem, type Result } from '../../common/text.ts';
import { tooManyCells, unterminatedQuote } from '../problems.ts';
import type { Cell } from '../types.ts';
import { Boundaries, CR, finishRecord, LF, MAX_QUOTED_CHARS, QUOTE, type CsvOptions } from './csv.ts';
import { lineOfByte } from './lines.ts';
import { RecentValues } from './recent-values.ts';
import { decodedLength, HighBytes } from './utf8-text.ts';

/*
 * `parseCsv` for valid UTF-8 read straight from its bytes: the same records as `parseCsv` of the
 * decoded text. Why: on this machine memory touched for the first time costs ~5 ms per MB, and
 * the decoded text of a partly Cyrillic export (two bytes a character, kept alive by every value
 * sliced from it) was the largest thing a read allocated; V8's decoder is slow too. Here the
 * bytes are scanned through small latin1 windows (a byte is a character, so offsets agree) that
 * live and die young, and each value is its own compact string: ASCII copied one byte a
 * character, and only values holding anything else decoded from their bytes.
 */

/** Under V8's 128 KB large-object size, so windows are made, and die, in the young generation. */
const WINDOW = 64 * 1024;
/** V8 copies shorter substrings; a longer slice would keep its whole window alive. */
const MIN_SLICED = 13;
/** Not a position: the window ends before the record does. */
const INCOMPLETE = -2;

/** The decoder drops one byte-order mark and `parseCsv` one more, so up to two are skipped. */
function bomLength(bytes: Buffer): number {
  const at = (i: number): boolean => bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;
  if (!at(0)) return 0;
  return at(3) ? 6 : 3;
}

/**
 * Parses valid UTF-8 delimited text (see `validUtf8`): the records `parseCsv` gives for the
 * decoded text. Tests pass a tiny `window` so that records straddle windows everywhere.
 */
export function parseUtf8Csv(bytes: Buffer, options: CsvOptions, window = WINDOW): Result<Cell[][]> {
  return new Utf8Csv(bytes, options, window).parse();
}

/** Field places in the bytes (absolute offsets): start, closing quote or -1, end. */
class Fields {
  count = 0;
  readonly starts: number[] = [];
  readonly closes: number[] = [];
  readonly ends: number[] = [];
  readonly doubled: boolean[] = [];

  push(start: number, close: number, end: number, doubled: boolean): void {
    const i = this.count++;
    this.starts[i] = start;
    this.closes[i] = close;
    this.ends[i] = end;
    this.doubled[i] = doubled;
  }
}

class Utf8Csv {
  private readonly rows: Cell[][] = [];
  private readonly scratch: Cell[] = [];
  private cells = 0;
  /** The record being read. */
  private readonly fields = new Fields();
  private readonly recent: RecentValues;
  /** The file ended right after a delimiter: like `parseCsv`, the cell cap is not checked then. */
  private unfinished = false;
  private window = '';
  private base = 0;
  private last = false;
  private bounds = new Boundaries('', ',');
  /** Whether the quoted value `closingQuote` last found holds doubled quotes. */
  private doubled = false;
  private readonly high: HighBytes;
  private readonly delimiter: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly options: CsvOptions,
    private readonly windowSize: number,
  ) {
    this.high = new HighBytes(bytes);
    this.recent = new RecentValues(bytes);
    this.delimiter = options.delimiter.charCodeAt(0);
  }

  parse(): Result<Cell[][]> {
    const n = this.bytes.length;
    let pos = bomLength(this.bytes);
    let size = this.windowSize;
    while (pos < n) {
      this.load(pos, size);
      const next = this.records();
      if (typeof next !== 'number') return fail(next);
      // A record longer than the window: read it again through a wider one.
      size = next === pos ? size * 2 : this.windowSize;
      pos = next;
    }
    return ok(this.rows);
  }

  private load(from: number, size: number): void {
    const to = Math.min(this.bytes.length, from + size);
    this.window = this.bytes.toString('latin1', from, to);
    this.base = from;
    this.last = to === this.bytes.length;
    this.bounds = new Boundaries(this.window, this.options.delimiter);
  }

  /** Reads the window's complete records; returns the offset of the first one it could not finish. */
  private records(): number | Problem {
    const { file, sheet, maxCells } = this.options;
    const n = this.window.length;
    let pos = 0;
    while (pos < n) {
      const next = this.scanRecord(pos);
      if (next === INCOMPLETE) break;
      if (typeof next !== 'number') return next;
      this.finish();
      if (!this.unfinished && this.cells > maxCells) return tooManyCells(file, sheet, this.rows.length, maxCells);
      pos = next;
    }
    return this.base + pos;
  }

  /** Finds the fields of the record at `pos`; returns where the next record starts. */
  private scanRecord(pos: number): number | Problem {
    const { window, last } = this;
    const n = window.length;
    this.fields.count = 0;
    for (;;) {
      const close = window.charCodeAt(pos) === QUOTE ? this.closingQuote(pos) : -1;
      if (typeof close !== 'number' || close === INCOMPLETE) return close;
      const end = this.bounds.fieldEnd(close < 0 ? pos : close + 1);
      if (end === n && !last) return INCOMPLETE;
      this.fields.push(this.base + pos, close < 0 ? -1 : this.base + close, this.base + end, close >= 0 && this.doubled);
      const terminator = end < n ? window.charCodeAt(end) : LF;
      pos = end + 1;
      this.unfinished = terminator === this.delimiter && pos >= n;
      if (terminator === this.delimiter && pos < n) continue;
      if (this.unfinished || (terminator === CR && pos === n)) return last ? pos : INCOMPLETE;
      if (terminator === CR && window.charCodeAt(pos) === LF) pos++;
      return pos;
    }
  }

  /** The quote closing the one at `open` (window offsets), skipping doubled quotes. */
  private closingQuote(open: number): number | Problem {
    const { window, last } = this;
    let close = window.indexOf('"', open + 1);
    this.doubled = false;
    while (close !== -1 && window.charCodeAt(close + 1) === QUOTE) {
      this.doubled = true;
      close = window.indexOf('"', close + 2);
    }
    if (close === -1 || (close + 1 === window.length && !last)) {
      return last ? unterminatedQuote(this.options.file, lineOfByte(this.bytes, this.base + open), this.rows.length + 1) : INCOMPLETE;
    }
    // Bytes never undercount characters, so only a long span needs counting.
    const span = close - open;
    if (span > MAX_QUOTED_CHARS && decodedLength(this.bytes, this.base + open, this.base + close) > MAX_QUOTED_CHARS) {
      return unterminatedQuote(this.options.file, lineOfByte(this.bytes, this.base + open), this.rows.length + 1);
    }
    return close;
  }

  private finish(): void {
    const { scratch, fields } = this;
    for (let i = 0; i < fields.count; i++) {
      const value = this.shared(i);
      if (value !== null) this.cells++;
      scratch[i] = value;
    }
    this.rows.push(finishRecord(scratch, fields.count));
  }

  /** Field `i`'s value, the same string as a recent equal one (equal bytes, equal value). */
  private shared(i: number): string | null {
    const start = this.fields.starts[i] as number;
    const length = (this.fields.ends[i] as number) - start;
    if (length === 0) return null;
    const known = this.recent.find(i, start, length);
    if (known !== undefined) return known;
    const value = this.value(i);
    if (value !== null) this.recent.remember(i, start, length, value);
    return value;
  }

  private value(i: number): string | null {
    const { fields } = this;
    const start = fields.starts[i] as number;
    const close = fields.closes[i] as number;
    const end = fields.ends[i] as number;
    if (close < 0) return start === end ? null : this.text(start, end);
    let value = this.text(start + 1, close);
    if (fields.doubled[i]) value = value.replaceAll('""', '"');
    if (end > close + 1) value += this.text(close + 1, end);
    return value === '' ? null : value;
  }

  /** The value of bytes `[from, to)` of the current window, as its own string. */
  private text(from: number, to: number): string {
    if (this.high.within(from, to)) return this.bytes.toString('utf8', from, to);
    if (to - from < MIN_SLICED) return this.window.slice(from - this.base, to - this.base);
    return this.bytes.toString('latin1', from, to);
  }
}
