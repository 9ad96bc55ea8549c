import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../main/sheet/open.ts';
import { readZipDirectory } from '../../main/sheet/zip-directory.ts';
import { guardZip } from '../../main/sheet/zip-guard.ts';
import { DEFAULT_LIMITS, resolveLimits } from '../../main/sheet/limits.ts';
import { makeZip, oneSheet, problemOf, utf8, workbookBytes } from './fixtures.ts';

const GiB = 1024 ** 3;
const workbookParts = (sheetXml: Uint8Array): Parameters<typeof makeZip>[0] => [
  { name: '[Content_Types].xml', data: utf8('<Types/>') },
  { name: 'xl/workbook.xml', data: utf8('<workbook/>') },
  { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
];

describe('safety caps', () => {
  it('refuses a file over the size cap before reading it, naming file, size and cap', () => {
    const problem = problemOf(openWorkbook(utf8('a,b\n1,2\n'), 'chats.csv', { limits: { maxFileBytes: 4 } }));
    expect(problem).toMatchObject({ code: 'sheet.too_large', file: 'chats.csv' });
    expect(problem.message.en).toMatch(/chats\.csv.*8 bytes.*4 bytes/);
    expect(problem.message.ru).toContain('chats.csv');
  });

  it('refuses a zip whose directory declares gigabytes (a zip bomb), without unpacking it', () => {
    const bomb = makeZip(workbookParts(utf8('<sheetData/>')).map((part, i) => (i === 2 ? { ...part, directorySize: 0xfffffff0 } : part)));
    const problem = problemOf(openWorkbook(bomb, 'bomb.xlsx'));
    expect(problem).toMatchObject({ code: 'sheet.too_large_unzipped', file: 'bomb.xlsx' });
    expect(problem.message.en).toContain('zip bomb');
  });

  it('refuses a real, highly compressible workbook that unpacks past a lowered cap', () => {
    const bytes = oneSheet([['Text'], ['a'.repeat(30_000)], ['b'.repeat(30_000)]]);
    expect(bytes.length).toBeLessThan(20_000);
    const problem = problemOf(openWorkbook(bytes, 'dense.xlsx', { limits: { maxUnzippedBytes: 50_000 } }));
    expect(problem.code).toBe('sheet.too_large_unzipped');
  });

  it('refuses a part whose compressed data is far bigger than the size it claims', () => {
    const lying = makeZip(workbookParts(new Uint8Array(2_000_000)).map((part, i) => (i === 2 ? { ...part, directorySize: 10, localSize: 10 } : part)));
    const problem = problemOf(guardZip(lying, 'liar.xlsx', 'xlsx', DEFAULT_LIMITS));
    expect(problem.code).toBe('sheet.too_large_unzipped');
    expect(problem.message.en).toContain('xl/worksheets/sheet1.xml');
  });

  it('proves the size of a streamed part (no size in its local header) by unpacking it capped', () => {
    const honest = makeZip(workbookParts(new Uint8Array(100_000)).map((part) => ({ ...part, streamed: true })));
    expect(guardZip(honest, 'streamed.xlsx', 'xlsx', DEFAULT_LIMITS).ok).toBe(true);
    const lying = makeZip(workbookParts(new Uint8Array(5_000_000)).map((part, i) => (i === 2 ? { ...part, streamed: true, directorySize: 6_000 } : part)));
    expect(problemOf(guardZip(lying, 'streamed.xlsx', 'xlsx', DEFAULT_LIMITS)).code).toBe('sheet.too_large_unzipped');
  });

  it('stops with too_many_cells once the cell cap is passed, naming sheet and row', () => {
    const rows = [['a', 'b'], ...Array.from({ length: 10 }, (_, i) => [i, i])];
    for (const [bytes, file] of [[oneSheet(rows), 'many.xlsx'], [utf8(rows.map((row) => row.join(',')).join('\n')), 'many.csv']] as const) {
      const problem = problemOf(openWorkbook(bytes, file, { limits: { maxCells: 9 } }));
      expect(problem).toMatchObject({ code: 'sheet.too_many_cells', file, row: 5 });
      expect(problem.sheet).toBe(file === 'many.csv' ? 'many' : 'Chats');
    }
  });

  it('counts merged cells against the cap before filling them', () => {
    // A1:Z100 merged: 2,599 more cells to fill from one value.
    const bytes = workbookBytes([{ name: 'Chats', rows: [['x']], merges: ['A1:Z100'] }]);
    const problem = problemOf(openWorkbook(bytes, 'merged.xlsx', { limits: { maxCells: 1000 } }));
    expect(problem.code).toBe('sheet.too_many_cells');
  });
});

describe('readZipDirectory', () => {
  it('lists parts with their declared sizes', () => {
    const listed = readZipDirectory(makeZip([{ name: 'a.xml', data: new Uint8Array(1000) }, { name: 'b.xml', data: utf8('hi'), stored: true }]));
    expect(listed.ok && listed.entries.map((entry) => [entry.name, entry.method, entry.uncompressedSize])).toEqual([
      ['a.xml', 8, 1000],
      ['b.xml', 0, 2],
    ]);
  });

  it('reads zip64 end records and extra fields', () => {
    const listed = readZipDirectory(makeZip([{ name: 'huge.xml', data: utf8('x'), directorySize: 5 * GiB }], true));
    expect(listed.ok && listed.entries[0]?.uncompressedSize).toBe(5 * GiB);
  });

  it('says truncated when the end record is missing and corrupt when the directory is garbage', () => {
    const zip = makeZip([{ name: 'a.xml', data: utf8('hello') }]);
    expect(readZipDirectory(zip.slice(0, zip.length - 10))).toEqual({ ok: false, reason: 'truncated' });
    const garbled = zip.slice();
    const directoryAt = new DataView(garbled.buffer).getUint32(garbled.length - 6, true);
    garbled[directoryAt] = 0;
    expect(readZipDirectory(garbled)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a zip64 archive declaring more than the cap', () => {
    const zip = makeZip([{ name: '[Content_Types].xml', data: utf8('<Types/>') }, { name: 'xl/workbook.xml', data: utf8('<w/>'), directorySize: 3 * GiB }], true);
    expect(problemOf(openWorkbook(zip, 'big64.xlsx')).code).toBe('sheet.too_large_unzipped');
  });
});

describe('resolveLimits', () => {
  it('fills in defaults, and an explicit undefined does not switch a cap off', () => {
    expect(resolveLimits({ maxCells: 5, maxFileBytes: undefined })).toEqual({ ...DEFAULT_LIMITS, maxCells: 5 });
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
  });
});
