import type { CountryCode } from 'libphonenumber-js/max';
import type { PhoneResult } from './phone.ts';

/*
 * Exact answers for the commonest shapes of formatted phone text, given without libphonenumber.
 * A parse costs 10–25 µs, most of it spent telling apart the countries that share a calling code
 * (RU/KZ for +7, 25 countries for +1), and the answer for these shapes does not depend on which
 * country it is. Traced through libphonenumber-js's parse (1.13) for text made only of digits,
 * spaces, brackets and dashes (no extension, nothing to extract, always viable):
 * - "+7…", "+1…", "+44…" with 10 more digits: the calling code is found first; the national
 *   number is the rest unless it starts with the plan's national prefix for parsing (8 for +7,
 *   1 for +1, 0 or 180020 for +44); every country of these codes accepts 10 digits, so the
 *   number is possible.
 * - RU, no plus, 7 then 9 and 9 digits: 11 digits fit no Russian number and the 10 after the 7
 *   do, so the 7 is read as the calling code; the number is already E.164.
 * - RU, no plus, 8 and 10 digits: not the international prefix 810 and not starting with the
 *   calling code 7, so the 8 is a trunk prefix and is replaced with 7; 10 digits are possible.
 * - RU, no plus, 10 digits not starting with 0, 7 or 8: a national number; 7 is prepended.
 * test/chats/normalise/phone-shapes.test.ts checks every shape against the library and pins the
 * metadata these answers rest on, so a library update that changes them fails there.
 */

/** Digits, spaces, brackets and dashes, after at most one leading plus; short (the library caps input at 250). */
const PLAIN = /^\+?[\d ()-]{1,40}$/;
const PLUS_RU = /^7[0-79]\d{9}$/;
const PLUS_NANPA = /^1[02-9]\d{9}$/;
const PLUS_UK = /^44[2-9]\d{9}$/;
const RU_INTERNATIONAL = /^79\d{9}$/;
const RU_TRUNK = /^8(?!10)\d{10}$/;
const RU_NATIONAL = /^[1-69]\d{9}$/;

/**
 * The result `formatted` would give for text of a known shape (`digits` its digits, `plus`
 * whether it holds a '+'), or undefined for any other text.
 */
export function knownShape(text: string, digits: string, plus: boolean, country: CountryCode | undefined): PhoneResult | undefined {
  if (!PLAIN.test(text)) return undefined;
  if (plus) return PLUS_RU.test(digits) || PLUS_NANPA.test(digits) || PLUS_UK.test(digits) ? { ok: true, digits, changed: true } : undefined;
  if (country !== 'RU') return undefined;
  if (RU_INTERNATIONAL.test(digits)) return { ok: true, digits, changed: digits !== text };
  if (RU_TRUNK.test(digits)) return { ok: true, digits: `7${digits.slice(1)}`, changed: true, repair: 'replaced_trunk_prefix' };
  if (RU_NATIONAL.test(digits)) return { ok: true, digits: `7${digits}`, changed: true, repair: 'added_country_code' };
  return undefined;
}
