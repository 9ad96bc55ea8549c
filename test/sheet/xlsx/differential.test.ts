import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SheetFormat, UnpackThresholds } from '../../../main/sheet/types.ts';
import { generateChats } from '../../fixtures/chats.ts';
import { writeWorkbook } from '../../fixtures/write.ts';
import { writeLargeXlsx } from '../../fixtures/xlsx-writer.ts';
import { readFast, readSheetJs, UNPACK_WAYS } from './book.ts';
import { verdict, type Verdict } from './compare.ts';

/*
 * The streaming reader against SheetJS, file by file: for every sheet the same cells (numbers
 * exactly, dates as instants), rows, merges and notes, or an explicit fallback to SheetJS.
 */

const corpus = fileURLToPath(new URL('../../../../shared/corpus/sheetjs-test-files/', import.meta.url));
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const WORKBOOK = /\.xls[xm]$/i;

function workbooksIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => WORKBOOK.test(name) && statSync(`${folder}${name}`).isFile())
    .sort();
}

const formatOf = (name: string): SheetFormat => (name.toLowerCase().endsWith('.xlsm') ? 'xlsm' : 'xlsx');
const judge = (bytes: Uint8Array, format: SheetFormat, unpack: Partial<UnpackThresholds> = {}): Verdict =>
  verdict(readFast(bytes, { unpack }, format), readSheetJs(bytes, format));

/** Files the reader hands to SheetJS on purpose, and why. */
const EXPECTED_FALLBACKS = new Map([['BlankSheetTypes.xlsm', 'chart, macro or dialog sheet']]);

const corpusFiles = workbooksIn(corpus);

describe.skipIf(corpusFiles.length === 0)('the streaming reader on the SheetJS test corpus', () => {
  it('has xlsx and xlsm files to compare', () => {
    expect(corpusFiles.length).toBeGreaterThan(40);
  });

  it.each(corpusFiles)('%s: the same values as SheetJS, or the expected fallback', (name) => {
    const bytes = new Uint8Array(readFileSync(`${corpus}${name}`));
    const result = judge(bytes, formatOf(name));
    // Odd files through the helper thread too: it must unpack (or decline) exactly as the rest.
    expect(judge(bytes, formatOf(name), { threadFrom: 1 })).toEqual(result);
    const expected = EXPECTED_FALLBACKS.get(name.split('/').at(-1) ?? name);
    if (expected === undefined) expect(result).toEqual({ kind: 'same' });
    else expect(result).toMatchObject({ kind: 'fallback', code: 'sheet.reader_fallback', reason: expect.stringContaining(expected) });
  });
});

if (corpusFiles.length === 0) {
  describe('the streaming reader on the SheetJS test corpus', () => {
    it.skip(`is absent (looked in ${corpus}); the differential test did not run on it`, () => {});
  });
}

describe('the streaming reader on our own files', () => {
  it.each(workbooksIn(examples))('examples/%s: the same values as SheetJS', (name) => {
    expect(judge(new Uint8Array(readFileSync(`${examples}${name}`)), formatOf(name))).toEqual({ kind: 'same' });
  });

  const chats = generateChats({ chats: 4000, seed: 11, layout: 'messages-by-key', language: 'mixed', dates: 'date' });

  const export4000 = writeLargeXlsx(chats.headers, chats.rows);

  it('a generated chat export as Excel writes it (shared strings, date styles), large enough to stream in many pieces', () => {
    expect(judge(export4000, 'xlsx')).toEqual({ kind: 'same' });
  });

  it.each(UNPACK_WAYS)('the same export with every part unpacked %s', (_way, unpack) => {
    expect(judge(export4000, 'xlsx', unpack)).toEqual({ kind: 'same' });
  });

  it("the same export as SheetJS's writer makes it (its own styles and number formats)", () => {
    expect(judge(writeWorkbook({ headers: chats.headers, rows: chats.rows.slice(0, 3000) }, 'xlsx'), 'xlsx')).toEqual({ kind: 'same' });
  });

  it.each(['en', 'ru'] as const)('a generated %s export with text dates and planted errors', (language) => {
    const planted = generateChats({ chats: 600, seed: 5, layout: 'chat-per-row', language, plant: ['invalid_phone', 'empty_message', 'future_date'] });
    expect(judge(writeLargeXlsx(planted.headers, planted.rows), 'xlsx')).toEqual({ kind: 'same' });
  });
});
