import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../main/engine/client.ts';
import type { Handlers } from '../../main/handlers/index.ts';
import { dispatch } from '../../main/handlers/register.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';
import { call, handlerTable } from './table.ts';

/*
 * The engine worker is capped at 48 MB here, so a 600k-row csv runs it out of memory: the worker
 * holding the import on screen stops, and the client starts a fresh one on the next request.
 */
const CHATS = 12;
let dir: string;
let engine: EngineClient;
let app: Handlers;

function writeTooBig(path: string): void {
  const lines = Array.from({ length: 600_000 }, (_, i) => `+7999${String(i).padStart(7, '0')};message number ${i} of a long history`);
  writeFileSync(path, `Phone;Text\n${lines.join('\n')}\n`);
}

/** Opens, maps, edits one message and excludes the first chat's rows, as a person would. */
async function reviewedImport(path: string) {
  await call(app, 'openFile', { path });
  const table = await call(app, 'selectSheet', {});
  const mapping = { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: 9 } } };
  expect(await call(app, 'applyMapping', { mapping })).toMatchObject({ chatCount: CHATS });
  const text = table.headers.indexOf(String((mapping.message.message as { column: string }).column));
  await call(app, 'editCell', { row: 3, column: text, value: 'Исправлено вручную' });
  const firstChat = (await call(app, 'pageRows', { offset: 0, limit: 1 })).rows[0]?.chatRows ?? [2];
  const reviewed = await call(app, 'excludeRows', { rows: firstChat, excluded: true });
  return { mapping, text, reviewed };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'restore-'));
  engine = new EngineClient({ maxHeapMb: 48 });
  app = handlerTable({ engine, dir });
  writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(generateChats({ chats: CHATS, seed: 21, layout: 'messages-by-key', language: 'mixed' }), 'xlsx'));
  writeTooBig(join(dir, 'big.csv'));
});
afterEach(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an import on screen when the engine worker holding it stops', () => {
  it('is brought back into the fresh worker with its sheet, mapping, edits and exclusions', async () => {
    const { mapping, text, reviewed } = await reviewedImport(join(dir, 'chats.xlsx'));
    const before = await call(app, 'pageRows', { offset: 0, limit: 50 });

    const refused = await dispatch(app, 'openFile', { path: join(dir, 'big.csv') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'engine.out_of_memory', file: 'big.csv' } });

    const after = await call(app, 'pageRows', { offset: 0, limit: 50 });
    expect(after).toEqual(before);
    expect(after.rows.find((r) => r.row === 3)?.cells[text]).toBe('Исправлено вручную');
    const { chatCount, validChats, findingCount, byCode } = reviewed;
    expect(await call(app, 'applyMapping', { mapping })).toMatchObject({ chatCount, validChats, findingCount, byCode });
    expect(after.rows.filter((r) => r.excluded).map((r) => r.row)).toEqual(before.rows.filter((r) => r.excluded).map((r) => r.row));
    expect(after.rows.some((r) => r.excluded)).toBe(true);
    // "Include its chat again" is still offered for the chat excluded before the worker stopped.
    const excluded = after.rows.filter((r) => r.excluded).map((r) => r.row);
    expect(after.rows.find((r) => r.excluded)?.excludedChat).toEqual(excluded);
  });

  it('is not replayed onto a file that changed on disk meanwhile, since edits are kept by row, and says so', async () => {
    await reviewedImport(join(dir, 'chats.xlsx'));
    expect(await dispatch(app, 'openFile', { path: join(dir, 'big.csv') })).toMatchObject({ ok: false, error: { code: 'engine.out_of_memory' } });
    writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(generateChats({ chats: CHATS + 3, seed: 22, layout: 'messages-by-key', language: 'mixed' }), 'xlsx'));

    const page = await dispatch(app, 'pageRows', { offset: 0, limit: 50 });
    expect(page).toMatchObject({ ok: false, error: { code: 'file.changed_since_open', file: 'chats.xlsx' } });
    expect(page.ok ? '' : page.error.message.ru).toContain('chats.xlsx');
    expect(await call(app, 'openFile', { path: join(dir, 'chats.xlsx') })).toMatchObject({ file: 'chats.xlsx' });
    expect((await call(app, 'selectSheet', {})).rowCount).toBeGreaterThan(0);
  });

  it('says which file is missing when the import cannot be brought back', async () => {
    await reviewedImport(join(dir, 'chats.xlsx'));
    expect(await dispatch(app, 'openFile', { path: join(dir, 'big.csv') })).toMatchObject({ ok: false, error: { code: 'engine.out_of_memory' } });
    unlinkSync(join(dir, 'chats.xlsx'));

    const page = await dispatch(app, 'pageRows', { offset: 0, limit: 50 });
    expect(page).toMatchObject({ ok: false, error: { file: 'chats.xlsx' } });
    expect(page.ok ? '' : page.error.message.en).toContain('chats.xlsx');
  });
});
