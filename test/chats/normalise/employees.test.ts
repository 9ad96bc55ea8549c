import { describe, expect, it } from 'vitest';
import { makeEmployeeResolver, type Employee } from '../../../main/chats/normalise/employees.ts';

const directory: Employee[] = [
  { id: 101, full_name: 'Иванов Иван Иванович', email: 'Ivanov@Example.ru' },
  { id: 102, full_name: 'Петрова Алёна', email: 'alena@example.ru' },
  { id: 103, full_name: 'John Smith', email: null },
  { id: 104, full_name: 'Сидоров Пётр' },
  { id: 105, full_name: 'Сидоров Пётр' },
  { id: 106, full_name: 'Anna Lee', email: 'anna@example.com' },
];

describe('makeEmployeeResolver', () => {
  const resolve = makeEmployeeResolver(directory, { 'Ваня (старый логин)': 101, 'old-agent@corp.ru': 103, '17': 106 });

  it('accepts ids that exist in the directory, as numbers or text', () => {
    expect(resolve(102)).toEqual({ ok: true, id: 102, via: 'id' });
    expect(resolve(' 103 ')).toEqual({ ok: true, id: 103, via: 'id' });
    expect(resolve('103.0')).toEqual({ ok: true, id: 103, via: 'id' });
    expect(resolve(999)).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('accepts any positive id when the directory is empty', () => {
    const open = makeEmployeeResolver([], {});
    expect(open(999)).toEqual({ ok: true, id: 999, via: 'id' });
    expect(open('0')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('matches e-mails case-insensitively', () => {
    expect(resolve('ivanov@example.ru')).toEqual({ ok: true, id: 101, via: 'email' });
    expect(resolve(' ALENA@EXAMPLE.RU ')).toEqual({ ok: true, id: 102, via: 'email' });
  });

  it('matches names regardless of case, ё/е and word order', () => {
    expect(resolve('Петрова Алена')).toEqual({ ok: true, id: 102, via: 'name' });
    expect(resolve('алёна петрова')).toEqual({ ok: true, id: 102, via: 'name' });
    expect(resolve('SMITH, John')).toEqual({ ok: true, id: 103, via: 'name' });
    expect(resolve('Иванов Иван Иванович')).toEqual({ ok: true, id: 101, via: 'name' });
  });

  it('matches a name without the patronymic when only one employee fits', () => {
    expect(resolve('Иван Иванов')).toEqual({ ok: true, id: 101, via: 'name' });
    expect(resolve('Иванов')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('applies overrides first: by name, by e-mail, and over an id', () => {
    expect(resolve('ваня (Старый Логин)')).toEqual({ ok: true, id: 101, via: 'override' });
    expect(resolve('Old-Agent@corp.ru')).toEqual({ ok: true, id: 103, via: 'override' });
    expect(resolve(17)).toEqual({ ok: true, id: 106, via: 'override' });
  });

  it('reports two employees with the same name as ambiguous, naming both', () => {
    expect(resolve('Пётр Сидоров')).toEqual({
      ok: false,
      reason: 'ambiguous',
      suggestions: [{ id: 104, full_name: 'Сидоров Пётр' }, { id: 105, full_name: 'Сидоров Пётр' }],
    });
  });

  it('suggests similar employees for an unknown name or e-mail', () => {
    const r = resolve('Петрова Алина');
    expect(r).toMatchObject({ ok: false, reason: 'unknown' });
    expect(!r.ok && r.suggestions[0]).toEqual({ id: 102, full_name: 'Петрова Алёна' });
    const mail = resolve('anna.lee@other.com');
    expect(!mail.ok && mail.suggestions[0]?.id).toBe(106);
    expect(resolve('Zzz Qqq')).toEqual({ ok: false, reason: 'unknown', suggestions: [] });
  });

  it('is empty for blank cells and unknown for dates and booleans', () => {
    expect(resolve(null)).toEqual({ ok: false, reason: 'empty', suggestions: [] });
    expect(resolve('  ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(resolve(true)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(resolve(new Date(0))).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('remembers answers per raw value', () => {
    expect(resolve('Петрова Алена')).toBe(resolve('Петрова Алена'));
  });
});
