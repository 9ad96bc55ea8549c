import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ok } from '../../main/common/text.ts';
import { openFile, openWorkbook } from '../../main/sheet/open.ts';
import type { WorkbookReader } from '../../main/sheet/types.ts';
import { damageEntry, encryptedOoxml, must, oneSheet, problemOf, randomBytes, utf8 } from './fixtures.ts';

const folder = mkdtempSync(join(tmpdir(), 'sheet-open-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Enough rows that each format compresses its sheet rather than storing it. */
const LONG = [['chat', 'text'], ...Array.from({ length: 500 }, (_, i) => [`c${i % 40}`, `message ${i}`])];

describe('openWorkbook on bad input: a typed problem naming the file, never a throw', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'empty.xlsx', 'sheet.empty_file'],
    ['random bytes named .xlsx', randomBytes(10_000), 'random.xlsx', 'sheet.corrupt'],
    ['random bytes named .xls', randomBytes(10_000), 'random.xls', 'sheet.corrupt'],
    ['a truncated xlsx', oneSheet([['a', 'b'], [1, 2]]).slice(0, 900), 'cut.xlsx', 'sheet.truncated'],
    ['a password-protected xlsx', encryptedOoxml(), 'secret.xlsx', 'sheet.encrypted'],
    ['an xlsx whose sheet cannot be unpacked', damageEntry(oneSheet(LONG), 'xl/worksheets/sheet1.xml'), 'damaged.xlsx', 'sheet.corrupt'],
    // SheetJS reads these two; its own inflate would never return on such damage.
    ['an xlsb whose sheet cannot be unpacked', damageEntry(oneSheet(LONG, 'xlsb'), 'xl/worksheets/sheet1.bin'), 'damaged.xlsb', 'sheet.corrupt'],
    ['an ods whose content cannot be unpacked', damageEntry(oneSheet(LONG, 'ods'), 'content.xml'), 'damaged.ods', 'sheet.corrupt'],
    ['a damaged OLE container', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(3000)]), 'broken.xls', 'sheet.corrupt'],
  ])('%s', (_label, bytes, file, code) => {
    const problem = problemOf(openWorkbook(bytes, file));
    expect(problem.code).toBe(code);
    expect(problem.file).toBe(file);
    expect(problem.message.en).toContain(file);
    expect(problem.message.ru).toContain(file);
  });
});

describe('openWorkbook dispatch', () => {
  it('hands the bytes to the first reader that takes the format, so another xlsx reader can go in front', () => {
    const fast: WorkbookReader = {
      formats: new Set(['xlsx']),
      read: (_bytes, file, format) => ok({ file, format, sheets: [], notes: [] }),
    };
    const book = must(openWorkbook(oneSheet([['a']]), 'x.xlsx', {}, [fast]));
    expect(book).toEqual({ file: 'x.xlsx', format: 'xlsx', sheets: [], notes: [] });
    expect(problemOf(openWorkbook(utf8('a,b'), 'x.csv', {}, [fast])).code).toBe('sheet.unsupported');
  });
});

describe('openFile', () => {
  it('reads a file from disk and names it without its folder', () => {
    const path = join(folder, 'chats.csv');
    writeFileSync(path, 'chat,text\nc1,hi\n');
    const book = must(openFile(path));
    expect(book.file).toBe('chats.csv');
    expect(book.sheets[0]?.rows).toEqual([['chat', 'text'], ['c1', 'hi']]);
  });

  it('refuses a file over the size cap from its size on disk', () => {
    const path = join(folder, 'big.csv');
    writeFileSync(path, 'x'.repeat(1000));
    expect(problemOf(openFile(path, { limits: { maxFileBytes: 100 } })).code).toBe('sheet.too_large');
  });

  it('says plainly when the file is missing or is a folder', () => {
    expect(problemOf(openFile(join(folder, 'missing.xlsx')))).toMatchObject({ code: 'sheet.unreadable_file', file: 'missing.xlsx' });
    expect(problemOf(openFile(join(folder, 'missing.xlsx'))).message.en).toContain('no such file');
    expect(problemOf(openFile(folder)).message.ru).toContain('это папка');
  });

  it.skipIf(process.platform === 'win32')('does not try to read a device to its end', () => {
    expect(problemOf(openFile('/dev/zero')).message.en).toContain('not a regular file');
  });
});
