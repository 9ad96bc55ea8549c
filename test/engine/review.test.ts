import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleRequest, type WorkerState } from '../../main/engine/handle.ts';
import type { EngineReplies, EngineRequest } from '../../main/engine/protocol.ts';
import { generateChats, STAFF, writeWorkbook, type GeneratedChats } from '../fixtures/chats.ts';

let dir: string;
let generated: GeneratedChats;
let suggested: EngineReplies['table']['suggestion']['mapping'];
const state: WorkerState = {};

function run<T extends EngineRequest['type']>(request: Extract<EngineRequest, { type: T }>): EngineReplies[T] {
  const result = handleRequest(state, request, () => undefined);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value as EngineReplies[T];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-'));
  generated = generateChats({ chats: 40, seed: 11, layout: 'messages-by-key', language: 'en', headers: 'en', plant: ['invalid_phone'] });
  const file = join(dir, 'chats.xlsx');
  writeFileSync(file, writeWorkbook(generated, 'xlsx'));
  run({ type: 'open', path: file });
  suggested = run({ type: 'table' }).suggestion.mapping;
  run({ type: 'validate', mapping: suggested, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reviewing rows: pages with findings, edits and exclusions', () => {
  it('pages rows as displayed, each with the findings about it', () => {
    const page = run({ type: 'rows', offset: 0, limit: 10, onlyProblems: false });
    expect(page.total).toBe(generated.rows.length);
    expect(page.rows[0]).toMatchObject({ row: 2, excluded: false, edited: [] });
    expect(page.rows[0]!.cells).toHaveLength(generated.headers.length);
  });

  it('"only rows with problems" lists the planted error\'s row, explained', () => {
    const [planted] = generated.planted;
    const page = run({ type: 'rows', offset: 0, limit: 100, onlyProblems: true });
    const row = page.rows.find((r) => r.row === planted!.row);
    expect(row?.findings.map((f) => f.code)).toContain('phone.invalid');
    expect(run({ type: 'rows', offset: 0, limit: 100, onlyProblems: false, code: 'phone.invalid' }).rows.map((r) => r.row)).toContain(planted!.row);
  });

  it('an edit fixes the cell and re-validates; the file on disk is untouched', () => {
    const [planted] = generated.planted;
    const column = generated.headers.indexOf(planted!.column);
    const before = run({ type: 'rows', offset: 0, limit: 100, onlyProblems: false, code: 'phone.invalid' });
    const bad = before.rows.find((r) => r.row === planted!.row)!.cells[column];
    // The chat's phone may be repeated on each of its rows: fix every copy, as a person would.
    const copies = before.rows.filter((r) => r.cells[column] === bad).map((r) => r.row);
    // All copies in one request, validated once, as a project's edits are applied.
    const summary = run({ type: 'edit', edits: copies.map((row) => ({ row, column, value: '+7 999 123-45-67' })) });
    expect(summary.byCode['phone.invalid']).toBeUndefined();
    const row = run({ type: 'rows', offset: planted!.row - 2, limit: 1, onlyProblems: false }).rows[0];
    expect(row).toMatchObject({ row: planted!.row, edited: [column] });
    expect(row!.cells[column]).toBe('+7 999 123-45-67');
  });

  it('excluding a chat\'s rows removes it from the upload; including them brings it back', () => {
    const before = run({ type: 'rows', offset: 0, limit: 1, onlyProblems: false });
    const summaryBefore = run({ type: 'edit', edits: [{ row: before.rows[0]!.row, column: 0, value: before.rows[0]!.cells[0]! }] });
    const chatKey = before.rows[0]!.cells[0];
    const rows = run({ type: 'rows', offset: 0, limit: 1000, onlyProblems: false }).rows.filter((r) => r.cells[0] === chatKey).map((r) => r.row);
    // Each row knows its chat's rows, which is what "Exclude its chat" sends.
    expect(rows.length).toBeGreaterThan(1);
    expect(before.rows[0]!.chatRows).toEqual(rows);
    const excluded = run({ type: 'exclude', rows, excluded: true });
    expect(excluded.chatCount).toBe(summaryBefore.chatCount - 1);
    const shown = run({ type: 'rows', offset: rows[0]! - 2, limit: 1, onlyProblems: false }).rows[0];
    expect(shown).toMatchObject({ excluded: true });
    expect(shown!.cells[0]).toBe(chatKey);
    expect(run({ type: 'exclude', rows, excluded: false }).chatCount).toBe(summaryBefore.chatCount);
  });

  it('an excluded row knows the excluded rows of its chat, whenever and however they were excluded', () => {
    const page = run({ type: 'rows', offset: 0, limit: 1000, onlyProblems: false });
    const chats = [...new Set(page.rows.map((r) => r.cells[0]))].map((key) => page.rows.filter((r) => r.cells[0] === key).map((r) => r.row));
    const [whole, partly] = chats.filter((rows) => rows.length >= 3) as [number[], number[]];
    // One request for both, as a project or a restored import replays its exclusions.
    run({ type: 'exclude', rows: [...whole, ...partly.slice(0, 2)], excluded: true });
    const at = (row: number) => run({ type: 'rows', offset: row - 2, limit: 1, onlyProblems: false }).rows[0]!;
    expect(at(whole[1]!).excludedChat).toEqual(whole);
    expect(at(partly[0]!).excludedChat).toEqual(partly.slice(0, 2));
    run({ type: 'exclude', rows: [partly[1]!], excluded: false });
    expect(at(partly[0]!).excludedChat).toBeUndefined();
    expect(at(partly[2]!).excludedChat).toBeUndefined();
    // A mapping change validates afresh; the chat is still known.
    run({ type: 'validate', mapping: { ...suggested, chat: { ...suggested.chat, status: { kind: 'constant', value: 'succeed' } } }, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
    expect(at(whole[0]!).excludedChat).toEqual(whole);
    // An edit to an excluded row's chat key moves it to another chat.
    run({ type: 'edit', edits: [{ row: whole[0]!, column: 0, value: 'a chat of its own' }] });
    expect(at(whole[0]!).excludedChat).toBeUndefined();
    expect(at(whole[1]!).excludedChat).toEqual(whole.slice(1));
    run({ type: 'exclude', rows: [...whole, partly[0]!], excluded: false });
    run({ type: 'validate', mapping: suggested, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
  });

  it('choosing the sheet again starts a new review: no row shows as excluded or edited from before', () => {
    run({ type: 'exclude', rows: [2, 3], excluded: true });
    run({ type: 'edit', edits: [{ row: 4, column: 0, value: 'edited before' }] });
    run({ type: 'table' });
    const summary = run({ type: 'validate', mapping: suggested, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
    const page = run({ type: 'rows', offset: 0, limit: 5, onlyProblems: false });
    expect(page.rows.map((r) => [r.row, r.excluded, r.edited])).toEqual([2, 3, 4, 5, 6].map((row) => [row, false, []]));
    expect(page.rows[2]!.cells[0]).not.toBe('edited before');
    expect(summary.rowCount).toBe(generated.rows.length);
  });

  it('a row that is not a data row is a clear error', () => {
    const result = handleRequest(state, { type: 'edit', edits: [{ row: 1, column: 0, value: 'x' }] }, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'row.not_found', row: 1 } });
  });

  it('exports the rows with problems with a reason column', () => {
    const file = generateChats({ chats: 10, seed: 5, layout: 'messages-by-key', language: 'en', headers: 'en', plant: ['future_date'] });
    const path = join(dir, 'future.csv');
    writeFileSync(path, writeWorkbook(file, 'csv'));
    run({ type: 'open', path });
    const table = run({ type: 'table' });
    run({ type: 'validate', mapping: table.suggestion.mapping, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
    const out = join(dir, 'problems.csv');
    const written = run({ type: 'exportProblems', path: out, format: 'csv', lang: 'en' });
    expect(written.rows).toBeGreaterThan(0);
    const lines = readFileSync(out, 'utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Row,Problems,')).toBe(true);
  });
});
