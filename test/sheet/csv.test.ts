import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../main/sheet/text/csv.ts';
import type { Delimiter } from '../../main/sheet/types.ts';
import { must, problemOf } from './fixtures.ts';

const parse = (text: string, delimiter: Delimiter = ',') =>
  parseCsv(text, { delimiter, file: 'chats.csv', sheet: 'chats', maxCells: 1_000_000 });
const rows = (text: string, delimiter: Delimiter = ',') => must(parse(text, delimiter));

describe('parseCsv', () => {
  it('splits records and fields, with empty values as null', () => {
    expect(rows('a,b,c\n1,,3\n')).toEqual([['a', 'b', 'c'], ['1', null, '3']]);
  });

  it('handles quotes, doubled quotes, and delimiters and line breaks inside quotes', () => {
    expect(rows('"x, y","say ""hi""","line1\nline2\r\nline3"\n')).toEqual([['x, y', 'say "hi"', 'line1\nline2\r\nline3']]);
  });

  it('accepts CRLF, LF and lone CR line endings mixed in one file', () => {
    expect(rows('a,b\r\n1,2\n3,4\r5,6\r\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('adds no record for the final line break, and reads a last line without one', () => {
    expect(rows('a\nb\n')).toEqual([['a'], ['b']]);
    expect(rows('a\nb')).toEqual([['a'], ['b']]);
  });

  it('keeps blank lines as empty records so record numbers never shift', () => {
    expect(rows('a\n\nb\n')).toEqual([['a'], [], ['b']]);
  });

  it('drops a leading byte-order mark', () => {
    expect(rows('\uFEFFname,phone\n')).toEqual([['name', 'phone']]);
  });

  it('keeps every value as text: phones with + and leading zeros, and dates with 5-digit years', () => {
    expect(rows('+7 999 123-45-67;00123;12/03/20245;1.5\n', ';')).toEqual([['+7 999 123-45-67', '00123', '12/03/20245', '1.5']]);
  });

  it('keeps text after a closing quote, as Excel does', () => {
    expect(rows('"a"b,c\n')).toEqual([['ab', 'c']]);
  });

  it('keeps a 1 MB quoted cell with line breaks intact', () => {
    const big = 'строка, с запятой\n'.repeat(60_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(rows(`id,text\n1,"${big}"\n2,x\n`)).toEqual([['id', 'text'], ['1', big], ['2', 'x']]);
  });

  it('reports an unterminated quote with the line and record where it opened, without hanging', () => {
    const problem = problemOf(parse('a,b\n1,2\n3,"never closed\n4,5\n6,7\n'));
    expect(problem).toMatchObject({ code: 'text.unterminated_quote', file: 'chats.csv', row: 3 });
    expect(problem.message.en).toMatch(/chats\.csv.*line 3 \(record 3\)/);
    expect(problem.message.ru).toContain('строке 3');
  });

  it('counts lines, not records, when earlier cells span lines', () => {
    const problem = problemOf(parse('a,"x\ny"\nb,"open\n'));
    expect(problem.row).toBe(2);
    expect(problem.message.en).toContain('line 3');
  });

  it('treats a stray quote that swallows megabytes as unterminated rather than making one giant cell', () => {
    const text = `a,"stray\n${'1,2\n'.repeat(5_000_000)}"end\n`;
    expect(problemOf(parse(text)).code).toBe('text.unterminated_quote');
  });

  it('parses 100,000 records, the last one intact', () => {
    const text = 'chat,time,author,text\n' + Array.from({ length: 100_000 }, (_, i) => `${i >> 3},2024-01-01 10:00:${i % 60},Ivan,"Hello, ${i}"`).join('\r\n');
    const parsed = rows(text);
    expect(parsed).toHaveLength(100_001);
    expect(parsed[100_000]).toEqual(['12499', '2024-01-01 10:00:39', 'Ivan', 'Hello, 99999']);
  });
});
