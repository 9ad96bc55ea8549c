import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { ALL_FIELDS } from '../../main/mapping/fields.ts';
import { MappingSchema } from '../../main/mapping/model.ts';
import type { Cell, Table } from '../../main/sheet/types.ts';
import { generateChats, type GenerateOptions } from '../fixtures/chats.ts';
import { tableFromGrid } from '../fixtures/table.ts';
import { columnOf } from './expected.ts';

const tableOf = (options: GenerateOptions): Table => {
  const g = generateChats(options);
  return tableFromGrid([g.headers, ...g.rows]);
};

const rename = (table: Table, from: string, to: string): Table => {
  const i = table.headers.indexOf(from);
  if (i < 0) throw new Error(`no column ${from}`);
  table.headers[i] = to;
  return table;
};

const dropColumn = (table: Table, header: string): Table => {
  const i = table.headers.indexOf(header);
  return { ...table, headers: table.headers.filter((_, j) => j !== i), rows: table.rows.map((r) => r.filter((_, j) => j !== i)) };
};

const mapped = (s: ReturnType<typeof suggestMapping>) => ALL_FIELDS.filter((f) => columnOf(s.mapping, f) !== undefined);

describe('values confirm, correct or stand in for headers', () => {
  it('swapped "Phone" and "Email" headers are corrected by the values, and the reasons say so', () => {
    const table = tableOf({ chats: 40, seed: 2, layout: 'messages-by-key', language: 'ru', headers: 'en' });
    rename(table, 'Phone', 'tmp');
    rename(table, 'Email', 'Phone');
    rename(table, 'tmp', 'Email');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'phone')).toBe('Email');
    expect(columnOf(s.mapping, 'email')).toBe('Phone');
    expect(s.reasons.email.en).toMatch(/header "Phone" suggests the phone/);
    expect(s.reasons.email.ru).toMatch(/«Phone»/);
    expect(s.confidence.email).toBeGreaterThanOrEqual(0.8);
  });

  it('a "Message" header over dates and a "Notes" header over the texts: dates win the message time', () => {
    const table = tableOf({ chats: 40, seed: 3, layout: 'messages-by-key', language: 'en' });
    rename(table, 'Message', 'Notes');
    rename(table, 'Sent at', 'Message');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'date_time')).toBe('Message');
    expect(columnOf(s.mapping, 'message')).toBe('Notes');
  });

  it('a "Status" header over phone numbers: the column is the phone and status stays unmapped', () => {
    const table = dropColumn(tableOf({ chats: 40, seed: 4, layout: 'chat-per-row', language: 'ru' }), 'Статус');
    rename(table, 'Телефон', 'Статус');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'phone')).toBe('Статус');
    expect(columnOf(s.mapping, 'status')).toBeUndefined();
  });

  it('a good header is not overruled by weak value evidence', () => {
    // "Visitor name" holds one-word nicknames and codes: still the name.
    const table = tableOf({ chats: 30, seed: 6, layout: 'chat-per-row', language: 'en' });
    const i = table.headers.indexOf('Customer name');
    table.rows.forEach((row, r) => (row[i] = `guest_${r}x`));
    expect(columnOf(suggestMapping(table).mapping, 'name')).toBe('Customer name');
  });

  it('with meaningless headers, distinctive values still find e-mail, phone, dates, text, enums and the chat key', () => {
    const table = tableOf({ chats: 60, seed: 7, layout: 'messages-by-key', language: 'ru', headers: 'en' });
    const original = [...table.headers];
    table.headers = table.headers.map((_, i) => `Field ${i + 1}`);
    const s = suggestMapping(table);
    const header = (name: string) => `Field ${original.indexOf(name) + 1}`;
    expect(s.mapping.layout).toEqual({ kind: 'messages-by-key', chatKey: header('Chat ID') });
    expect(columnOf(s.mapping, 'email')).toBe(header('Email'));
    expect(columnOf(s.mapping, 'phone')).toBe(header('Phone'));
    expect(columnOf(s.mapping, 'message')).toBe(header('Message'));
    expect(columnOf(s.mapping, 'date_time')).toBe(header('Sent at'));
    expect(columnOf(s.mapping, 'start_date_time')).toBe(header('Chat started'));
    expect(columnOf(s.mapping, 'status')).toBe(header('Status'));
    expect(columnOf(s.mapping, 'source')).toBe(header('Sender'));
    expect(columnOf(s.mapping, 'initiator')).toBe(header('Initiated by'));
    // Names, operators and site ids look like too many other things to guess without a header.
    expect(columnOf(s.mapping, 'name')).toBeUndefined();
    expect(columnOf(s.mapping, 'site_id')).toBeUndefined();
    for (const f of mapped(s)) expect(s.confidence[f], f).toBeLessThan(0.95);
  });

  it('a table with no recognisable columns gets nones and low confidences, not guesses', () => {
    const rows: Cell[][] = Array.from({ length: 200 }, (_, i) => [
      ['alpha', 'beta', 'gamma'][i % 3]!,
      i % 7,
      (i * 37) % 1000 / 10,
      i % 2 === 0,
      `SKU-${1000 + i}`,
      ['red', 'green', 'blue', 'cyan', 'magenta'][i % 5]!,
    ]);
    const table: Table = { file: 'x', sheet: 'x', headerRow: 1, headers: ['Foo', 'Bar', 'Baz', 'Qux', 'Article', 'Colour'], rows };
    const s = suggestMapping(table);
    expect(mapped(s)).toEqual([]);
    for (const f of ALL_FIELDS) expect(s.confidence[f]).toBe(0);
    expect(s.layout.kind).toBe('chat-per-row');
    expect(s.layout.confidence).toBeLessThanOrEqual(0.75);
    expect(s.reasons.phone.en).toMatch(/No column looks like the phone/);
    expect(s.reasons.phone.ru).toMatch(/телефон/);
  });

  it('an empty table and a header-only table give a valid, empty suggestion', () => {
    for (const table of [
      { file: 'e', sheet: 's', headerRow: 1, headers: [], rows: [] },
      { file: 'e', sheet: 's', headerRow: 1, headers: ['Foo', 'Bar'], rows: [[], [null, null]] },
    ] as Table[]) {
      const s = suggestMapping(table);
      expect(MappingSchema.parse(s.mapping)).toEqual(s.mapping);
      expect(mapped(s)).toEqual([]);
    }
  });

  it('an empty column with a clear header is still proposed, a little less surely', () => {
    const table = tableOf({ chats: 20, seed: 9, layout: 'messages-by-key', language: 'en' });
    const i = table.headers.indexOf('Email');
    for (const row of table.rows) row[i] = null;
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'email')).toBe('Email');
    expect(s.confidence.email).toBeLessThan(1);
  });

  it('id fields need whole numbers: a "Campaign" column of names is left alone', () => {
    const table = tableOf({ chats: 20, seed: 10, layout: 'chat-per-row', language: 'en' });
    table.headers.push('Campaign');
    table.rows.forEach((row, r) => row.push(['Spring sale', 'Black Friday', 'Brand'][r % 3]!));
    expect(columnOf(suggestMapping(table).mapping, 'campaign_id')).toBeUndefined();
  });
});

describe('date columns', () => {
  it('messages with only a message time: date_time is mapped and the chat start is left to the first message', () => {
    const table = dropColumn(tableOf({ chats: 30, seed: 12, layout: 'messages-by-key', language: 'en' }), 'Chat started');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'date_time')).toBe('Sent at');
    expect(columnOf(s.mapping, 'start_date_time')).toBeUndefined();
    expect(s.reasons.start_date_time.en).toMatch(/first message/);
  });

  it('messages with one date column named like a chat start, but changing inside chats: it is the message time', () => {
    const table = dropColumn(tableOf({ chats: 30, seed: 13, layout: 'messages-by-key', language: 'ru' }), 'Начало чата');
    rename(table, 'Дата сообщения', 'Дата начала');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'date_time')).toBe('Дата начала');
    expect(columnOf(s.mapping, 'start_date_time')).toBeUndefined();
  });

  it('one row per chat with one date column named like a message time: it is the chat start', () => {
    const table = rename(tableOf({ chats: 30, seed: 14, layout: 'chat-per-row', language: 'en' }), 'Created at', 'Sent at');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'start_date_time')).toBe('Sent at');
    expect(columnOf(s.mapping, 'date_time')).toBeUndefined();
  });

  it('two generic date columns in a message table: the one constant within chats is the start', () => {
    const table = tableOf({ chats: 30, seed: 15, layout: 'messages-by-key', language: 'ru' });
    rename(table, 'Начало чата', 'Дата 1');
    rename(table, 'Дата сообщения', 'Дата 2');
    const s = suggestMapping(table);
    expect(columnOf(s.mapping, 'start_date_time')).toBe('Дата 1');
    expect(columnOf(s.mapping, 'date_time')).toBe('Дата 2');
  });
});

describe('layout', () => {
  it('a repeated chat id means messages-by-key; the same file without it, messages-consecutive', () => {
    const table = tableOf({ chats: 30, seed: 16, layout: 'messages-by-key', language: 'en' });
    expect(suggestMapping(table).layout.kind).toBe('messages-by-key');
    const s = suggestMapping(dropColumn(table, 'Chat ID'));
    expect(s.layout.kind).toBe('messages-consecutive');
    expect(s.layout.reason.en).toMatch(/Sender/);
  });

  it('without a key or a sender column, visitor details repeating (or written once per chat) still mean messages', () => {
    for (const chatFieldsOnFirstRowOnly of [false, true]) {
      const table = dropColumn(tableOf({ chats: 40, seed: 23, layout: 'messages-consecutive', language: 'ru', chatFieldsOnFirstRowOnly }), 'Кто написал');
      const s = suggestMapping(table);
      expect(s.layout.kind, String(chatFieldsOnFirstRowOnly)).toBe('messages-consecutive');
      expect(s.layout.reason.en).toMatch(/repeat on consecutive rows/);
      expect(columnOf(s.mapping, 'start_date_time')).toBe('Дата начала');
      expect(columnOf(s.mapping, 'date_time')).toBe('Время');
    }
  });

  it('a "Chat ID" column that never repeats is not a chat key: one row per chat', () => {
    const table = tableOf({ chats: 30, seed: 17, layout: 'chat-per-row', language: 'en' });
    table.headers.push('Chat ID');
    table.rows.forEach((row, r) => row.push(9000 + r));
    const s = suggestMapping(table);
    expect(s.layout.kind).toBe('chat-per-row');
  });

  it('chat-per-row sorted by status or operator is still chat-per-row', () => {
    for (const sortBy of ['Chat status', 'Operator']) {
      const table = tableOf({ chats: 60, seed: 18, layout: 'chat-per-row', language: 'en' });
      const i = table.headers.indexOf(sortBy);
      table.rows.sort((a, b) => String(a[i]).localeCompare(String(b[i])));
      expect(suggestMapping(table).layout.kind, sortBy).toBe('chat-per-row');
    }
  });
});

describe('sampling', () => {
  it('looks at the first rows only: what comes after the sample does not change the suggestion', () => {
    const table = tableOf({ chats: 50, seed: 19, layout: 'messages-by-key', language: 'en' });
    const before = suggestMapping(table, { sampleRows: 100 });
    table.rows.push(...Array.from({ length: 500 }, () => table.headers.map(() => 'garbage')));
    expect(suggestMapping(table, { sampleRows: 100 })).toEqual(before);
  });

  it('a tiny sample still gives a valid mapping', () => {
    const s = suggestMapping(tableOf({ chats: 50, seed: 20, layout: 'messages-by-key', language: 'ru' }), { sampleRows: 1 });
    expect(MappingSchema.parse(s.mapping)).toEqual(s.mapping);
  });
});

describe('the suggestion itself', () => {
  it('uses each column for one field at most, and explains every field in English and Russian', () => {
    for (const layout of ['messages-by-key', 'messages-consecutive', 'chat-per-row'] as const) {
      for (const headers of ['en', 'ru'] as const) {
        const s = suggestMapping(tableOf({ chats: 30, seed: 22, layout, language: 'mixed', headers }));
        const columns = ALL_FIELDS.map((f) => columnOf(s.mapping, f)).filter((c) => c !== undefined);
        if (s.mapping.layout.kind === 'messages-by-key') columns.push(s.mapping.layout.chatKey);
        expect(new Set(columns).size, `${layout} ${headers}`).toBe(columns.length);
        expect(Object.keys(s.reasons)).toEqual([...ALL_FIELDS]);
        for (const f of ALL_FIELDS) {
          expect(s.reasons[f].en.length, f).toBeGreaterThan(10);
          expect(s.reasons[f].ru).toMatch(/[а-я]/);
          expect(s.confidence[f]).toBeGreaterThanOrEqual(0);
          expect(s.confidence[f]).toBeLessThanOrEqual(1);
        }
        expect(s.layout.reason.ru).toMatch(/[а-я]/);
      }
    }
  });
});
