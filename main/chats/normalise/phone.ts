/**
 * Phone numbers → E.164 digits without '+', the form upload.chats examples use (79091234567).
 *
 * Metadata: `libphonenumber-js/max`. We accept a number when it is *possible* (right length for
 * its country) so real but newly assigned or unlisted ranges still pass; `isValid()` is used only
 * to choose between readings of a bare digit string (national vs. country code without '+'),
 * and with `min` metadata `isValid()` is just a length check, which cannot tell
 * "79991234567" with country DE (a Russian mobile) from a German national number. `max` costs
 * ~65 kB more and ~25 % parse speed (measured: ~130k vs ~180k parses/s), which the memoising
 * `makePhoneNormaliser` more than wins back; this is a desktop app, so size hardly matters.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { Cell } from '../../sheet/types.ts';
import { knownShape } from './phone-shapes.ts';

export type { CountryCode } from 'libphonenumber-js/max';

export type PhoneRepair = 'excel_number' | 'excel_scientific' | 'added_country_code' | 'replaced_trunk_prefix';
export type PhoneFailure = 'empty' | 'invalid' | 'excel_date' | 'too_short' | 'scientific_lost_digits';

export type PhoneResult =
  | {
      ok: true;
      /** E.164 without '+', e.g. 79991234567. */
      digits: string;
      /** The digits differ from the text as written (formatting, '+', prefixes, extension dropped). */
      changed: boolean;
      /**
       * The one change a person should look at, when there was more than formatting. Guesses win
       * over mechanical repairs: added_country_code / replaced_trunk_prefix, then
       * excel_scientific, then excel_number.
       */
      repair?: PhoneRepair;
    }
  | {
      ok: false;
      /**
       * 'empty' nothing there; 'invalid' not a possible phone number; 'too_short' too few digits
       * for its country; 'excel_date' Excel turned the text into a date; 'scientific_lost_digits'
       * Excel showed the number as 7.99912E+10 and the file kept only those digits.
       */
      reason: PhoneFailure;
      /** A value that would probably fix it (e.g. the first of two numbers in one cell). */
      suggestion?: string;
    };

const EMPTY: PhoneResult = Object.freeze({ ok: false, reason: 'empty' });
const INVALID: PhoneResult = Object.freeze({ ok: false, reason: 'invalid' });
const TOO_SHORT: PhoneResult = Object.freeze({ ok: false, reason: 'too_short' });
const EXCEL_DATE: PhoneResult = Object.freeze({ ok: false, reason: 'excel_date' });
const LOST_DIGITS: PhoneResult = Object.freeze({ ok: false, reason: 'scientific_lost_digits' });

/** 7.99912E+10, 7,9991234567e10: what Excel shows for a long number in a narrow column. */
const SCIENTIFIC = /^\+?(\d)[.,](\d+)e\+?(\d{1,2})$/i;
const NON_DIGITS = /\D+/g;
const DIGITS_ONLY = /^\d+$/;
/** A date kept as text (12.05.2023, 2023-05-12): not a phone, though 8 digits can look like one. */
const DATE_TEXT = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** A cell holding more than one number: "+7 999 123-45-67, +7 999 765-43-21". */
const LIST_SEPARATOR = /[,;/\n]| или | or /;

/**
 * Normalises one phone cell. `country` (ISO 3166 alpha-2, e.g. 'RU') is used for numbers
 * written without a country code; an unknown code (the mapping's field is a plain string) means
 * only numbers with a country code are accepted. Never throws. Parsing costs ~10–25 µs: use
 * `makePhoneNormaliser` in loops.
 */
export function normalisePhone(cell: Cell, country: CountryCode | string): PhoneResult {
  return normaliseIn(cell, isSupportedCountry(country) ? country : undefined);
}

function normaliseIn(cell: Cell, country: CountryCode | undefined): PhoneResult {
  if (cell === null) return EMPTY;
  if (cell instanceof Date) return EXCEL_DATE;
  if (typeof cell === 'boolean') return INVALID;
  if (typeof cell === 'number') {
    // Excel stored the phone as a number: the '+' and any leading zeros are gone.
    if (!Number.isSafeInteger(cell) || cell <= 0) return INVALID;
    return bareDigits(String(cell), country, true, 'excel_number');
  }
  const text = cell.trim();
  if (text === '') return EMPTY;
  // Only text with an exponent can be scientific notation: skip the copy and the regex otherwise.
  const sci = text.includes('e') || text.includes('E') ? SCIENTIFIC.exec(text.replace(/\s+/g, '')) : null;
  if (sci) {
    const [, lead, fraction, exp] = sci as unknown as [string, string, string, string];
    const e = Number(exp);
    // Every digit survives only when the mantissa is at least as long as the integer part.
    if (fraction.length < e) return LOST_DIGITS;
    if (fraction.replace(/0+$/, '').length > e) return INVALID; // not a whole number
    const digits = lead + fraction.slice(0, e);
    return bareDigits(digits, country, true, 'excel_scientific');
  }
  if (DIGITS_ONLY.test(text)) return bareDigits(text, country, false, undefined);
  if (DATE_TEXT.test(text)) return INVALID;
  return formatted(text, country);
}

/** A digit string with no '+': a national number, or an international one that lost its '+'. */
function bareDigits(digits: string, country: CountryCode | undefined, changed: boolean, repair: PhoneRepair | undefined): PhoneResult {
  if (digits.startsWith('00')) {
    const phone = parse('+' + digits.slice(2), country);
    if (phone === undefined || !phone.isPossible()) return failure('+' + digits.slice(2), country);
    return { ok: true, digits: e164(phone), changed: true, ...(repair ? { repair } : {}) };
  }
  // Readings in order of preference; the international one is parsed only when needed (~15 µs each).
  const national = parse(digits, country);
  let pick = national?.isValid() ? national : undefined;
  if (pick === undefined) {
    const international = parse('+' + digits, country);
    pick =
      international?.isValid() ? international
      : national?.isPossible() ? national
      : international?.isPossible() ? international
      : undefined;
  }
  if (pick === undefined) return failure(digits, country);
  const out = e164(pick);
  const r = guessRepair(digits, pick, country) ?? repair;
  return r === undefined ? { ok: true, digits: out, changed: changed || out !== digits } : { ok: true, digits: out, changed: true, repair: r };
}

/** Text with formatting: +7 (999) 123-45-67, 8 999 123 45 67, 00 44 20 7946 0958, … ext. 12. */
function formatted(text: string, country: CountryCode | undefined): PhoneResult {
  const digits = text.replace(NON_DIGITS, '');
  if (digits === '') return INVALID;
  const plus = text.includes('+');
  return knownShape(text, digits, plus, country) ?? libraryFormatted(text, digits, plus, country);
}

/**
 * `formatted` as libphonenumber reads it, for any text; exported for the test that checks
 * `knownShape` against it.
 */
export function libraryFormatted(text: string, digits: string, plus: boolean, country: CountryCode | undefined): PhoneResult {
  // The international prefix 00 (libphonenumber knows only the default country's own, e.g. 810 for RU).
  const idd00 = !plus && digits.startsWith('00');
  const input = idd00 ? '+' + text.slice(afterSecondDigit(text)) : text;
  const phone = parse(input, country);
  if (phone !== undefined && phone.isPossible()) {
    const out = e164(phone);
    const repair = plus || idd00 ? undefined : guessRepair(digits, phone, country);
    return repair === undefined
      ? { ok: true, digits: out, changed: out !== text }
      : { ok: true, digits: out, changed: true, repair };
  }
  const parts = text.split(LIST_SEPARATOR);
  if (parts.length > 1) {
    const first = normaliseIn(parts[0] ?? '', country);
    if (first.ok) return { ok: false, reason: 'invalid', suggestion: first.digits };
  }
  if (plus) {
    // "+8 999 123-45-67": a trunk prefix written as if it were a country code.
    const national = parse(digits, country);
    if (national?.isValid() && national.country === country) {
      return { ok: false, reason: 'invalid', suggestion: e164(national) };
    }
  }
  return failure(input, country);
}

function afterSecondDigit(text: string): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++seen === 2) return i + 1;
  }
  return text.length;
}

/**
 * What libphonenumber did to national digits (written without '+' or an international prefix):
 * prepended the country code, or swapped the trunk prefix (8 in RU, 0 in GB/DE) for it.
 */
function guessRepair(digits: string, phone: PhoneNumber, country: CountryCode | undefined): PhoneRepair | undefined {
  const cc = phone.countryCallingCode as string;
  if (country === undefined || e164(phone) === digits || cc !== getCountryCallingCode(country)) return undefined;
  const national = phone.nationalNumber as string;
  if (digits === national) return 'added_country_code';
  if (!digits.endsWith(national)) return undefined;
  const prefix = digits.slice(0, digits.length - national.length);
  // 8 10 7 …: the country's own international prefix, then the country code — not a trunk.
  return prefix.endsWith(cc) && prefix.length > cc.length ? undefined : 'replaced_trunk_prefix';
}

function e164(phone: PhoneNumber): string {
  return (phone.number as string).slice(1);
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  try {
    return country === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, { defaultCountry: country });
  } catch {
    return undefined;
  }
}

function failure(text: string, country: CountryCode | undefined): PhoneResult {
  let why: ReturnType<typeof validatePhoneNumberLength>;
  try {
    why = country === undefined ? validatePhoneNumberLength(text) : validatePhoneNumberLength(text, country);
  } catch {
    return INVALID;
  }
  return why === 'TOO_SHORT' ? TOO_SHORT : INVALID;
}

/**
 * `normalisePhone` with a cache by raw value (messages of one chat repeat the visitor's phone on
 * every row). Holds at most `maxEntries` values; the oldest go first. Date and boolean cells are
 * not cached (they fail at once).
 */
export function makePhoneNormaliser(country: CountryCode | string, maxEntries = 50_000): (cell: Cell) => PhoneResult {
  const cc = isSupportedCountry(country) ? country : undefined;
  const texts = new Map<string, PhoneResult>();
  const numbers = new Map<number, PhoneResult>();
  function remember<K>(map: Map<K, PhoneResult>, key: K, value: PhoneResult): PhoneResult {
    // Start afresh when full: deleting the oldest entry one by one makes V8 walk ever more
    // deleted slots to find it, which cost seconds on a file with 125k distinct phones.
    if (map.size >= maxEntries) map.clear();
    map.set(key, value);
    return value;
  }
  return (cell) => {
    if (typeof cell === 'string') {
      return texts.get(cell) ?? remember(texts, cell, normaliseIn(cell, cc));
    }
    if (typeof cell === 'number') {
      return numbers.get(cell) ?? remember(numbers, cell, normaliseIn(cell, cc));
    }
    return normaliseIn(cell, cc);
  };
}
