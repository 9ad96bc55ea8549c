import { xmlValue } from './text.ts';

/*
 * A cell's `<v>` bytes as the value SheetJS makes of them (parseFloat, parseInt, xsd:boolean,
 * its ISO date parser), with fast paths for what Excel actually writes.
 */

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** Powers of ten that are exact doubles. */
const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Up to 15 digits any integer fits in 53 bits exactly. */
const EXACT_DIGITS = 15;

/**
 * A number exactly as `parseFloat` reads it. Up to 15 digits with no exponent, the digits as an
 * integer divided by a power of ten is one correctly rounded operation on exact operands, so it
 * equals the decimal's nearest double; anything longer or odd goes through `parseFloat`.
 */
export function parseNumber(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte >= ZERO && byte <= NINE) {
      mantissa = mantissa * 10 + (byte - ZERO);
      digits++;
    } else if (byte === DOT && scale < 0) scale = i;
    else break;
  }
  if (i !== end || digits === 0 || digits > EXACT_DIGITS) return Number.parseFloat(xmlValue(buf, start, end));
  const value = scale < 0 ? mantissa : mantissa / POWERS[end - scale - 1]!;
  return negative ? -value : value;
}

/** A shared-string index as `parseInt(…, 10)` reads it (NaN when there is none). */
export function parseIndex(buf: Buffer, start: number, end: number): number {
  let index = 0;
  for (let i = start; i < end; i++) {
    const byte = buf[i]!;
    if (byte < ZERO || byte > NINE || i - start > EXACT_DIGITS) return Number.parseInt(xmlValue(buf, start, end), 10);
    index = index * 10 + (byte - ZERO);
  }
  return end > start ? index : Number.NaN;
}

/** xsd:boolean as SheetJS reads it: "1" and "true" are true, anything else false. */
export function parseBoolean(buf: Buffer, start: number, end: number): boolean {
  const text = xmlValue(buf, start, end);
  return text === '1' || text === 'true';
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const TIME_EPOCH_1900 = Date.UTC(1899, 11, 31);
const TIME_EPOCH_1904 = Date.UTC(1904, 0, 1);
const TIME_ONLY = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/;
const DATE_ONLY = /^(\d+)-(\d+)-(\d+)$/;
const DATE_TIME = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/;

const int = (digits: string | undefined): number => (digits ? Number.parseInt(digits, 10) : 0);
const millis = (fraction: string | undefined): number => (fraction ? Number.parseInt(`${fraction}000`.slice(1, 4), 10) : 0);

function isoMoment(text: string, date1904: boolean): number {
  let m = TIME_ONLY.exec(text);
  if (m) {
    const epoch = date1904 ? TIME_EPOCH_1904 : TIME_EPOCH_1900;
    return epoch + ((int(m[1]) * 60 + int(m[2])) * 60 + int(m[3]?.slice(1))) * 1000 + millis(m[4]);
  }
  m = DATE_ONLY.exec(text);
  if (m) return Date.UTC(int(m[1]), int(m[2]) - 1, int(m[3]));
  m = DATE_TIME.exec(text);
  if (m) return Date.UTC(int(m[1]), int(m[2]) - 1, int(m[3]), int(m[4]), int(m[5]), int(m[6]?.slice(1)), millis(m[7]));
  return new Date(text).getTime();
}

/**
 * The serial SheetJS gives a `t="d"` cell (an ISO 8601 text): its parser, then its `datenum`,
 * whose 1900 and 1904 corrections `serialToDate` undoes. NaN when the text is no date.
 */
export function isoDateSerial(buf: Buffer, start: number, end: number, date1904: boolean): number {
  const serial = (isoMoment(xmlValue(buf, start, end), date1904) - EPOCH) / DAY_MS;
  if (date1904) {
    const shifted = serial - 1462;
    return shifted < -1402 ? shifted - 1 : shifted;
  }
  return serial < 60 ? serial - 1 : serial;
}
