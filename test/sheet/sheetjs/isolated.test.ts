import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isolatedSheetjsReader } from '../../../main/sheet/sheetjs/isolated.ts';
import { sheetjsReader } from '../../../main/sheet/workbook-reader.ts';
import type { ReadOutcome, SheetFormat } from '../../../main/sheet/types.ts';
import { mutate } from '../../../scripts/fuzz/mutate.ts';
import { biff5InCodepage1251, problemOf, workbookBytes } from '../fixtures.ts';

/*
 * SheetJS reads in a child process: a file it chokes on costs that process, never the engine.
 * The damaged files are corpus workbooks changed by the fuzzer's seeded mutations (scripts/fuzz).
 */
const corpus = fileURLToPath(new URL('../../../../shared/corpus/sheetjs-test-files/', import.meta.url));
const damaged = (name: string, seed: number): Uint8Array => mutate(new Uint8Array(readFileSync(`${corpus}${name}`)), seed).bytes;
function problemIn(outcome: ReadOutcome): ReturnType<typeof problemOf> {
  if ('fallback' in outcome) throw new Error(`expected a problem, got a fallback: ${outcome.fallback.message.en}`);
  return problemOf(outcome);
}
const quick = { timeoutMs: () => 4_000, heapMb: 1024 };

const CHATS = [
  ['Chat', 'Client', 'Phone', 'Sent', 'Text'],
  ['c-1', 'Анна Петрова', '+7 999 123-45-67', new Date(Date.UTC(2026, 0, 5, 10, 30)), 'Здравствуйте!\nЕсть вопрос'],
  ['c-1', 'Анна Петрова', '+7 999 123-45-67', new Date(Date.UTC(2026, 0, 5, 10, 31)), 'Добрый день'],
];

describe('SheetJS in a process of its own', () => {
  it.each(['xls', 'xlsb', 'ods', 'xlsx'] as const)('gives what SheetJS gives in this process for a sound %s', (format: SheetFormat) => {
    const bytes = workbookBytes([{ name: 'Chats', rows: CHATS }, { name: 'Пусто', rows: [] }], format as 'xlsx');
    const file = `chats.${format}`;
    expect(isolatedSheetjsReader().read(bytes, file, format, {})).toEqual(sheetjsReader.read(bytes, file, format, {}));
  });

  it('keeps the Cyrillic of an old BIFF5 .xls saved in code page 1251, which the child loads tables for', () => {
    const outcome = isolatedSheetjsReader().read(biff5InCodepage1251('Сообщение'), 'excel95.xls', 'xls', {});
    expect('ok' in outcome && outcome.ok && outcome.value.sheets[0]?.rows).toEqual([['Сообщение']]);
  });

  it('reads in this process when no child can run SheetJS (the app\'s files are not where they belong)', () => {
    const bytes = workbookBytes([{ name: 'Chats', rows: CHATS }], 'xls');
    const elsewhere = isolatedSheetjsReader({ ...quick, script: fileURLToPath(new URL('./no-such-child.mjs', import.meta.url)) });
    expect(elsewhere.read(bytes, 'chats.xls', 'xls', {})).toEqual(sheetjsReader.read(bytes, 'chats.xls', 'xls', {}));
  });

  it('passes the cell cap on to the child', () => {
    const bytes = workbookBytes([{ name: 'Chats', rows: CHATS }], 'xls');
    const outcome = isolatedSheetjsReader().read(bytes, 'chats.xls', 'xls', { limits: { maxCells: 5 } });
    expect(problemIn(outcome)).toMatchObject({ code: 'sheet.too_many_cells', file: 'chats.xls', sheet: 'Chats' });
  });

  it('says the file was too big for memory when the child runs out of it', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`chat ${i}`, `Сообщение номер ${i} `.repeat(8)]);
    const bytes = workbookBytes([{ name: 'Chats', rows }], 'xls');
    const outcome = isolatedSheetjsReader({ timeoutMs: () => 60_000, heapMb: 32 }).read(bytes, 'big.xls', 'xls', {});
    expect(problemIn(outcome)).toMatchObject({ code: 'sheet.out_of_memory', file: 'big.xls' });
  });
});

describe.skipIf(!existsSync(corpus))('SheetJS choking on a damaged workbook', () => {
  it('stops a read that never ends and says the file is probably damaged, naming it', () => {
    // column_width.xls with 12 bytes blanked: SheetJS loops here, growing past 8 GB in two minutes.
    const started = performance.now();
    const outcome = isolatedSheetjsReader(quick).read(damaged('column_width.xls', 4848), 'widths.xls', 'xls', {});
    const problem = problemIn(outcome);
    expect(problem).toMatchObject({ code: 'sheet.read_timeout', file: 'widths.xls' });
    expect(problem.message.en).toContain('"widths.xls" was still not read after 4 s');
    expect(problem.message.ru).toContain('«widths.xls» не прочитан за 4 с');
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('survives a file on which SheetJS would abort the whole process', () => {
    // A4X_gnumeric.xls with a run repeated: in the engine's thread this ended the app
    // ("Fatal JavaScript invalid size error"). Here the child dies or is stopped, and that is all.
    const outcome = isolatedSheetjsReader(quick).read(damaged('A4X_gnumeric.xls', 9770), 'a4x.xls', 'xls', {});
    const problem = problemIn(outcome);
    expect(['sheet.read_timeout', 'sheet.out_of_memory', 'sheet.corrupt']).toContain(problem.code);
    expect(problem.file).toBe('a4x.xls');
  });
});
