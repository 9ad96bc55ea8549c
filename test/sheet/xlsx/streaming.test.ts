import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleRequest, type WorkerState } from '../../../main/engine/handle.ts';
import { CellBudget } from '../../../main/sheet/limits.ts';
import { openWorkbook } from '../../../main/sheet/open.ts';
import type { Cell } from '../../../main/sheet/types.ts';
import { Carry } from '../../../main/sheet/xlsx/carry.ts';
import { SheetScanner } from '../../../main/sheet/xlsx/sheet-scanner.ts';
import { generateChats } from '../../fixtures/chats.ts';
import { writeLargeXlsx } from '../../fixtures/xlsx-writer.ts';
import { damageEntry } from '../fixtures.ts';
import { book, oneSheet, readFast, UNPACK_WAYS } from './book.ts';

const folder = mkdtempSync(join(tmpdir(), 'xlsx-stream-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SHEET =
  '<?xml version="1.0"?><worksheet><dimension ref="A1:C3"/><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>' +
  '<row r="3"><c r="A3" s="1"><v>45363.5</v></c><c r="C3" t="str"><f>A1</f><v>Тест &amp; _x0041_</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>';

function scanInPieces(xml: string, piece: number): { rows: Cell[][]; merges: number } {
  const scanner = new SheetScanner({
    file: 'f.xlsx', sheet: 'S', strings: ['shared'], dateStyles: Uint8Array.of(0, 1), date1904: false, budget: new CellBudget(100),
  });
  const carry = new Carry(scanner);
  const bytes = Buffer.from(xml);
  for (let at = 0; at < bytes.length; at += piece) carry.sink(bytes.subarray(at, at + piece));
  expect(carry.leftover).toBe(0);
  return { rows: scanner.store.finish(-1), merges: scanner.tail.merges.length };
}

describe('streaming', () => {
  it('reads the same rows wherever the chunks of the inflated sheet happen to end', () => {
    const whole = scanInPieces(SHEET, SHEET.length);
    expect(whole).toEqual({ rows: [['shared', 'rich'], [], [new Date('2024-03-12T12:00:00Z'), null, 'Тест & A']], merges: 1 });
    for (const piece of [1, 2, 3, 7, 64]) expect(scanInPieces(SHEET, piece)).toEqual(whole);
  });

  it('reports progress by bytes and hands over the first rows before the sheet is finished', () => {
    const chats = generateChats({ chats: 3000, seed: 2, layout: 'messages-by-key', language: 'mixed' });
    const bytes = writeLargeXlsx(chats.headers, chats.rows);
    const seen: number[] = [];
    let preview: { sheet: string; rows: Cell[][]; bytesSeen: number } | undefined;
    const outcome = readFast(bytes, {
      progress: {
        bytes: (done, total) => {
          expect(total).toBe(bytes.length);
          seen.push(done);
        },
        firstRows: (sheet, rows) => {
          preview = { sheet, rows: rows.map((row) => [...row]), bytesSeen: seen.at(-1) ?? 0 };
        },
      },
    });
    if ('fallback' in outcome || !outcome.ok) throw new Error('expected a workbook');
    const rows = outcome.value.sheets[0]!.rows;
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(preview?.sheet).toBe('Chats');
    expect(preview?.rows).toHaveLength(100);
    expect(preview?.rows.slice(0, 2)).toEqual(rows.slice(0, 2));
    expect(preview?.bytesSeen).toBeLessThan((seen.at(-1) ?? 0) / 2);
  });
});

describe.each(UNPACK_WAYS)('caps while streaming, every part unpacked %s', (_way, unpack) => {
  const repetitive = `<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(20_000)}</row>`;

  it('refuses a part that unpacks past the size the archive declares for it', () => {
    const bytes = oneSheet(repetitive);
    // The sheet says it unpacks to 100 bytes; its compressed data is small enough to pass the
    // up-front check, so only counting while inflating catches it.
    declareSize(bytes, 'xl/worksheets/sheet1.xml', 100);
    const result = openWorkbook(bytes, 'liar.xlsx', { unpack });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'sheet.too_large_unzipped', file: 'liar.xlsx' });
      expect(result.error.message.en).toContain('does not unpack to the size it declares');
      expect(result.error.message.ru).toContain('liar.xlsx');
    }
  });

  it('refuses a workbook whose parts together unpack past the cap', () => {
    const outcome = readFast(oneSheet(repetitive), { limits: { maxUnzippedBytes: 50_000 }, unpack });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'sheet.too_large_unzipped', file: 'book.xlsx' } });
  });

  it('refuses a workbook with more filled cells than the cap, naming the sheet', () => {
    const data = Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('');
    expect(readFast(oneSheet(data), { limits: { maxCells: 20 }, unpack })).toMatchObject({ ok: false, error: { code: 'sheet.too_many_cells', sheet: 'Sheet1' } });
  });

  it('refuses damaged compressed data, naming the file and the part (SheetJS would never return on it)', () => {
    const bytes = damageEntry(oneSheet(repetitive), 'xl/worksheets/sheet1.xml');
    const result = openWorkbook(bytes, 'damaged.xlsx', { unpack });
    expect(result).toMatchObject({ ok: false, error: { code: 'sheet.corrupt', file: 'damaged.xlsx' } });
    if (!result.ok) expect(result.error.message.en).toContain('"xl/worksheets/sheet1.xml" cannot be unpacked');
  });
});

describe('openWorkbook with the streaming reader in front', () => {
  it('reads a file the streaming reader declines with SheetJS, and says so in the notes', () => {
    const bytes = book({ sheets: [{ name: 'Data', data: '<row r="1"><c r="A1"><v>5</v></c></row>' }, { chart: true, data: '' }] });
    const result = openWorkbook(bytes, 'charts.xlsx');
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.sheets[0]?.rows).toEqual([[5]]);
    expect(result.value.notes[0]).toMatchObject({ code: 'sheet.reader_fallback', message: { en: expect.stringContaining('charts.xlsx') } });
  });

  it('lets the engine show the first rows and byte progress while it opens an xlsx', () => {
    const chats = generateChats({ chats: 2000, seed: 4, layout: 'messages-by-key', language: 'ru' });
    const path = join(folder, 'chats.xlsx');
    writeFileSync(path, writeLargeXlsx(chats.headers, chats.rows));
    const events: string[] = [];
    const state: WorkerState = {};
    const result = handleRequest(
      state,
      { type: 'open', path },
      (stage, done, total) => events.push(`${stage} ${done < total ? 'part' : 'all'}`),
      (sheet, rows) => events.push(`preview ${sheet} ${rows.length}`),
    );
    expect(result.ok).toBe(true);
    const preview = events.indexOf('preview Chats 100');
    expect(preview).toBeGreaterThan(0);
    expect(events.slice(preview + 1)).toContain('reading part');
    expect(events.at(-1)).toBe('reading all');
  });
});

/** Rewrites an entry's uncompressed size in both its local header and the central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = Buffer.from(name);
  for (let at = 0; at + 46 < zip.length; at++) {
    const signature = view.getUint32(at, true);
    const central = signature === 0x02014b50;
    if (!central && signature !== 0x04034b50) continue;
    const nameAt = at + (central ? 46 : 30);
    if (Buffer.from(zip.subarray(nameAt, nameAt + encoded.length)).equals(encoded)) view.setUint32(at + (central ? 24 : 22), size, true);
  }
}
