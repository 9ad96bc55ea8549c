import { describe, expect, it } from 'vitest';
import { guessHeaderRow, makeTable } from '../../main/sheet/header.ts';
import type { Cell, SheetGrid } from '../../main/sheet/types.ts';
import { must, problemOf } from './fixtures.ts';

const grid = (rows: Cell[][], name = 'Chats'): SheetGrid => ({ name, hidden: false, rows, merges: [] });
const DATA: Cell[][] = [
  ['Chat', 'Time', 'Author', 'Text'],
  ['c1', new Date(Date.UTC(2024, 0, 1, 10)), 'Ivan', 'hello'],
  ['c1', new Date(Date.UTC(2024, 0, 1, 11)), 'Olga', 'hi'],
  ['c2', new Date(Date.UTC(2024, 0, 2, 9)), 'Petr', 'bye'],
];

describe('guessHeaderRow', () => {
  it('takes the first row when it holds the column names', () => {
    expect(guessHeaderRow(grid(DATA))).toMatchObject({ row: 1 });
    expect(guessHeaderRow(grid(DATA)).confidence).toBeGreaterThan(0.8);
  });

  it('finds the header under a title row and blank rows', () => {
    expect(guessHeaderRow(grid([['Chat export 2024'], [], ['Exported by admin'], [], ...DATA])).row).toBe(5);
  });

  it('skips a wide title line that is narrower than the table', () => {
    const rows: Cell[][] = [['Report', 'January'], ['Chat', 'Time', 'Author', 'Text', 'Channel'], ...DATA.slice(1).map((row) => [...row, 'site'])];
    expect(guessHeaderRow(grid(rows)).row).toBe(2);
  });

  it('falls back to the first filled row, with low confidence, when nothing looks like names', () => {
    const guess = guessHeaderRow(grid([[], [1, 2, 3], [4, 5, 6]]));
    expect(guess).toEqual({ row: 2, confidence: 0.2 });
  });

  it('gives row 1 and no confidence for an empty sheet', () => {
    expect(guessHeaderRow(grid([]))).toEqual({ row: 1, confidence: 0 });
  });
});

describe('makeTable', () => {
  it('keeps every row after the header, blank ones included, so row numbers hold', () => {
    const table = must(makeTable(grid([['Title'], ...DATA.slice(0, 2), [], DATA[3] ?? []]), 'chats.xlsx', 2));
    expect(table).toMatchObject({ file: 'chats.xlsx', sheet: 'Chats', headerRow: 2, headers: ['Chat', 'Time', 'Author', 'Text'] });
    expect(table.rows).toHaveLength(3);
    expect(table.rows[1]).toEqual([]);
  });

  it('names blank headers by column letter and numbers repeats, including columns with data but no header', () => {
    const table = must(makeTable(grid([['Name', '', 'Name', ' Name ', 'Column B'], ['a', 'b', 'c', 'd', 'e', 'f']]), 'x.csv', 1));
    expect(table.headers).toEqual(['Name', 'Column B', 'Name (2)', 'Name (3)', 'Column B (2)', 'Column F']);
  });

  it('collapses line breaks in header cells and shows non-text headers as text', () => {
    const table = must(makeTable(grid([['Date\nand time', 2024, true], [1, 2, 3]]), 'x.xlsx', 1));
    expect(table.headers).toEqual(['Date and time', '2024', 'TRUE']);
  });

  it('treats __proto__, constructor and toString as ordinary header names', () => {
    const table = must(makeTable(grid([['__proto__', 'constructor', 'toString', '__proto__'], ['a', 'b', 'c', 'd']]), 'evil.csv', 1));
    expect(table.headers).toEqual(['__proto__', 'constructor', 'toString', '__proto__ (2)']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fails with sheet.empty on a sheet without rows, naming file and sheet', () => {
    const problem = problemOf(makeTable(grid([[], []], 'Пусто'), 'chats.xlsx', 1));
    expect(problem).toMatchObject({ code: 'sheet.empty', file: 'chats.xlsx', sheet: 'Пусто' });
    expect(problem.message.en).toContain('"Пусто"');
    expect(problem.message.ru).toContain('«Пусто»');
  });

  it('fails with sheet.no_data_rows on a header-only sheet', () => {
    const problem = problemOf(makeTable(grid([['Chat', 'Text'], []]), 'chats.xlsx', 1));
    expect(problem).toMatchObject({ code: 'sheet.no_data_rows', sheet: 'Chats', row: 1 });
  });

  it('refuses a header row outside the sheet', () => {
    expect(problemOf(makeTable(grid(DATA), 'chats.xlsx', 9)).code).toBe('sheet.header_row_out_of_range');
  });

  it('names all 16,384 columns of the widest sheet, up to XFD', () => {
    const header: Cell[] = Array.from({ length: 16_384 }, () => null);
    const table = must(makeTable(grid([header, [...header.slice(1), 'x']]), 'wide.xlsx', 1));
    expect(table.headers).toHaveLength(16_384);
    expect(table.headers.at(-1)).toBe('Column XFD');
  });
});
