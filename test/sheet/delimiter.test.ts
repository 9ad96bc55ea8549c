import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '../../main/sheet/text/delimiter.ts';
import type { Delimiter } from '../../main/sheet/types.ts';

const table = (d: string): string =>
  [['chat', 'author', 'text'], ['c1', 'Ivan', 'hello'], ['c1', 'Olga', '"hi, how are you"'], ['c2', 'Petr', 'bye']]
    .map((row) => row.join(d))
    .join('\n');

describe('guessDelimiter', () => {
  it.each<[string, Delimiter]>([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('recognises %s-separated text', (_name, delimiter) => {
    expect(guessDelimiter(table(delimiter), ',')).toEqual({ delimiter, confidence: 1 });
  });

  it('prefers the delimiter with consistent field counts over one that appears in the text', () => {
    const text = 'name;comment\nIvan;hello, world\nPetr;one, two, three\nOlga;ok\n';
    expect(guessDelimiter(text, ',').delimiter).toBe(';');
  });

  it('ignores delimiters and line breaks inside quotes', () => {
    const text = 'a;b\n"x;y;z\nmore;text";2\n"q";3\n';
    expect(guessDelimiter(text, ',')).toEqual({ delimiter: ';', confidence: 1 });
  });

  it('looks past a title line', () => {
    const text = 'Chat export 2024\n' + table(';');
    expect(guessDelimiter(text, ',').delimiter).toBe(';');
  });

  it('falls back when nothing splits the lines (a one-column file)', () => {
    expect(guessDelimiter('message\nhello\nbye\n', '\t')).toEqual({ delimiter: '\t', confidence: 0 });
  });
});
