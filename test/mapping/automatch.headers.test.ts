import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { normaliseHeader } from '../../main/mapping/automatch/normalise.ts';
import type { FieldName } from '../../main/mapping/fields.ts';
import type { Table } from '../../main/sheet/types.ts';
import { generateChats } from '../fixtures/chats.ts';
import { tableFromGrid } from '../fixtures/table.ts';
import { columnOf } from './expected.ts';

/** A by-key export with English headers: every field but campaign and session has a column. */
function base(): Table {
  const g = generateChats({ chats: 40, seed: 5, layout: 'messages-by-key', language: 'mixed', headers: 'en' });
  return tableFromGrid([g.headers, ...g.rows]);
}

const ORIGINAL: Record<FieldName | 'chatKey', string> = {
  chatKey: 'Chat ID', start_date_time: 'Chat started', name: 'Visitor name', phone: 'Phone', email: 'Email',
  status: 'Status', initiator: 'Initiated by', site_id: 'Site', date_time: 'Sent at', source: 'Sender',
  employee_id: 'Agent', message: 'Message', campaign_id: '', visitor_session_id: '',
};

/** Rename one column and see whether its field follows the new name. */
function renamed(target: FieldName | 'chatKey', header: string) {
  const table = base();
  const i = table.headers.indexOf(ORIGINAL[target]);
  table.headers[i] = header;
  return suggestMapping(table);
}

const keyOf = (s: ReturnType<typeof suggestMapping>) => (s.mapping.layout.kind === 'messages-by-key' ? s.mapping.layout.chatKey : undefined);

const SYNONYMS: [FieldName | 'chatKey', string[]][] = [
  ['chatKey', ['chat id', 'Conversation ID', 'ID диалога', '№ чата', 'Номер обращения', 'Chat #', 'Thread ID', 'ID чата']],
  ['start_date_time', ['Дата начала', 'Начало чата', 'Chat started', 'Created at', 'Время начала', 'Started at', 'Дата создания']],
  ['date_time', ['Дата сообщения', 'Время', 'Timestamp', 'Sent at', 'Время отправки', 'Message time', 'Дата и время']],
  ['name', ['Имя', 'Клиент', 'Visitor name', 'Contact', 'ФИО', 'Customer', 'Имя посетителя', 'Visitor']],
  ['phone', ['Телефон', 'Phone', 'Mobile', 'Номер телефона', 'Phone number', 'Тел.', 'WhatsApp']],
  ['email', ['E-mail', 'Почта', 'Email address', 'Электронная почта', 'Mail', 'e_mail']],
  ['status', ['Статус', 'Status', 'Result', 'Итог', 'Outcome', 'Статус чата', 'Результат']],
  ['initiator', ['Инициатор', 'Initiated by', 'Initiator', 'Кто начал', 'Started by']],
  ['source', ['Отправитель', 'Автор', 'Кто написал', 'Sender', 'Author', 'From', 'Role', 'Sender type']],
  ['employee_id', ['Оператор', 'Сотрудник', 'Agent', 'Operator', 'Employee', 'Менеджер', 'Agent name', 'Ответственный']],
  ['message', ['Сообщение', 'Текст', 'Message', 'Text', 'Body', 'Content', 'Текст сообщения', 'Message text']],
  ['site_id', ['Сайт', 'Site', 'Website', 'site_id', 'Site ID', 'ID сайта']],
];

describe('header names', () => {
  for (const [target, headers] of SYNONYMS) {
    it(`${target}: ${headers.join(' / ')}`, () => {
      for (const header of headers) {
        const s = renamed(target, header);
        const got = target === 'chatKey' ? keyOf(s) : columnOf(s.mapping, target);
        expect(got, header).toBe(header);
      }
    });
  }

  it('campaign and visitor session columns (whole numbers) are found by their headers', () => {
    for (const [campaign, session] of [['Кампания', 'Сессия'], ['Рекламная кампания', 'Session ID'], ['Campaign', 'visitor_session_id'], ['campaignId', 'VisitorSessionID']]) {
      const table = base();
      table.headers.push(campaign!, session!);
      table.rows.forEach((row, i) => row.push(7000 + (i % 3), 51_000_000 + Math.floor(i / 5)));
      const { mapping } = suggestMapping(table);
      expect(columnOf(mapping, 'campaign_id'), campaign).toBe(campaign);
      expect(columnOf(mapping, 'visitor_session_id'), session).toBe(session);
      expect(columnOf(mapping, 'site_id')).toBe('Site');
    }
  });

  it('odd case, punctuation, underscores, camelCase and notes in brackets do not matter', () => {
    const cases: [FieldName | 'chatKey', string][] = [
      ['chatKey', 'CHAT_ID'], ['chatKey', 'chatId'], ['chatKey', 'ConversationID'], ['chatKey', 'ID-диалога'],
      ['start_date_time', 'Chat Started (UTC)'], ['start_date_time', 'chat_started_at'], ['start_date_time', 'ДАТА НАЧАЛА, МСК'],
      ['date_time', 'Sent At [GMT+3]'], ['date_time', 'message_timestamp'], ['date_time', 'Дата и время сообщения (МСК)'],
      ['name', '  Visitor-Name  '], ['name', 'VISITOR_NAME'], ['name', 'Ф.И.О.'],
      ['phone', 'Телефон:'], ['phone', 'PHONE NUMBER'], ['phone', 'phoneNumber'], ['phone', 'Телефон клиента'],
      ['email', 'E_MAIL'], ['email', 'e-mail'], ['email', 'EmailAddress'], ['email', 'Emial'],
      ['status', 'STATUS!'], ['status', 'Статус чата'], ['status', 'chat_status'],
      ['source', 'sender_type'], ['source', 'Кто написал?'], ['employee_id', 'Agent name'], ['employee_id', 'Имя оператора'],
      ['message', 'MESSAGE_TEXT'], ['message', 'messageBody'], ['message', 'Текст сообщений'], ['site_id', 'Site Id'],
    ];
    for (const [target, header] of cases) {
      const s = renamed(target, header);
      expect(target === 'chatKey' ? keyOf(s) : columnOf(s.mapping, target), header).toBe(header);
    }
  });

  it('folds ё into е, case, punctuation and word endings', () => {
    expect(normaliseHeader('Всё сообщение').tokens).toEqual(normaliseHeader('ВСЕ СООБЩЕНИЯ').tokens);
    expect(normaliseHeader('Номер  чата').tokens).toEqual(normaliseHeader('номер_чат').tokens);
    expect(normaliseHeader('visitorSessionID').tokens).toEqual(normaliseHeader('visitor session id').tokens);
    expect(normaliseHeader('Time (UTC)').tokens).toEqual(['time']);
  });

  it('an exact header scores higher than a partial one, and both beat none', () => {
    const exact = renamed('phone', 'Phone').confidence.phone;
    const partial = renamed('phone', 'Phone of the client, main').confidence.phone;
    expect(exact).toBeGreaterThan(partial);
    expect(partial).toBeGreaterThan(0);
  });

  it('"__proto__", "constructor" and other object keys as headers or values break nothing', () => {
    const table: Table = {
      file: 't', sheet: 's', headerRow: 1,
      headers: ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'Телефон'],
      rows: Array.from({ length: 30 }, (_, i) => ['__proto__', 'constructor', `${i}`, 'valueOf', null, `+7 912 000 00 ${String(10 + i)}`]),
    };
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'phone')).toBe('Телефон');
    expect(Object.values({ ...s.mapping.chat, ...s.mapping.message }).filter((v) => v.kind === 'column')).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);

    // And a column called "__proto__" is still mapped when its values say what it is.
    const proto: Table = { ...table, headers: ['__proto__', 'constructor'], rows: Array.from({ length: 30 }, (_, i) => [`user${i}@mail.ru`, 'x']) };
    expect(columnOf(suggestMapping(proto).mapping, 'email')).toBe('__proto__');
  });
});
