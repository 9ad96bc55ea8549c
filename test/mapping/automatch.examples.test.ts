import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { MappingSchema } from '../../main/mapping/model.ts';
import { makeExamples } from '../../examples/make.ts';
import { openTable, tableFromBytes, type ReadTableOptions } from '../fixtures/table.ts';
import { mappingOf } from './expected.ts';

const bytesOf = (file: string) => readFileSync(new URL(`../../examples/${file}`, import.meta.url));

/** Through the app's own reader (main/sheet/open.ts), which finds the CSV's encoding and delimiter itself. */
const read = (file: string) => openTable(bytesOf(file), file);

describe('auto-matching maps every field of the files in examples/', () => {
  it('messages-by-key.xlsx: English headers, Date cells, a chat id column', () => {
    const suggestion = suggestMapping(read('messages-by-key.xlsx'));
    expect(suggestion.mapping).toEqual(
      mappingOf(
        { kind: 'messages-by-key', chatKey: 'Chat ID' },
        {
          start_date_time: 'Chat started',
          name: 'Visitor name',
          phone: 'Phone',
          email: 'Email',
          status: 'Status',
          initiator: 'Initiated by',
          site_id: 'Site',
          date_time: 'Sent at',
          source: 'Sender',
          employee_id: 'Agent',
          message: 'Message',
        },
      ),
    );
    expect(suggestion.layout.kind).toBe('messages-by-key');
    expect(suggestion.layout.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('messages-by-key-ru.csv: Russian headers, Windows-1251, semicolons, DD.MM.YYYY HH:mm text dates', () => {
    const table = read('messages-by-key-ru.csv');
    const suggestion = suggestMapping(table);
    expect(suggestion.mapping).toEqual(
      mappingOf(
        { kind: 'messages-by-key', chatKey: 'ID диалога' },
        {
          start_date_time: 'Начало чата',
          name: 'Клиент',
          phone: 'Телефон',
          email: 'E-mail',
          status: 'Статус',
          initiator: 'Инициатор',
          site_id: 'Сайт',
          date_time: 'Дата сообщения',
          source: 'Отправитель',
          employee_id: 'Оператор',
          message: 'Сообщение',
        },
      ),
    );
  });

  it("messages-consecutive.ods: no chat key, each chat's details on its first row only", () => {
    const suggestion = suggestMapping(read('messages-consecutive.ods'));
    expect(suggestion.mapping).toEqual(
      mappingOf(
        { kind: 'messages-consecutive' },
        {
          start_date_time: 'Chat start (UTC)',
          name: 'Contact',
          phone: 'Mobile',
          email: 'Email address',
          status: 'Result',
          site_id: 'site_id',
          date_time: 'Timestamp',
          source: 'Author',
          employee_id: 'Employee',
          message: 'Text',
        },
      ),
    );
    expect(suggestion.reasons.initiator.en).toMatch(/No column/);
  });

  it('chat-per-row.xlsx: one date column is the chat start; the message is the visitor’s', () => {
    const suggestion = suggestMapping(read('chat-per-row.xlsx'));
    expect(suggestion.mapping).toEqual(
      mappingOf(
        { kind: 'chat-per-row' },
        {
          start_date_time: 'Дата',
          name: 'Имя',
          phone: 'Телефон',
          email: 'Почта',
          status: 'Статус',
          initiator: 'Инициатор',
          site_id: 'Сайт',
          source: { constant: 'visitor' },
          employee_id: 'Менеджер',
          message: 'Текст сообщения',
        },
      ),
    );
    expect(suggestion.confidence.date_time).toBe(0);
    expect(suggestion.reasons.date_time.en).toMatch(/when the chat started/);
  });

  it('every suggestion survives MappingSchema.parse unchanged', () => {
    for (const file of ['messages-by-key.xlsx', 'messages-by-key-ru.csv', 'messages-consecutive.ods', 'chat-per-row.xlsx']) {
      const { mapping } = suggestMapping(read(file));
      expect(MappingSchema.parse(mapping)).toEqual(mapping);
    }
  });

  it('employees.csv lists id, full_name and email of every operator in the samples', () => {
    const table = read('employees.csv');
    expect(table.headers).toEqual(['id', 'full_name', 'email']);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const [id, name, email] of table.rows) {
      expect(String(id)).toMatch(/^\d+$/);
      expect(String(name)).toMatch(/\S \S/);
      expect(String(email)).toMatch(/@/);
    }
    const names = new Set(table.rows.map((r) => String(r[1])));
    for (const [file, column] of [['messages-by-key.xlsx', 'Agent'], ['messages-by-key-ru.csv', 'Оператор'], ['messages-consecutive.ods', 'Employee'], ['chat-per-row.xlsx', 'Менеджер']]) {
      const chats = read(file!);
      const i = chats.headers.indexOf(column!);
      const operators = chats.rows.map((r) => r[i]).filter((c) => c !== null && c !== undefined);
      expect(operators.length, file).toBeGreaterThan(0);
      for (const operator of operators) expect(names.has(String(operator)), `${file}: ${String(operator)}`).toBe(true);
    }
  });

  it('the files are what examples/make.ts writes today (run `npm run examples` after changing the generator)', () => {
    for (const { file, bytes } of makeExamples()) {
      expect(readFileSync(new URL(`../../examples/${file}`, import.meta.url)).equals(Buffer.from(bytes)), file).toBe(true);
    }
  });

  it('a plain SheetJS read of the files gives the same suggestions as the app’s reader', () => {
    const plainOptions: [string, ReadTableOptions][] = [
      ['messages-by-key.xlsx', {}],
      ['messages-by-key-ru.csv', { encoding: 'windows-1251', delimiter: ';' }],
      ['messages-consecutive.ods', {}],
      ['chat-per-row.xlsx', {}],
    ];
    for (const [file, options] of plainOptions) {
      const plain = suggestMapping(tableFromBytes(bytesOf(file), file, options));
      expect(plain.mapping, file).toEqual(suggestMapping(read(file)).mapping);
    }
  });
});
