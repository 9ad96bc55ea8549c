import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../main/sheet/text/csv.ts';
import { parseUtf8Csv } from '../../main/sheet/text/csv-bytes.ts';
import { decodeText } from '../../main/sheet/text/encoding.ts';
import type { Delimiter } from '../../main/sheet/types.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';
import { mulberry32 } from '../fixtures/prng.ts';

/*
 * The byte parser must give exactly the records (or the problem) that parseCsv gives for the
 * decoded text. Each input is read through windows of many sizes, so records straddle windows at
 * every place: inside quotes, between CR and LF, right after a delimiter, inside a multi-byte
 * character.
 */

const WINDOWS = [1, 2, 3, 5, 8, 13, 64, 1024, 64 * 1024];

function both(bytes: Uint8Array, delimiter: Delimiter = ',', maxCells = 1_000_000) {
  const options = { delimiter, file: 'chats.csv', sheet: 'chats', maxCells };
  const expected = parseCsv(decodeText(bytes, 'chats.csv', 'utf-8').text, options);
  const buffer = Buffer.from(bytes);
  return { expected, actual: WINDOWS.map((window) => parseUtf8Csv(buffer, options, window)) };
}

function expectSame(text: string | Uint8Array, delimiter: Delimiter = ',', maxCells?: number): void {
  const { expected, actual } = both(typeof text === 'string' ? Buffer.from(text) : text, delimiter, maxCells);
  for (const result of actual) expect(result).toEqual(expected);
}

/** Random text built from the pieces that matter to a csv parser. */
function randomCsv(seed: number, length: number): string {
  const rng = mulberry32(seed);
  const pieces = ['a', 'bc', 'Иван', 'ё', '😀', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'x'.repeat(14), 'Привет, мир', '\uFEFF'];
  let out = '';
  while (out.length < length) out += pieces[rng.int(0, pieces.length - 1)];
  return out;
}

describe('parseUtf8Csv against parseCsv of the decoded text', () => {
  it('agrees on the parser suite’s cases', () => {
    for (const text of [
      'a,b,c\n1,,3\n', '"x, y","say ""hi""","line1\nline2\r\nline3"\n', 'a,b\r\n1,2\n3,4\r5,6\r\n', 'a\nb\n', 'a\nb',
      'a\n\nb\n', '\uFEFFname,phone\n', '\uFEFF\uFEFFname\n', '"a"b,c\n', 'a,"x\ny"\nb,"open\n', 'a,', 'a,b,\n', '', '\n',
      '"",""\n', '"""",x\r', 'é,"Ж""Ж",😀x\r\n',
    ]) expectSame(text);
  });

  it('agrees on random text, balanced or not', () => {
    for (let seed = 1; seed <= 300; seed++) expectSame(randomCsv(seed, 40 + (seed % 7) * 30), seed % 3 === 0 ? ';' : ',');
  });

  it('agrees on generated chat exports in every layout, with and without a byte-order mark', () => {
    for (const layout of ['messages-by-key', 'messages-consecutive', 'chat-per-row'] as const) {
      const chats = generateChats({ chats: 40, seed: 3, layout, language: 'mixed', plant: ['invalid_phone', 'empty_message'] });
      expectSame(writeWorkbook(chats, 'csv'));
      expectSame(writeWorkbook(chats, 'csv', { bom: true, delimiter: ';' }), ';');
    }
  });

  it('stops at the same record when the cell cap is reached, and not for a final delimiter', () => {
    expectSame('1,2,3\n4,5,6\n7,8,9\n', ',', 5);
    expectSame('1,2,3\n4,5,', ',', 5);
  });

  it('reports an unterminated quote on the same line and record', () => {
    expectSame('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expectSame('a,"x\nй"\nb,"open\n');
  });
});
