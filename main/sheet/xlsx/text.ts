/*
 * Text inside a part's XML, decoded the way SheetJS decodes it so both readers give the same
 * strings: UTF-8, the five named entities and numeric character references, Excel's `_xHHHH_`
 * escapes (one pass, so `_x005F_x000D_` stays the literal `_x000D_`), then CRLF as LF.
 */

const LT = 60;
const AMP = 38;
const UNDERSCORE = 95;
const CR = 13;

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const EXCEL_ESCAPE = /_x([\da-fA-F]{4})_/gi;
const CRLF = /\r\n/g;
const NAMED = new Map([
  ['&quot;', '"'],
  ['&apos;', "'"],
  ['&gt;', '>'],
  ['&lt;', '<'],
  ['&amp;', '&'],
]);

/**
 * One reference as SheetJS resolves it, including its oddities (`&AMP;` matches case-blind but is
 * no named entity, so it becomes U+0000), except that code points past U+FFFF keep their whole
 * character where SheetJS cuts them to 16 bits.
 */
function entity(match: string, code: string | undefined): string {
  const named = NAMED.get(match);
  if (named !== undefined) return named;
  const point = Number.parseInt(code ?? '', match.includes('x') ? 16 : 10);
  return point > 0xffff && point <= 0x10ffff ? String.fromCodePoint(point) : String.fromCharCode(point);
}

const excelEscape = (_match: string, hex: string): string => String.fromCharCode(Number.parseInt(hex, 16));

/** Undoes XML and Excel escaping; `text` adds the CRLF folding SheetJS gives cell text. */
export function unescapeXml(raw: string, text: boolean): string {
  const out = raw.replace(ENTITY, entity).replace(EXCEL_ESCAPE, excelEscape);
  return text ? out.replace(CRLF, '\n') : out;
}

/**
 * Reads text up to the next `<`, so a scanner finds where text ends and decodes it in one pass.
 * Plain ASCII (most ids, phones, e-mails) is decoded as Latin-1, the same characters at a third
 * of the cost, and text with nothing to unescape skips the regular expressions. One instance is
 * reused: no object per text.
 */
export class TextCursor {
  /** Where the last text read ended: its `<`, or the limit. */
  end = 0;

  read(buf: Buffer, start: number, limit: number): string {
    let ascii = true;
    let escaped = false;
    let i = start;
    for (; i < limit; i++) {
      const byte = buf[i]!;
      if (byte === LT) break;
      if (byte > 0x7f) ascii = false;
      else if (byte === AMP || byte === UNDERSCORE || byte === CR) escaped = true;
    }
    this.end = i;
    const raw = buf.toString(ascii ? 'latin1' : 'utf8', start, i);
    return escaped ? unescapeXml(raw, true) : raw;
  }
}

const cursor = new TextCursor();

/** The text between `start` and `end` (which holds no markup), unescaped as cell text. */
export const xmlText = (buf: Buffer, start: number, end: number): string => cursor.read(buf, start, end);

/** Raw text for values that are not cell text (numbers, indexes, booleans, dates). */
export const xmlValue = (buf: Buffer, start: number, end: number): string =>
  unescapeXml(buf.toString('utf8', start, end), false);
