import { describe, expect, it } from 'vitest';
import {
  ENUM_SYNONYMS,
  ENUM_VALUES,
  enumLikeness,
  matchEnum,
  type EnumKind,
} from '../../../main/chats/normalise/enums.ts';
import { foldKey } from '../../../main/chats/normalise/fold.ts';

const value = (kind: EnumKind, cell: string | number | null, userMap: Record<string, string> = {}): string => {
  const r = matchEnum(kind, cell, userMap);
  return r.ok ? `${r.value}/${r.via}` : `!${r.reason}`;
};

describe('matchEnum', () => {
  it('takes the API values themselves, ignoring case and spaces', () => {
    expect(value('status', 'succeed')).toBe('succeed/exact');
    expect(value('status', ' LOST ')).toBe('lost/exact');
    expect(value('initiator', 'AutoInvite')).toBe('autoinvite/exact');
    expect(value('initiator', 'auto-invite')).toBe('autoinvite/exact');
    expect(value('source', 'System')).toBe('system/exact');
  });

  it.each([
    ['Won', 'succeed'], ['успешный', 'succeed'], ['Успешно', 'succeed'], ['Состоявшийся', 'succeed'],
    ['closed', 'succeed'], ['Solved', 'succeed'], ['resolved', 'succeed'], ['completed', 'succeed'],
    ['Завершён', 'succeed'], ['завершен', 'succeed'], ['ЗАВЕРШЁН', 'succeed'],
    ['lost', 'lost'], ['Потерянный', 'lost'], ['пропущенный', 'lost'], ['Missed', 'lost'],
    ['unanswered', 'lost'], ['No answer', 'lost'], ['no-answer', 'lost'], ['Без ответа', 'lost'],
    ['refused', 'refused'], ['Rejected', 'refused'], ['declined', 'refused'], ['Отклонённый', 'refused'],
    ['отклоненный', 'refused'], ['Отказ', 'refused'], ['spam', 'refused'], ['СПАМ', 'refused'],
  ])('status %s → %s', (cell, want) => {
    expect(matchEnum('status', cell, {})).toMatchObject({ ok: true, value: want });
  });

  it.each([
    ['Клиент', 'visitor'], ['client', 'visitor'], ['Customer', 'visitor'], ['visitor', 'visitor'],
    ['посетитель', 'visitor'], ['user', 'visitor'],
    ['operator', 'operator'], ['Agent', 'operator'], ['Оператор', 'operator'], ['менеджер', 'operator'],
    ['Manager', 'operator'], ['сотрудник', 'operator'], ['employee', 'operator'],
    ['autoinvite', 'autoinvite'], ['Auto-invite', 'autoinvite'], ['proactive', 'autoinvite'],
    ['Автоприглашение', 'autoinvite'], ['bot', 'autoinvite'], ['Бот', 'autoinvite'], ['system', 'autoinvite'],
    ['система', 'autoinvite'],
  ])('initiator %s → %s', (cell, want) => {
    expect(matchEnum('initiator', cell, {})).toMatchObject({ ok: true, value: want });
  });

  it.each([
    ['Клиент', 'visitor'], ['client', 'visitor'], ['visitor', 'visitor'], ['customer', 'visitor'],
    ['Посетитель', 'visitor'], ['user', 'visitor'], ['contact', 'visitor'],
    ['operator', 'operator'], ['agent', 'operator'], ['Оператор', 'operator'], ['Менеджер', 'operator'],
    ['manager', 'operator'], ['admin', 'operator'], ['employee', 'operator'], ['Сотрудник', 'operator'],
    ['support', 'operator'],
    ['bot', 'system'], ['Бот', 'system'], ['system', 'system'], ['Система', 'system'], ['auto', 'system'],
    ['Автоматическое', 'system'], ['chatbot', 'system'], ['автоответ', 'system'],
  ])('source %s → %s', (cell, want) => {
    expect(matchEnum('source', cell, {})).toMatchObject({ ok: true, value: want, via: cell === want ? 'exact' : 'synonym' });
  });

  it('applies the person’s own map first, with keys compared folded', () => {
    const userMap = { 'Чат закрыт клиентом': 'lost', 'WON': 'refused' };
    expect(value('status', 'чат закрыт  клиентом', userMap)).toBe('lost/user');
    expect(value('status', 'won', userMap)).toBe('refused/user');
    expect(value('status', 'won', {})).toBe('succeed/synonym');
  });

  it('ignores user-map entries whose value is not an API value of that kind', () => {
    expect(value('status', 'foo', { foo: 'operator' })).toBe('!unknown');
    const shared = { 'Живой человек': 'operator' };
    expect(value('source', 'живой человек', shared)).toBe('operator/user');
    expect(value('status', 'живой человек', shared)).toBe('!unknown');
  });

  it('is empty for blank cells', () => {
    expect(matchEnum('status', null, {})).toEqual({ ok: false, reason: 'empty', suggestions: [] });
    expect(matchEnum('status', '  ', {})).toMatchObject({ ok: false, reason: 'empty' });
    expect(matchEnum('status', '—', {})).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('suggests the likely API values for an unknown word, best first', () => {
    expect(matchEnum('status', 'succes', {})).toEqual({ ok: false, reason: 'unknown', suggestions: ['succeed'] });
    expect(matchEnum('source', 'операторр', {})).toMatchObject({ ok: false, suggestions: ['operator'] });
    expect(matchEnum('status', 'qwerty', {})).toEqual({ ok: false, reason: 'unknown', suggestions: [] });
    expect(matchEnum('status', 1, {})).toMatchObject({ ok: false, reason: 'unknown' });
    expect(matchEnum('status', new Date(0), {})).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it('keeps every synonym table free of words that mean two values', () => {
    for (const kind of Object.keys(ENUM_SYNONYMS) as EnumKind[]) {
      const seen = new Map<string, string>();
      for (const [value, words] of Object.entries(ENUM_SYNONYMS[kind])) {
        expect(ENUM_VALUES[kind]).toContain(value);
        for (const word of words) {
          const key = foldKey(word);
          const before = seen.get(key);
          expect(before === undefined || before === value, `${kind}: "${word}" means ${before} and ${value}`).toBe(true);
          seen.set(key, value);
        }
      }
    }
  });
});

describe('enumLikeness', () => {
  it('is the share of distinct values that are API values or synonyms', () => {
    expect(enumLikeness('status', ['Успешный', 'Пропущенный', 'Отклонённый'])).toBe(1);
    expect(enumLikeness('source', ['Клиент', 'Оператор', 'Бот', 'Привет'])).toBe(0.75);
    expect(enumLikeness('status', ['Привет', 'как дела'])).toBe(0);
    expect(enumLikeness('status', ['', ' '])).toBe(0);
  });
});
