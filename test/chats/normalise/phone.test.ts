import { describe, expect, it } from 'vitest';
import { makePhoneNormaliser, normalisePhone } from '../../../main/chats/normalise/phone.ts';

describe('normalisePhone', () => {
  it('removes formatting and the plus: +7 (999) 123-45-67 → 79991234567', () => {
    expect(normalisePhone('+7 (999) 123-45-67', 'RU')).toEqual({ ok: true, digits: '79991234567', changed: true });
    expect(normalisePhone('+79991234567', 'RU')).toEqual({ ok: true, digits: '79991234567', changed: true });
    expect(normalisePhone('+44 20 7946 0958', 'RU')).toEqual({ ok: true, digits: '442079460958', changed: true });
  });

  it('reports no change when the text is already E.164 digits', () => {
    expect(normalisePhone('79991234567', 'RU')).toEqual({ ok: true, digits: '79991234567', changed: false });
    expect(normalisePhone(' 79991234567 ', 'RU')).toMatchObject({ ok: true, digits: '79991234567' });
  });

  it('replaces a trunk prefix with the country code (8 in Russia, 0 in Britain)', () => {
    expect(normalisePhone('8 999 123 45 67', 'RU')).toEqual({
      ok: true, digits: '79991234567', changed: true, repair: 'replaced_trunk_prefix',
    });
    expect(normalisePhone('89991234567', 'RU')).toMatchObject({ digits: '79991234567', repair: 'replaced_trunk_prefix' });
    expect(normalisePhone('020 7946 0958', 'GB')).toMatchObject({ digits: '442079460958', repair: 'replaced_trunk_prefix' });
  });

  it('adds the country code to a national number', () => {
    expect(normalisePhone('9991234567', 'RU')).toEqual({
      ok: true, digits: '79991234567', changed: true, repair: 'added_country_code',
    });
    expect(normalisePhone('(999) 123-45-67', 'RU')).toMatchObject({ digits: '79991234567', repair: 'added_country_code' });
  });

  it('reads international prefixes: 00 everywhere, and the country’s own (810 from Russia)', () => {
    expect(normalisePhone('00 44 20 7946 0958', 'RU')).toEqual({ ok: true, digits: '442079460958', changed: true });
    expect(normalisePhone('00442079460958', 'RU')).toEqual({ ok: true, digits: '442079460958', changed: true });
    expect(normalisePhone('0044 20 7946 0958', 'GB')).toEqual({ ok: true, digits: '442079460958', changed: true });
    expect(normalisePhone('810 44 20 7946 0958', 'RU')).toEqual({ ok: true, digits: '442079460958', changed: true });
  });

  it('tells a foreign number without its plus from a national one', () => {
    // A Russian mobile in a German import: not a valid German number, a valid Russian one.
    expect(normalisePhone('79991234567', 'DE')).toEqual({ ok: true, digits: '79991234567', changed: false });
  });

  it('drops an extension and says the value changed', () => {
    expect(normalisePhone('+7 999 123-45-67 ext. 12', 'RU')).toEqual({ ok: true, digits: '79991234567', changed: true });
    expect(normalisePhone('+7 999 123-45-67 доб. 12', 'RU')).toMatchObject({ ok: true, digits: '79991234567', changed: true });
  });

  it('ignores a label around the number', () => {
    expect(normalisePhone('тел. 8 (999) 123-45-67', 'RU')).toMatchObject({ ok: true, digits: '79991234567' });
  });

  it('accepts a possible number even when its range is not assigned', () => {
    // 555-01xx is reserved for fiction in North America: possible, not valid.
    expect(normalisePhone('+1 (555) 010-0199', 'US')).toMatchObject({ ok: true, digits: '15550100199' });
  });

  it('repairs a phone Excel stored as a number', () => {
    expect(normalisePhone(79991234567, 'RU')).toEqual({ ok: true, digits: '79991234567', changed: true, repair: 'excel_number' });
    expect(normalisePhone(442079460958, 'RU')).toMatchObject({ ok: true, digits: '442079460958', repair: 'excel_number' });
    // The guess is the repair a person should look at.
    expect(normalisePhone(9991234567, 'RU')).toMatchObject({ digits: '79991234567', repair: 'added_country_code' });
    expect(normalisePhone(89991234567, 'RU')).toMatchObject({ digits: '79991234567', repair: 'replaced_trunk_prefix' });
    expect(normalisePhone(7999123456.5, 'RU')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone(-79991234567, 'RU')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('repairs scientific notation that kept every digit, and refuses it when digits were lost', () => {
    expect(normalisePhone('7.9991234567E+10', 'RU')).toEqual({
      ok: true, digits: '79991234567', changed: true, repair: 'excel_scientific',
    });
    expect(normalisePhone('7,9991234567e10', 'RU')).toMatchObject({ ok: true, repair: 'excel_scientific' });
    expect(normalisePhone('7.99912E+10', 'RU')).toEqual({ ok: false, reason: 'scientific_lost_digits' });
    expect(normalisePhone('7.99912e+10', 'RU')).toEqual({ ok: false, reason: 'scientific_lost_digits' });
    expect(normalisePhone('4.42079E+11', 'GB')).toEqual({ ok: false, reason: 'scientific_lost_digits' });
  });

  it('refuses a date in the phone column (Excel read 12-05-2023 as a date)', () => {
    expect(normalisePhone(new Date(Date.UTC(2023, 4, 12)), 'RU')).toEqual({ ok: false, reason: 'excel_date' });
  });

  it('refuses a date kept as text, even where 8 digits would make a phone (Denmark)', () => {
    expect(normalisePhone('12.05.2023', 'DK')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone('12-05-2023', 'DK')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone('12 34 56 78', 'DK')).toMatchObject({ ok: true, digits: '4512345678' });
  });

  it('refuses what is not a phone', () => {
    expect(normalisePhone('abc', 'RU')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone('нет телефона', 'RU')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone(true, 'RU')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalisePhone('12345', 'RU')).toEqual({ ok: false, reason: 'too_short' });
    expect(normalisePhone('+7 999 123', 'RU')).toEqual({ ok: false, reason: 'too_short' });
  });

  it('is empty for blank cells', () => {
    expect(normalisePhone(null, 'RU')).toEqual({ ok: false, reason: 'empty' });
    expect(normalisePhone('  ', 'RU')).toEqual({ ok: false, reason: 'empty' });
  });

  it('suggests a fix for common slips', () => {
    expect(normalisePhone('+7 999 123-45-67, +7 999 765-43-21', 'RU')).toEqual({
      ok: false, reason: 'invalid', suggestion: '79991234567',
    });
    expect(normalisePhone('+8 999 123 45 67', 'RU')).toEqual({ ok: false, reason: 'invalid', suggestion: '79991234567' });
  });

  it('accepts a country code the library does not know by reading only international numbers', () => {
    expect(normalisePhone('+7 999 123-45-67', 'XX')).toMatchObject({ ok: true, digits: '79991234567' });
    expect(normalisePhone('9991234567', 'XX')).toMatchObject({ ok: false });
  });
});

describe('makePhoneNormaliser', () => {
  it('answers like normalisePhone, remembering each raw value', () => {
    const normalise = makePhoneNormaliser('RU', 2);
    for (const cell of ['8 999 123 45 67', 79991234567, '8 999 123 45 67', 'abc', null, new Date(0), '9991234567']) {
      expect(normalise(cell)).toEqual(normalisePhone(cell, 'RU'));
    }
    const first = normalise('+7 999 000 11 22');
    expect(normalise('+7 999 000 11 22')).toBe(first);
  });

  it('keeps a number cell apart from the same digits as text', () => {
    const normalise = makePhoneNormaliser('RU');
    expect(normalise(79991234567)).toMatchObject({ repair: 'excel_number' });
    expect(normalise('79991234567')).toEqual({ ok: true, digits: '79991234567', changed: false });
  });
});
