import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { ALL_FIELDS } from '../../main/mapping/fields.ts';
import type { Layout } from '../../main/mapping/model.ts';
import { generateChats, writeWorkbook, type FixtureLayout, type GenerateOptions } from '../fixtures/chats.ts';
import { tableFromBytes, tableFromGrid } from '../fixtures/table.ts';
import { columnOf, mappingOf } from './expected.ts';

const tableOf = (options: GenerateOptions) => {
  const generated = generateChats(options);
  return tableFromGrid([generated.headers, ...generated.rows]);
};

/** What a person would map in each generated layout, header by header. */
const EXPECTED: Record<FixtureLayout, Record<'en' | 'ru', Parameters<typeof mappingOf>>> = {
  'messages-by-key': {
    en: [
      { kind: 'messages-by-key', chatKey: 'Chat ID' },
      {
        start_date_time: 'Chat started', name: 'Visitor name', phone: 'Phone', email: 'Email', status: 'Status',
        initiator: 'Initiated by', site_id: 'Site', date_time: 'Sent at', source: 'Sender', employee_id: 'Agent',
        message: 'Message',
      },
    ],
    ru: [
      { kind: 'messages-by-key', chatKey: 'ID диалога' },
      {
        start_date_time: 'Начало чата', name: 'Клиент', phone: 'Телефон', email: 'E-mail', status: 'Статус',
        initiator: 'Инициатор', site_id: 'Сайт', date_time: 'Дата сообщения', source: 'Отправитель',
        employee_id: 'Оператор', message: 'Сообщение',
      },
    ],
  },
  'messages-consecutive': {
    en: [
      { kind: 'messages-consecutive' },
      {
        start_date_time: 'Chat start (UTC)', name: 'Contact', phone: 'Mobile', email: 'Email address', status: 'Result',
        site_id: 'site_id', date_time: 'Timestamp', source: 'Author', employee_id: 'Employee', message: 'Text',
      },
    ],
    ru: [
      { kind: 'messages-consecutive' },
      {
        start_date_time: 'Дата начала', name: 'ФИО', phone: 'Номер телефона', email: 'Почта', status: 'Итог',
        site_id: 'Сайт', date_time: 'Время', source: 'Кто написал', employee_id: 'Сотрудник', message: 'Текст',
      },
    ],
  },
  'chat-per-row': {
    en: [
      { kind: 'chat-per-row' },
      {
        start_date_time: 'Created at', name: 'Customer name', phone: 'Phone number', email: 'E-mail',
        status: 'Chat status', initiator: 'Initiator', employee_id: 'Operator', message: 'First message',
        site_id: 'Website', source: { constant: 'visitor' },
      },
    ],
    ru: [
      { kind: 'chat-per-row' },
      {
        start_date_time: 'Дата', name: 'Имя', phone: 'Телефон', email: 'Почта', status: 'Статус',
        initiator: 'Инициатор', employee_id: 'Менеджер', message: 'Текст сообщения', site_id: 'Сайт',
        source: { constant: 'visitor' },
      },
    ],
  },
};

const LAYOUTS: FixtureLayout[] = ['messages-by-key', 'messages-consecutive', 'chat-per-row'];

describe('auto-matching generated chat histories', () => {
  for (const layout of LAYOUTS) {
    for (const headers of ['en', 'ru'] as const) {
      it(`${layout}, ${headers} headers: the full mapping, with no hand-written help`, () => {
        for (const language of ['en', 'ru', 'mixed'] as const) {
          const suggestion = suggestMapping(tableOf({ chats: 50, seed: 11, layout, language, headers }));
          expect(suggestion.mapping, `${language} texts`).toEqual(mappingOf(...EXPECTED[layout][headers]));
          expect(suggestion.layout.kind).toBe(layout);
        }
      });
    }
  }

  it('every mapped field of a clean file is matched with confidence 0.6 or more; unmapped ones have 0', () => {
    for (const layout of LAYOUTS) {
      const { mapping, confidence } = suggestMapping(tableOf({ chats: 80, seed: 3, layout, language: 'mixed' }));
      for (const field of ALL_FIELDS) {
        if (columnOf(mapping, field) === undefined) {
          if (!(layout === 'chat-per-row' && field === 'source')) expect(confidence[field], field).toBe(0);
        } else {
          expect(confidence[field], `${layout} ${field}`).toBeGreaterThanOrEqual(0.6);
        }
      }
    }
  });

  it('holds across seeds, sizes, Date cells, first-row-only details, missing site and extra columns', () => {
    let checked = 0;
    for (const layout of LAYOUTS) {
      for (const headers of ['en', 'ru'] as const) {
        for (const [seed, chats] of [[1, 3], [2, 12], [4, 400]] as const) {
          for (const dates of ['text', 'date'] as const) {
            for (const firstRowOnly of layout === 'chat-per-row' ? [false] : [false, true]) {
              const options = { chats, seed, layout, language: 'mixed', headers, dates, site: seed !== 2, extras: seed !== 4, chatFieldsOnFirstRowOnly: firstRowOnly } as const;
              const generated = generateChats(options);
              const { mapping } = suggestMapping(tableFromGrid([generated.headers, ...generated.rows]));
              const [expectedLayout, fields] = EXPECTED[layout][headers];
              const expected = mappingOf(expectedLayout as Layout, { ...fields, site_id: options.site ? fields.site_id : undefined });
              expect(mapping, JSON.stringify(options)).toEqual(expected);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBe(60);
  });

  it('planted errors do not change the mapping', () => {
    const plant = ['invalid_phone', 'invalid_email', 'missing_contact', 'future_date', 'message_before_start', 'unknown_status', 'operator_without_employee', 'empty_message', 'duplicate_chat'] as const;
    for (const layout of LAYOUTS) {
      const kinds = layout === 'chat-per-row' ? plant.filter((k) => k !== 'message_before_start' && k !== 'operator_without_employee') : plant;
      for (const headers of ['en', 'ru'] as const) {
        const { mapping } = suggestMapping(tableOf({ chats: 30, seed: 8, layout, language: headers, headers, plant: [...kinds] }));
        expect(mapping).toEqual(mappingOf(...EXPECTED[layout][headers]));
      }
    }
  });

  it('reads the same after a round trip through csv (cp1251 and UTF-8), xlsx, ods and xls', () => {
    for (const layout of LAYOUTS) {
      const generated = generateChats({ chats: 25, seed: 21, layout, language: 'ru', dates: 'date' });
      const expected = mappingOf(...EXPECTED[layout].ru);
      const files = [
        ['csv', tableFromBytes(writeWorkbook(generated, 'csv', { encoding: 'windows-1251', delimiter: ';' }), 'a.csv', { encoding: 'windows-1251', delimiter: ';' })],
        ['csv utf-8', tableFromBytes(writeWorkbook(generated, 'csv'), 'a.csv')],
        ['xlsx', tableFromBytes(writeWorkbook(generated, 'xlsx'), 'a.xlsx')],
        ['ods', tableFromBytes(writeWorkbook(generated, 'ods'), 'a.ods')],
        ['xls', tableFromBytes(writeWorkbook(generated, 'xls'), 'a.xls')],
      ] as const;
      for (const [format, table] of files) expect(suggestMapping(table).mapping, `${layout} ${format}`).toEqual(expected);
    }
  });
});
