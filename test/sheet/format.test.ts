import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../main/sheet/format.ts';
import { encryptedOoxml, makeZip, must, oneSheet, problemOf, randomBytes, utf8 } from './fixtures.ts';

describe('detectFormat', () => {
  it('tells xlsx, xlsm, xlsb, xls and ods apart by their contents', () => {
    const rows = [['a']];
    expect(must(detectFormat(oneSheet(rows, 'xlsx'), 'chats.xlsx'))).toBe('xlsx');
    expect(must(detectFormat(oneSheet(rows, 'xlsb'), 'chats.xlsb'))).toBe('xlsb');
    expect(must(detectFormat(oneSheet(rows, 'xls'), 'chats.xls'))).toBe('xls');
    expect(must(detectFormat(oneSheet(rows, 'ods'), 'chats.ods'))).toBe('ods');
    expect(must(detectFormat(oneSheet(rows, 'xlsm'), 'chats.xlsm'))).toBe('xlsm');
  });

  it('believes the bytes over the name: an xls saved as .xlsx is read as xls', () => {
    expect(must(detectFormat(oneSheet([['a']], 'xls'), 'export.xlsx'))).toBe('xls');
    expect(must(detectFormat(oneSheet([['a']], 'ods'), 'export.xlsx'))).toBe('ods');
  });

  it('takes text formats from the extension', () => {
    expect(must(detectFormat(utf8('a,b\n1,2\n'), 'chats.csv'))).toBe('csv');
    expect(must(detectFormat(utf8('a\tb\n'), 'chats.TSV'))).toBe('tsv');
    expect(must(detectFormat(utf8('a|b\n'), 'chats.txt'))).toBe('txt');
  });

  it('reads an unknown extension as text when the bytes are text', () => {
    expect(must(detectFormat(utf8('a;b\n'), 'export.dat'))).toBe('txt');
    expect(problemOf(detectFormat(randomBytes(64).fill(0, 10, 20), 'export.dat')).code).toBe('sheet.unsupported');
  });

  it('accepts an HTML table exported under the .xls name', () => {
    expect(must(detectFormat(utf8('<html><table><tr><td>a</td></tr></table></html>'), 'report.xls'))).toBe('xls');
  });

  it('calls a .xlsx of random bytes corrupt, naming the file', () => {
    const problem = problemOf(detectFormat(randomBytes(2048), 'chats.xlsx'));
    expect(problem.code).toBe('sheet.corrupt');
    expect(problem.file).toBe('chats.xlsx');
    expect(problem.message.en).toContain('chats.xlsx');
    expect(problem.message.ru).toContain('chats.xlsx');
  });

  it('calls a zip cut short truncated', () => {
    const whole = oneSheet([['a', 'b'], [1, 2]]);
    expect(problemOf(detectFormat(whole.slice(0, whole.length - 40), 'chats.xlsx')).code).toBe('sheet.truncated');
  });

  it('says an OLE container holding an EncryptedPackage is password-protected', () => {
    const problem = problemOf(detectFormat(encryptedOoxml(), 'secret.xlsx'));
    expect(problem).toMatchObject({ code: 'sheet.encrypted', file: 'secret.xlsx' });
    expect(problem.message.ru).toContain('паролем');
  });

  it('refuses a zip that is not a spreadsheet', () => {
    const docx = makeZip([{ name: 'word/document.xml', data: utf8('<w:document/>') }]);
    expect(problemOf(detectFormat(docx, 'letter.xlsx')).code).toBe('sheet.unsupported');
  });

  it('finds the workbook part wherever the package keeps it', () => {
    const moved = makeZip([
      { name: '[Content_Types].xml', data: utf8('<Types/>') },
      { name: 'data/workbook.xml', data: utf8('<workbook/>') },
    ]);
    expect(must(detectFormat(moved, 'moved.xlsx'))).toBe('xlsx');
  });

  it('calls an empty file empty', () => {
    expect(problemOf(detectFormat(new Uint8Array(0), 'nothing.csv')).code).toBe('sheet.empty_file');
  });
});
