import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleRequest, type WorkerState } from '../../main/engine/handle.ts';
import type { EngineReplies, EngineRequest } from '../../main/engine/protocol.ts';
import type { MappingInput } from '../../main/mapping/model.ts';
import { generateChats, STAFF, writeWorkbook, type GeneratedChats } from '../fixtures/chats.ts';

let dir: string;

/**
 * Thirty chats, three of them with a broken e-mail as their only contact: two with a slip the
 * engine can suggest a fix for, one it cannot; plus a broken phone and a chat with no contact.
 */
const FIXABLE = ['anna@@yandex.ru', 'petr@gmail.con'];
const HOPELESS = 'not an address';

interface Review {
  file: GeneratedChats;
  /** Data rows of each spoilt chat, as spreadsheet row numbers. */
  spoilt: number[][];
  email: number;
  run<T extends EngineRequest['type']>(request: Extract<EngineRequest, { type: T }>): EngineReplies[T];
  attempt(request: EngineRequest): ReturnType<typeof handleRequest>;
}

function review(name: string, mapping?: (suggested: MappingInput) => MappingInput): Review {
  const file = generateChats({
    chats: 30,
    seed: 11,
    layout: 'messages-by-key',
    language: 'en',
    headers: 'en',
    plant: ['invalid_email', 'invalid_email', 'invalid_email', 'invalid_phone', 'missing_contact'],
  });
  const email = file.headers.indexOf('Email');
  const key = file.headers.indexOf('Chat ID');
  const emails = [...FIXABLE, HOPELESS];
  const spoilt = file.planted
    .filter((p) => p.kind === 'invalid_email')
    .map((p, k) => {
      const chat = file.rows[p.row - 2]![key];
      const rows = file.rows.flatMap((cells, i) => (cells[key] === chat ? [i + 2] : []));
      for (const row of rows) file.rows[row - 2]![email] = emails[k]!;
      return rows;
    });
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, writeWorkbook(file, 'xlsx'));
  const state: WorkerState = {};
  const attempt = (request: EngineRequest) => handleRequest(state, request, () => undefined);
  const run = <T extends EngineRequest['type']>(request: Extract<EngineRequest, { type: T }>): EngineReplies[T] => {
    const result = attempt(request);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    return result.value as EngineReplies[T];
  };
  run({ type: 'open', path });
  const table = run({ type: 'table' });
  const suggested = table.suggestion.mapping;
  run({ type: 'validate', mapping: mapping ? mapping(suggested) : suggested, employees: [...STAFF], now: Date.UTC(2030, 0, 1) });
  return { file, spoilt, email, run, attempt };
}

const rowsOf = (r: Review, code?: string) => r.run({ type: 'rows', offset: 0, limit: 500, onlyProblems: false, ...(code ? { code } : {}) }).rows;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-fix-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixing every finding of one rule at once', () => {
  it('tells per rule how many findings a bulk fix reaches, with an example of a suggested fix', () => {
    const r = review('options');
    const options = r.run({ type: 'bulkFixOptions' });
    expect(options['email.invalid']).toEqual({
      message: { en: expect.stringContaining('anna@@yandex.ru'), ru: expect.stringContaining('anna@@yandex.ru') },
      column: 'Email',
      findings: 3,
      noColumn: 0,
      noFix: 1,
      columns: ['Email'],
      example: { row: r.spoilt[0]![0], column: 'Email', before: 'anna@@yandex.ru', after: 'anna@yandex.ru' },
    });
    expect(options['phone.invalid']).toMatchObject({ findings: 1, noColumn: 0, columns: ['Phone'] });
    expect(options['contact.missing']).toEqual({ message: { en: expect.any(String), ru: expect.any(String) }, findings: 1, noColumn: 1, noFix: 0, columns: [] });
  });

  it('applies each suggested fix to every cell of its findings, and leaves the ones without a fix alone', () => {
    const r = review('suggested');
    const [anna, petr, hopeless] = r.spoilt as [number[], number[], number[]];
    const before = r.run({ type: 'rows', offset: 0, limit: 500, onlyProblems: false });
    const fixed = r.run({ type: 'bulkFix', code: 'email.invalid', action: { kind: 'suggested' } });
    expect(fixed.edits).toHaveLength(anna.length + petr.length);
    expect(fixed).toMatchObject({ noFix: 1, noColumn: 0 });
    expect(fixed.validation.byCode['email.invalid']?.count).toBe(1);
    expect(fixed.validation.byCode['phone.invalid']?.count).toBe(1);
    const after = rowsOf(r);
    for (const row of anna) expect(after[row - 2]!.cells[r.email]).toBe('anna@yandex.ru');
    for (const row of petr) expect(after[row - 2]!.cells[r.email]).toBe('petr@gmail.com');
    for (const row of hopeless) expect(after[row - 2]!.cells[r.email]).toBe(HOPELESS);
    // Only the fixed rule's cells changed: every other cell reads as it did.
    const touched = new Set([...anna, ...petr]);
    for (const [i, row] of after.entries()) {
      expect(row.edited).toEqual(touched.has(row.row) ? [r.email] : []);
      const unchanged = row.cells.filter((_, c) => !touched.has(row.row) || c !== r.email);
      expect(unchanged).toEqual(before.rows[i]!.cells.filter((_, c) => !touched.has(row.row) || c !== r.email));
    }
  });

  it('sets one value in every cell of the rule; a value that is still wrong keeps its findings', () => {
    const r = review('value');
    const cells = r.spoilt.flat().length;
    const wrong = r.run({ type: 'bulkFix', code: 'email.invalid', action: { kind: 'value', value: 'still@wrong' } });
    expect(wrong).toMatchObject({ noFix: 0, noColumn: 0 });
    expect(wrong.edits).toHaveLength(cells);
    expect(wrong.validation.byCode['email.invalid']?.count).toBe(3);
    const right = r.run({ type: 'bulkFix', code: 'email.invalid', action: { kind: 'value', value: 'help@example.com' } });
    expect(right.edits).toHaveLength(cells);
    expect(right.validation.byCode['email.invalid']).toBeUndefined();
    expect(right.validation.validChats).toBe(wrong.validation.validChats + 3);
  });

  it('does not count a cell that already holds the value as changed', () => {
    const r = review('same');
    const again = r.run({ type: 'bulkFix', code: 'email.invalid', action: { kind: 'value', value: HOPELESS } });
    expect(again.edits).toHaveLength(r.spoilt[0]!.length + r.spoilt[1]!.length);
  });

  it('keeps bulk edits like any other edit: through a later edit and an exclusion undone', () => {
    const r = review('kept');
    r.run({ type: 'bulkFix', code: 'email.invalid', action: { kind: 'suggested' } });
    const [anna] = r.spoilt as [number[]];
    const phone = r.file.headers.indexOf('Phone');
    const phoneRows = rowsOf(r, 'phone.invalid').map((row) => row.row);
    const edited = r.run({ type: 'edit', edits: phoneRows.map((row) => ({ row, column: phone, value: '+7 916 123-45-67' })) });
    expect(edited.byCode['email.invalid']?.count).toBe(1);
    expect(edited.byCode['phone.invalid']).toBeUndefined();
    r.run({ type: 'exclude', rows: anna, excluded: true });
    r.run({ type: 'exclude', rows: anna, excluded: false });
    const row = rowsOf(r)[anna[0]! - 2]!;
    expect(row).toMatchObject({ edited: [r.email], excluded: false });
    expect(row.cells[r.email]).toBe('anna@yandex.ru');
  });

  it('says in words when a rule cannot be fixed by changing cells', () => {
    const r = review('refused');
    expect(r.attempt({ type: 'bulkFix', code: 'contact.missing', action: { kind: 'value', value: 'x@example.com' } })).toMatchObject({
      ok: false,
      error: { code: 'bulk_fix.no_column', message: { en: expect.stringContaining('not about a column'), ru: expect.stringContaining('не относятся к столбцу') } },
    });
    expect(r.attempt({ type: 'bulkFix', code: 'phone.invalid', action: { kind: 'suggested' } })).toMatchObject({
      ok: false,
      error: { code: 'bulk_fix.no_suggestion', message: { en: expect.stringContaining('set a value instead') } },
    });
    expect(r.attempt({ type: 'bulkFix', code: 'no.such_rule', action: { kind: 'suggested' } })).toMatchObject({ ok: false, error: { code: 'bulk_fix.no_findings' } });
  });

  it('refuses a field that has one value for every chat: there is no cell to change', () => {
    const r = review('constant', (m) => ({ ...m, chat: { ...m.chat, status: { kind: 'constant', value: 'maybe' } } }));
    const options = r.run({ type: 'bulkFixOptions' });
    expect(options['status.invalid']).toMatchObject({ noColumn: options['status.invalid']?.findings, columns: [] });
    expect(r.attempt({ type: 'bulkFix', code: 'status.invalid', action: { kind: 'value', value: 'succeed' } })).toMatchObject({ ok: false, error: { code: 'bulk_fix.no_column' } });
  });
});
