import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { neutralise, reportRows, toCsv, toXlsx } from '../../main/upload/export.ts';
import { chatResults, resultsByRow } from '../../main/upload/results.ts';
import { UploadState } from '../../main/upload/state.ts';
import { makeChats } from './chats.ts';

describe('the result report', () => {
  it.each([['=HYPERLINK("http://x")'], ['+7 999'], ['-1'], ['@SUM(A1)'], ['\tcmd'], ['\rcmd']])('neutralises %j so a spreadsheet shows it as text', (value) => {
    expect(neutralise(value)).toBe(`'${value}`);
  });

  it.each([['Hello'], ['7 999'], ['a=b']])('leaves %j alone', (value) => {
    expect(neutralise(value)).toBe(value);
  });

  const chats = makeChats(3);
  const state = new UploadState();
  state.apply({ t: 'sent', at: 1, b: 1, chats: chats.slice(0, 2).map((c) => ({ k: c.key, r: c.rows })) });
  state.apply({ t: 'not-sent', at: 2, b: 1, error: { code: 'api.invalid_parameter_value', message: { en: 'bad', ru: 'плохо' } } });
  state.apply({ t: 'rejected', at: 2, b: 1, chat: { k: chats[1]!.key, r: chats[1]!.rows }, error: { code: 'api.invalid_parameter_value', message: { en: '=bad phone', ru: 'плохой телефон' } } });
  state.apply({ t: 'sent', at: 3, b: 2, chats: [{ k: chats[0]!.key, r: chats[0]!.rows }] });
  state.apply({ t: 'accepted', at: 4, b: 2, ids: [501] });
  const results = chatResults(chats, state);

  it('gives every chat its state, id and error against its rows', () => {
    expect(results.map((r) => [r.rows, r.state, r.id, r.code])).toEqual([
      [[2, 3], 'accepted', 501, undefined],
      [[4, 5], 'rejected', undefined, 'api.invalid_parameter_value'],
      [[6, 7], 'pending', undefined, undefined],
    ]);
  });

  const source = {
    headers: ['chat', 'text'],
    rows: [2, 3, 4, 5, 6, 7, 8].map((row) => ({ row, cells: [`c${row}`, row === 5 ? '=cmd|calc' : `hello ${row}`] })),
  };

  it('exports the original rows with result columns to csv, formulas neutralised', () => {
    const csv = toCsv(reportRows(source, resultsByRow(results), 'en')).toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Row,Result,CallGear chat id,Error code,Error,chat,text');
    expect(lines[1]).toBe('2,uploaded,501,,,c2,hello 2');
    expect(lines[4]).toBe("5,rejected,,api.invalid_parameter_value,'=bad phone,c5,'=cmd|calc");
    expect(lines[7]).toBe('8,not uploaded,,,,c8,hello 8');
  });

  it('exports to xlsx in Russian, readable back as the same cells', () => {
    const book = XLSX.read(toXlsx(reportRows(source, resultsByRow(results), 'ru'), 'Результаты'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Результаты']!, { header: 1 });
    expect(rows[0]).toEqual(['Строка', 'Результат', 'ID чата в CallGear', 'Код ошибки', 'Ошибка', 'chat', 'text']);
    expect(rows[4]).toEqual([5, 'отклонён', undefined, 'api.invalid_parameter_value', 'плохой телефон', 'c5', "'=cmd|calc"].map((v) => v));
  });
});
