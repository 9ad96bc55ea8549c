import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../main/engine/client.ts';
import { dispatch } from '../../main/handlers/register.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';
import { call, handlerTable } from './table.ts';

let dir: string;
let engine: EngineClient;
/** Spreadsheet rows of the two chats whose only contact is a mistyped e-mail. */
let spoilt: number[];
let email: number;


beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-fix-handlers-'));
  engine = new EngineClient({ maxHeapMb: 1024 });
  const file = generateChats({ chats: 20, seed: 21, layout: 'messages-by-key', language: 'en', headers: 'en', plant: ['invalid_email', 'invalid_email'] });
  email = file.headers.indexOf('Email');
  const key = file.headers.indexOf('Chat ID');
  const chats = new Set(file.planted.map((p) => file.rows[p.row - 2]![key]));
  spoilt = file.rows.flatMap((cells, i) => (chats.has(cells[key]!) ? [i + 2] : []));
  for (const row of spoilt) file.rows[row - 2]![email] = 'anna@@yandex.ru';
  writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(file, 'xlsx'));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk fix, as the page calls it', () => {
  it('fixes every cell of a rule in one call, and a project saved after it opens with the same rows', async () => {
    const app = handlerTable({ engine, dir });
    await call(app, 'openFile', { path: join(dir, 'chats.xlsx') });
    const table = await call(app, 'selectSheet', {});
    const before = await call(app, 'applyMapping', { mapping: table.suggestion.mapping });
    expect(before.byCode['email.invalid']?.count).toBe(2);
    expect((await call(app, 'bulkFixOptions', {}))['email.invalid']).toMatchObject({ findings: 2, noFix: 0, noColumn: 0, example: { after: 'anna@yandex.ru' } });

    const fixed = await call(app, 'bulkFix', { code: 'email.invalid', action: { kind: 'suggested' } });
    expect(fixed).toMatchObject({ changed: spoilt.length, noFix: 0, noColumn: 0 });
    expect(fixed.validation.byCode['email.invalid']).toBeUndefined();
    expect(fixed.validation.errors).toBe(before.errors - 2);

    const saved = (await call(app, 'saveProject', {}))!.path;
    const project = JSON.parse(readFileSync(saved, 'utf8')) as { edits: { row: number; column: number; value: string }[] };
    expect(project.edits).toEqual(spoilt.map((row) => ({ row, column: email, value: 'anna@yandex.ru' })));

    const again = handlerTable({ engine, dir });
    const opened = await call(again, 'openProject', { path: saved });
    if (opened?.status !== 'opened') throw new Error('the project did not open');
    expect(opened.validation.byCode).toEqual(fixed.validation.byCode);
    const rows = await call(again, 'pageRows', { offset: spoilt[0]! - 2, limit: 1 });
    expect(rows.rows[0]).toMatchObject({ row: spoilt[0], edited: [email] });
    expect(rows.rows[0]!.cells[email]).toBe('anna@yandex.ru');
  });

  it('refuses an action it does not know before the engine sees it', async () => {
    const reply = await dispatch(handlerTable({ engine, dir }), 'bulkFix', { code: 'email.invalid', action: { kind: 'guess' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request' } });
  });
});
