import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli.ts';
import type { AppEvent } from '../../main/contract/events.ts';
import { EngineClient } from '../../main/engine/client.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, writeWorkbook, type GeneratedChats } from '../fixtures/chats.ts';
import { call, handlerTable, until } from './table.ts';

let dir: string;
let sandbox: Sandbox;
let engine: EngineClient;
let generated: GeneratedChats;


const counts = (v: { chatCount: number; validChats: number; errors: number; warnings: number; byCode: object }) => ({
  chats: v.chatCount, valid: v.validChats, errors: v.errors, warnings: v.warnings, byCode: v.byCode,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'projects-'));
  sandbox = await startSandbox();
  engine = new EngineClient({ maxHeapMb: 1024 });
  generated = generateChats({ chats: 20, seed: 21, layout: 'messages-by-key', language: 'en', headers: 'en', plant: ['invalid_phone'] });
  writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(generated, 'xlsx'));
});
afterAll(async () => {
  await engine.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A window with the spreadsheet open, its sheet chosen, and the sandbox account's employees loaded. */
async function openedWithAccount() {
  const app = handlerTable({ engine, dir });
  await call(app, 'openFile', { path: join(dir, 'chats.xlsx') });
  const table = await call(app, 'selectSheet', {});
  const account = await call(app, 'addAccount', { name: 'Sandbox', brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: sandbox.demoKey });
  await call(app, 'loadPicker', { accountId: account.id, kind: 'employees' });
  return { app, table, account };
}

describe('projects made in the app', () => {
  let saved: string;
  let review: ReturnType<typeof counts>;

  it('keep the file, sheet, mapping, edits and exclusions, and never a secret', async () => {
    const { app, table } = await openedWithAccount();
    await call(app, 'applyMapping', { mapping: { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: 9 } } } });
    const [planted] = generated.planted;
    const column = generated.headers.indexOf(planted!.column);
    const bad = await call(app, 'pageRows', { offset: 0, limit: 500, code: 'phone.invalid' });
    const wrong = bad.rows.find((r) => r.row === planted!.row)!.cells[column];
    for (const row of bad.rows.filter((r) => r.cells[column] === wrong)) await call(app, 'editCell', { row: row.row, column, value: '+7 999 765-43-21' });
    const excluded = await call(app, 'excludeRows', { rows: [2], excluded: true });
    review = counts(excluded);
    expect(review.errors).toBe(0);
    saved = (await call(app, 'saveProject', {}))!.path;
    const text = readFileSync(saved, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 2, sheet: table.sheet, account: 'Sandbox', excluded: [2] });
    expect(text).not.toContain(sandbox.demoKey);
  });

  it('open again in a new window with the same validation', async () => {
    const opened = await call(handlerTable({ engine, dir }), 'openProject', { path: saved });
    expect(opened).toMatchObject({ status: 'opened', account: 'Sandbox' });
    if (opened?.status !== 'opened') throw new Error('not opened');
    expect(counts(opened.validation)).toEqual(review);
  });

  it('validate the same through the CLI', async () => {
    const out: string[] = [];
    const code = await main(['validate', saved, '--json'], (l) => out.push(l), () => undefined);
    const report = JSON.parse(out.join('\n')) as { counts: { chats: number; validChats: number; errors: number; warnings: number }; byCode: object };
    expect(code).toBe(0);
    expect({ chats: report.counts.chats, valid: report.counts.validChats, errors: report.counts.errors, warnings: report.counts.warnings, byCode: report.byCode }).toEqual(review);
  });

  it('keep the account’s sites, so reopened offline they still block chats on a site it lacks', async () => {
    const { app, table, account } = await openedWithAccount();
    await call(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    const onSite77 = await call(app, 'applyMapping', { mapping: { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: 77 } } } });
    expect(onSite77).toMatchObject({ validChats: 0, byCode: { 'site.unknown': { count: onSite77.chatCount } } });
    const path = (await call(app, 'saveProject', { path: join(dir, 'site-77.chatimport') }))!.path;
    const kept = JSON.parse(readFileSync(path, 'utf8')) as { sites?: number[]; campaigns?: unknown };
    expect(kept.sites).toContain(9);
    expect(kept.campaigns).toBeUndefined();

    const opened = await call(handlerTable({ engine, dir }), 'openProject', { path });
    if (opened?.status !== 'opened') throw new Error('not opened');
    expect(counts(opened.validation)).toEqual(counts(onSite77));
    const out: string[] = [];
    expect(await main(['validate', path, '--json'], (l) => out.push(l), () => undefined)).toBe(1);
    expect((JSON.parse(out.join('\n')) as { byCode: object }).byCode).toEqual(onSite77.byCode);
  });

  it('upload the same chats through the CLI as through the window', async () => {
    const events: AppEvent[] = [];
    const app = handlerTable({ engine, dir, emit: (event) => events.push(event) });
    await call(app, 'openProject', { path: saved });
    const account = await call(app, 'addAccount', { name: 'Sandbox', brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: sandbox.demoKey });
    const { runId } = await call(app, 'startUpload', { accountId: account.id });
    await until(() => events.some((e) => e.type === 'upload' && e.runId === runId && e.event.type === 'finished'));

    const other = await startSandbox();
    try {
      process.env.CHAT_IMPORTER_PROJECT_TEST_KEY = other.demoKey;
      const code = await main(['upload', saved, '--endpoint', other.url, '--token-env', 'CHAT_IMPORTER_PROJECT_TEST_KEY'], () => undefined, () => undefined);
      expect(code).toBe(0);
      const chats = (box: Sandbox) => box.store.list().map((stored) => JSON.stringify(stored.chat)).sort();
      expect(chats(sandbox)).toHaveLength(review.valid);
      expect(chats(other)).toEqual(chats(sandbox));
    } finally {
      await other.close();
    }
  });

  it('whose spreadsheet moved ask for it, and open once it is pointed at', async () => {
    renameSync(join(dir, 'chats.xlsx'), join(dir, 'moved.xlsx'));
    const app = handlerTable({ engine, dir });
    expect(await call(app, 'openProject', { path: saved })).toMatchObject({ status: 'moved', missing: join(dir, 'chats.xlsx'), problem: { code: expect.any(String) } });
    const opened = await call(app, 'openProject', { path: saved, sourcePath: join(dir, 'moved.xlsx') });
    expect(opened?.status).toBe('opened');
  });

  it('whose spreadsheet changed say so and validate the new content', async () => {
    const more = generateChats({ chats: 22, seed: 21, layout: 'messages-by-key', language: 'en', headers: 'en' });
    writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(more, 'xlsx'));
    const opened = await call(handlerTable({ engine, dir }), 'openProject', { path: saved });
    expect(opened).toMatchObject({ status: 'opened', changed: { code: expect.any(String) } });
  });
});
