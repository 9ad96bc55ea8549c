import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../main/chats/normalise/email.ts';

describe('normaliseEmail', () => {
  it('accepts an address as it is', () => {
    expect(normaliseEmail('anna@mail.ru')).toEqual({ ok: true, value: 'anna@mail.ru', changed: false });
    expect(normaliseEmail('first.last+tag@sub.example.co.uk')).toMatchObject({ ok: true, changed: false });
    expect(normaliseEmail('ivan@пример.рф')).toMatchObject({ ok: true, value: 'ivan@пример.рф' });
    expect(normaliseEmail('user@xn--e1afmkfd.xn--p1ai')).toMatchObject({ ok: true });
  });

  it('trims, drops mailto: and lower-cases the domain but not the local part', () => {
    expect(normaliseEmail('  Anna.K@Mail.RU ')).toEqual({ ok: true, value: 'Anna.K@mail.ru', changed: true });
    expect(normaliseEmail('mailto:anna@mail.ru')).toEqual({ ok: true, value: 'anna@mail.ru', changed: true });
    expect(normaliseEmail('MAILTO:anna@mail.ru?subject=hi')).toEqual({ ok: true, value: 'anna@mail.ru', changed: true });
  });

  it('is empty for blank cells and invalid for non-text', () => {
    expect(normaliseEmail(null)).toEqual({ ok: false, reason: 'empty' });
    expect(normaliseEmail('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normaliseEmail(42)).toEqual({ ok: false, reason: 'invalid' });
    expect(normaliseEmail(new Date(0))).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    'anna', 'anna.mail.ru', '@mail.ru', 'anna@', 'anna@localhost', 'anna@mail', 'anna@-mail.ru',
    'anna@mail.r', 'anna@mail.123', '.anna@mail.ru', 'an..na@mail.ru', 'a@b@c.ru',
  ])('rejects the broken shape %s', (value) => {
    expect(normaliseEmail(value)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['anna@gmail.con', 'anna@gmail.com'],
    ['anna@gmial.com', 'anna@gmail.com'],
    ['anna@yandex.ry', 'anna@yandex.ru'],
    ['anna@example.con', 'anna@example.com'],
    ['anna@mail.ru,', 'anna@mail.ru'],
    ['anna@mail.ru.', 'anna@mail.ru'],
    ['anna@mail,ru', 'anna@mail.ru'],
    ['user@@x.com', 'user@x.com'],
    ['an na@mail.ru', 'anna@mail.ru'],
    ['anna@mail..ru', 'anna@mail.ru'],
    ['anna@gmail', 'anna@gmail.com'],
    ['anna@mailru', 'anna@mail.ru'],
    ['Анна <anna@mail.ru>', 'anna@mail.ru'],
    ['<anna@mail.ru>', 'anna@mail.ru'],
    ['anna@GMAIL.CON', 'anna@gmail.com'],
  ])('refuses %s but suggests %s', (value, suggestion) => {
    expect(normaliseEmail(value)).toEqual({ ok: false, reason: 'invalid', suggestion });
  });

  it('does not flag real domains that look like typos of others', () => {
    expect(normaliseEmail('student@mai.ru')).toMatchObject({ ok: true });
    expect(normaliseEmail('anna@example.co')).toMatchObject({ ok: true });
  });
});
