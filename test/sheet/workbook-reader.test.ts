import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../main/sheet/open.ts';
import type { Cell } from '../../main/sheet/types.ts';
import { biff5InCodepage1251, must, odsWithDate, oneSheet, problemOf, workbookBytes, type BookType } from './fixtures.ts';

const FORMATS: BookType[] = ['xlsx', 'xlsm', 'xlsb', 'xls', 'ods'];
const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';
const wallClock = (iso: string): Date => new Date(`${iso}Z`);
const cells = (bytes: Uint8Array, file = 'chats.xlsx'): Cell[][] => must(openWorkbook(bytes, file)).sheets[0]?.rows ?? [];

describe('reading workbooks with SheetJS', () => {
  it.each(FORMATS)('opens %s with strings, numbers and booleans as they were written', (format) => {
    const book = must(openWorkbook(oneSheet([['Name', 'Count', 'Done'], ['Иван', 42, true]], format), `chats.${format}`));
    expect(book.format).toBe(format);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Chats']);
    expect(book.sheets[0]?.rows).toEqual([['Name', 'Count', 'Done'], ['Иван', 42, true]]);
  });

  it('keeps the Cyrillic of an old BIFF5 .xls saved in code page 1251', () => {
    expect(cells(biff5InCodepage1251('Сообщение'), 'excel95.xls')).toEqual([['Сообщение']]);
  });

  it('opens an HTML table that a web system exported under the .xls name', () => {
    const html = '<html><body><table><tr><td>Chat</td><td>Phone</td></tr><tr><td>c1</td><td>+7 999 123-45-67</td></tr></table></body></html>';
    const book = must(openWorkbook(new TextEncoder().encode(html), 'web-export.xls'));
    expect(book.sheets[0]?.rows).toEqual([['Chat', 'Phone'], ['c1', '+7 999 123-45-67']]);
  });

  it('keeps spreadsheet row numbers: rows[i] is row i + 1, blank rows stay as []', () => {
    const sheet = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(sheet, [['x']], { origin: 'B3' });
    XLSX.utils.sheet_add_aoa(sheet, [['y']], { origin: 'A5' });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const rows = cells(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })));
    expect(rows).toEqual([[], [], [null, 'x'], [], ['y']]);
  });

  it('gives the cached value of a formula cell', () => {
    const rows = cells(oneSheet([[2, 3, { t: 'n', v: 5, f: 'A1+B1' }, { t: 's', v: 'ok', f: 'IF(C1>4,"ok","no")' }]]));
    expect(rows[0]).toEqual([2, 3, 5, 'ok']);
  });

  it('keeps phones with a plus or leading zeros as text, and numbers as numbers', () => {
    const rows = cells(oneSheet([['+7 999 123-45-67', '00123', '79991234567', 79991234567]]));
    expect(rows[0]).toEqual(['+7 999 123-45-67', '00123', '79991234567', 79991234567]);
  });

  it('keeps a date written as text, even with a five-digit year, as text', () => {
    expect(cells(oneSheet([['12/03/20245', '2024-03-12 10:00']]))[0]).toEqual(['12/03/20245', '2024-03-12 10:00']);
  });

  it.each(['xlsx', 'xls', 'xlsb'] as const)('turns 1900-system serials into wall-clock dates in %s, rounded to the second', (format) => {
    const serial = 45363.43090277778; // 2024-03-12 10:20:30
    const rows = cells(oneSheet([
      // A hair under the second, as SheetJS hands back about a quarter of times.
      [{ t: 'n', v: serial - 1e-9, z: DATE_TIME }],
      [{ t: 'n', v: 45292, z: 'dd.mm.yyyy' }],
      [{ t: 'n', v: 1, z: 'yyyy-mm-dd' }],
      [{ t: 'n', v: 59, z: 'yyyy-mm-dd' }],
      [{ t: 'n', v: 61, z: 'yyyy-mm-dd' }],
      [{ t: 'n', v: 0.75, z: 'hh:mm' }],
    ], format), `chats.${format}`);
    expect(rows.map((row) => row[0])).toEqual([
      wallClock('2024-03-12T10:20:30'),
      wallClock('2024-01-01T00:00:00'),
      wallClock('1900-01-01T00:00:00'),
      wallClock('1900-02-28T00:00:00'),
      wallClock('1900-03-01T00:00:00'),
      wallClock('1899-12-30T18:00:00'),
    ]);
  });

  it.each(['xlsx', 'xls'] as const)('honours the 1904 date system of a %s workbook', (format) => {
    // 2024-01-01 is 45292 in the 1900 system and 1462 days less in the 1904 one.
    const bytes = workbookBytes([{ name: 'Mac', rows: [[{ t: 'n', v: 43830.5, z: DATE_TIME }]] }], format, true);
    expect(cells(bytes, `mac.${format}`)[0]?.[0]).toEqual(wallClock('2024-01-01T12:00:00'));
  });

  it('reads a LibreOffice date as the same wall clock whatever the time zone of the machine', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Moscow']) {
        process.env.TZ = tz;
        expect(cells(odsWithDate('2024-03-12T10:20:30'), 'lo.ods')[0]?.[0], tz).toEqual(wallClock('2024-03-12T10:20:30'));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps a date-formatted serial past 9999-12-31 as a number, with a note', () => {
    const book = must(openWorkbook(oneSheet([['When'], [{ t: 'n', v: 3e6, z: 'yyyy-mm-dd' }]]), 'far.xlsx'));
    expect(book.sheets[0]?.rows[1]).toEqual([3e6]);
    expect(book.notes).toContainEqual(expect.objectContaining({ code: 'sheet.date_out_of_range', sheet: 'Chats' }));
    expect(book.notes[0]?.message.en).toContain('A2');
  });

  it('leaves durations ([h]:mm) as numbers: they are not moments in time', () => {
    expect(cells(oneSheet([[{ t: 'n', v: 1.5, z: '[h]:mm' }]]))[0]).toEqual([1.5]);
  });

  it('reads error cells as empty and says where the first one is', () => {
    const book = must(openWorkbook(oneSheet([['a', { t: 'e', v: 0x2a }, 'c']]), 'errors.xlsx'));
    expect(book.sheets[0]?.rows[0]).toEqual(['a', null, 'c']);
    const note = book.notes.find((n) => n.code === 'sheet.error_cells');
    expect(note?.message.en).toContain('B1');
    expect(note?.message.ru).toContain('B1');
  });

  it.each(['xlsx', 'xls', 'ods'] as const)('copies merged values into every cell of the range in %s and reports it', (format) => {
    const bytes = workbookBytes([{
      name: 'Merged',
      rows: [['Chat', 'Text'], ['c-1', 'hi'], [null, 'there'], [null, 'bye']],
      merges: ['A2:A4'],
    }], format);
    const book = must(openWorkbook(bytes, `merged.${format}`));
    const sheet = book.sheets[0];
    expect(sheet?.rows.map((row) => row[0])).toEqual(['Chat', 'c-1', 'c-1', 'c-1']);
    expect(sheet?.merges).toEqual([{ firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 0 }]);
    expect(book.notes).toContainEqual(expect.objectContaining({ code: 'sheet.merged_cells', sheet: 'Merged' }));
  });

  it.each(['xlsx', 'xlsb', 'xls'] as const)('marks hidden sheets in %s and notes them', (format) => {
    const bytes = workbookBytes([
      { name: 'Visible', rows: [['a']] },
      { name: 'Secret', rows: [['b']], hidden: true },
    ], format);
    const book = must(openWorkbook(bytes, `two.${format}`));
    expect(book.sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([['Visible', false], ['Secret', true]]);
    expect(book.notes).toContainEqual(expect.objectContaining({ code: 'sheet.hidden', sheet: 'Secret' }));
  });

  it('reads a sheet 16,384 columns wide', () => {
    const header = Array.from({ length: 16_384 }, (_, i) => `h${i}`);
    const data = Array.from({ length: 3 }, (_, r) => header.map((_, c) => r * c));
    const bytes = oneSheet([header, ...data]);
    const rows = cells(bytes);
    expect(rows[0]?.length).toBe(16_384);
    expect(rows[3]?.[16_383]).toBe(2 * 16_383);
  });

  // Excel caps a cell at 32,767 characters and SheetJS will not write more to xlsx, but ods and
  // xlsb files from other programs can hold more.
  it.each(['ods', 'xlsb'] as const)('keeps a 1 MB cell of a %s intact', (format) => {
    const big = 'ё'.repeat(1024 * 1024);
    expect(cells(oneSheet([['Text'], [big]], format), `big.${format}`)[1]?.[0]).toBe(big);
  });

  it.each(['xlsx', 'xls'] as const)('reads sheets named __proto__, constructor and toString in %s like any other', (format) => {
    const names = ['__proto__', 'constructor', 'toString'];
    const bytes = workbookBytes(names.map((name) => ({ name, rows: [[`in ${name}`]] })), format);
    const book = must(openWorkbook(bytes, `odd-names.${format}`));
    expect(book.sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual(names.map((name) => [name, [[`in ${name}`]]]));
    expect(({} as Record<string, unknown>)['!data']).toBeUndefined();
  });

  it('gives a sheet with nothing in it no rows', () => {
    const book = must(openWorkbook(workbookBytes([{ name: 'Empty', rows: [] }]), 'empty-sheet.xlsx'));
    expect(book.sheets[0]).toMatchObject({ name: 'Empty', rows: [] });
  });
});

/** An xlsx whose second cell sits at `reference`: only damage writes a cell past Excel's grid. */
function xlsxWithCellAt(reference: string): Uint8Array {
  const parts = unzipSync(oneSheet([['Chat', 'Text'], ['c1', 'hello']]));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('r="B2"', `r="${reference}"`));
  return zipSync(parts);
}

describe('a workbook damaged past the edge of the grid', () => {
  it.each([
    ['a row number no spreadsheet has', 'B4294967045', 4_294_967_045],
    ['a column past XFD', 'AAAAA2', 2],
  ])('is refused as damaged, naming the sheet and row, for %s', (_, reference, row) => {
    const problem = problemOf(openWorkbook(xlsxWithCellAt(reference), 'damaged.xlsx'));
    expect(problem).toMatchObject({ code: 'sheet.corrupt', file: 'damaged.xlsx', sheet: 'Chats', row });
    expect(problem.message.en).toContain(`row ${row}`);
  });

  it('still reads a cell in the last row and column a spreadsheet has', () => {
    const rows = cells(xlsxWithCellAt('XFD1048576'));
    expect(rows).toHaveLength(1_048_576);
    expect(rows[1_048_575]?.[16_383]).toBe('hello');
  });
});
