import type { Cell } from '../../sheet/types.ts';

/** What one cell looks like. Cheap tests only: they run on every sampled cell. */

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
const PHONE_CHARS = /^\+?[\d\s().-]{9,24}$/;
const DATE_ISO = /^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_DMY = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?$/;
const DATE_WORDS_DMY = /^\d{1,2}\s+\p{L}{3,}\.?,?\s+\d{4}(?:\s*г\.?)?(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const DATE_WORDS_MDY = /^\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/u;
const DIGITS = /^\d{1,15}$/;
const ID_CODE = /^[\p{L}\p{N}_.:#/-]{1,64}$/u;
const NAME_WORD = /^[\p{L}][\p{L}'’.-]*$/u;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell);
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** 10–15 digits written with an optional +, spaces, brackets, dashes or dots. */
export function isPhone(cell: Cell, text: string): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1e9 && cell < 1e15;
  if (!PHONE_CHARS.test(text)) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 10 && digits <= 15;
}

export function isDate(cell: Cell, text: string): boolean {
  if (cell instanceof Date) return !Number.isNaN(cell.getTime());
  if (typeof cell !== 'string' || text.length < 6 || text.length > 40) return false;
  return DATE_ISO.test(text) || DATE_DMY.test(text) || DATE_WORDS_DMY.test(text) || DATE_WORDS_MDY.test(text);
}

export function isInteger(cell: Cell, text: string): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0;
  return typeof cell === 'string' && DIGITS.test(text);
}

/** A code that could name a chat: no spaces, at least one digit. */
export function isIdLike(cell: Cell, text: string): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0;
  if (typeof cell !== 'string' || !ID_CODE.test(text)) return false;
  return /\d/.test(text);
}

export function isLongText(text: string): boolean {
  return text.includes('\n') || (text.length >= 20 && text.includes(' ') && /\p{L}{2}/u.test(text));
}

export function isNameLike(text: string): boolean {
  if (text.length < 2 || text.length > 60) return false;
  const words = text.split(/\s+/);
  if (words.length > 5) return false;
  return words.every((w) => NAME_WORD.test(w));
}
