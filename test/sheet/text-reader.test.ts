import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../main/sheet/open.ts';
import { cp1251, must, problemOf, utf16le, utf8, withBom } from './fixtures.ts';

describe('reading text files', () => {
  it('builds one sheet named after the file, with the settings it chose', () => {
    const book = must(openWorkbook(utf8('chat;text\nc1;hello\n'), 'C:\\Users\\me\\export 2024.csv'));
    expect(book.format).toBe('csv');
    expect(book.sheets).toEqual([{ name: 'export 2024', hidden: false, rows: [['chat', 'text'], ['c1', 'hello']], merges: [] }]);
    expect(book.text).toEqual({ encoding: 'utf-8', encodingGuessed: true, bom: false, delimiter: ';', delimiterGuessed: true });
  });

  it('reads a Windows-1251 csv written by Russian Excel', () => {
    const book = must(openWorkbook(cp1251('Имя;Текст\nИван;Здравствуйте, всё получил\n'), 'excel.csv'));
    expect(book.sheets[0]?.rows).toEqual([['Имя', 'Текст'], ['Иван', 'Здравствуйте, всё получил']]);
    expect(book.text).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
  });

  it('reads a UTF-16 tab-separated export (Excel "Unicode text")', () => {
    const book = must(openWorkbook(withBom(utf16le('Имя\tТекст\r\nИван\tпривет\r\n'), [0xff, 0xfe]), 'unicode.txt'));
    expect(book.sheets[0]?.rows).toEqual([['Имя', 'Текст'], ['Иван', 'привет']]);
    expect(book.text).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
  });

  it('uses tab for a .tsv without guessing, and the caller’s choices over any guess', () => {
    expect(must(openWorkbook(utf8('a,b\tc\n'), 'x.tsv')).sheets[0]?.rows).toEqual([['a,b', 'c']]);
    const chosen = must(openWorkbook(utf8('a;b,c\n'), 'x.csv', { delimiter: ',', encoding: 'utf-8' }));
    expect(chosen.sheets[0]?.rows).toEqual([['a;b', 'c']]);
    expect(chosen.text).toMatchObject({ delimiterGuessed: false, encodingGuessed: false });
  });

  it('passes the invalid UTF-8 note on with the workbook', () => {
    const book = must(openWorkbook(new Uint8Array([...utf8('a,b\n1,'), 0xc3, 0x28, ...utf8('\n')]), 'bad.csv'));
    expect(book.notes.map((note) => note.code)).toEqual(['text.invalid_utf8']);
    expect(book.sheets[0]?.rows[1]).toEqual(['1', '\uFFFD(']);
  });

  it('fails clearly on an unterminated quote, naming the file', () => {
    expect(problemOf(openWorkbook(utf8('a,b\n"oops,1\n'), 'quote.csv'))).toMatchObject({ code: 'text.unterminated_quote', file: 'quote.csv' });
  });
});
