import { getCountries, getCountryCallingCode, Metadata, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { knownShape } from '../../../main/chats/normalise/phone-shapes.ts';
import { libraryFormatted } from '../../../main/chats/normalise/phone.ts';
import { mulberry32 } from '../../fixtures/prng.ts';

/*
 * knownShape answers some formatted phones without libphonenumber. Its answer must be exactly the
 * library's for every text it answers: checked here on generated numbers (every leading digit,
 * random rest, random formatting), and the metadata facts its reasoning rests on are pinned.
 */

const rng = mulberry32(2024);
const digitsOf = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** `digits` written as people type them: spaces, dashes and brackets in random places. */
function formatted(digits: string, plus: boolean): string {
  let out = plus ? '+' : '';
  for (let i = 0; i < digits.length; i++) {
    out += digits[i];
    const roll = rng.int(0, 9);
    if (i === digits.length - 1) break;
    if (roll === 0) out += ' ';
    else if (roll === 1) out += '-';
    else if (roll === 2) out += ' (';
    else if (roll === 3) out += ') ';
  }
  return out;
}

function check(text: string, country: CountryCode | undefined): boolean {
  const digits = text.replace(/\D+/g, '');
  const plus = text.includes('+');
  const quick = knownShape(text, digits, plus, country);
  if (quick !== undefined) expect({ text, result: quick }).toEqual({ text, result: libraryFormatted(text, digits, plus, country) });
  return quick !== undefined;
}

describe('knownShape', () => {
  it('agrees with libphonenumber on generated numbers of every shape it answers, and a few it does not', () => {
    let answered = 0;
    for (let round = 0; round < 300; round++) {
      for (const lead of '0123456789') {
        for (const country of ['RU', 'US', 'DE', 'KZ', undefined] as const) {
          for (const body of [`7${lead}${digitsOf(9)}`, `1${lead}${digitsOf(9)}`, `44${lead}${digitsOf(9)}`, `8${lead}${digitsOf(9)}`, `${lead}${digitsOf(9)}`, `8${lead}0${digitsOf(8)}`, `4418002${digitsOf(5)}`]) {
            if (check(formatted(body, true), country)) answered++;
            if (check(formatted(body, false), country)) answered++;
          }
        }
      }
    }
    expect(answered).toBeGreaterThan(30_000);
  });

  it('answers the shapes chat exports hold, and leaves the rest to the library', () => {
    const shape = (text: string, country: CountryCode = 'RU') => knownShape(text, text.replace(/\D+/g, ''), text.includes('+'), country);
    expect(shape('+7 (999) 123-45-67')).toEqual({ ok: true, digits: '79991234567', changed: true });
    expect(shape('+1-415-555-0100', 'US')).toEqual({ ok: true, digits: '14155550100', changed: true });
    expect(shape('8 (999) 123-45-67')).toEqual({ ok: true, digits: '79991234567', changed: true, repair: 'replaced_trunk_prefix' });
    expect(shape('(999) 123-45-67')).toEqual({ ok: true, digits: '79991234567', changed: true, repair: 'added_country_code' });
    expect(shape('7 (999) 123 45 67')).toEqual({ ok: true, digits: '79991234567', changed: true });
    expect(shape('+44 20 7946 0958')).toEqual({ ok: true, digits: '442079460958', changed: true });
    for (const text of ['+7 8 999 123 45 67', '+1 (115) 555-0100', '8 10 44 20 7946', '7 (899) 123 45 67', '+44 0 20 7946 0958', '+7 999 123-45-67 ext. 12', '8 (999) 123-45-67']) {
      expect(shape(text, text.startsWith('8 (') ? 'DE' : 'RU')).toBeUndefined();
    }
  });

  it('rests on metadata that still says what it did when it was written', () => {
    const metadata = new Metadata();
    for (const code of ['7', '1', '44']) {
      const countries = getCountries().filter((c) => getCountryCallingCode(c) === code);
      expect(countries.length).toBeGreaterThan(1);
      for (const country of countries) {
        metadata.selectNumberingPlan(country);
        expect(metadata.numberingPlan?.possibleLengths(), country).toContain(10);
      }
    }
    metadata.selectNumberingPlan('RU');
    expect(metadata.numberingPlan?.IDDPrefix()).toBe('810');
  });
});
