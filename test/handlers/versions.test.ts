import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../main/contract/events.ts';
import { EngineClient } from '../../main/engine/client.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, laterVersion, writeWorkbook } from '../fixtures/chats.ts';
import { call, handlerTable, until } from './table.ts';

/*
 * The person uploads a spreadsheet, then fixes a few things in Excel (or only saves it again) and
 * uploads it once more. The app makes one journal per version of the file; the second must not
 * send again what the first uploaded, or every chat would be in CallGear twice.
 */

let dir: string;
let sandbox: Sandbox;
let engine: EngineClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'versions-'));
  sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
  engine = new EngineClient({ maxHeapMb: 1024 });
});
afterAll(async () => {
  await engine.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A window with the sandbox account added and its employees loaded; `upload` waits for the run's end. */
async function windowWithAccount() {
  const events: AppEvent[] = [];
  const app = handlerTable({ engine, dir, emit: (event) => events.push(event) });
  const account = await call(app, 'addAccount', { name: 'Shop', brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: sandbox.demoKey });
  await call(app, 'loadPicker', { accountId: account.id, kind: 'employees' });
  const upload = async () => {
    const seen = events.length;
    const started = await call(app, 'startUpload', { accountId: account.id });
    await until(() => events.slice(seen).some((event) => event.type === 'upload' && event.event.type === 'finished'));
    return started.journalDir;
  };
  return { app, account, events, upload };
}

describe('a spreadsheet changed after its upload and uploaded again', () => {
  it('sends only its new chats, reports the rest as uploaded earlier, and its undo deletes only what it sent', async () => {
    const { app, upload: send } = await windowWithAccount();
    const file = join(dir, 'chats.xlsx');
    const upload = async () => {
      await call(app, 'openFile', { path: file });
      const table = await call(app, 'selectSheet', {});
      await call(app, 'applyMapping', { mapping: table.suggestion.mapping });
      return send();
    };

    const first = generateChats({ chats: 12, seed: 5, layout: 'messages-by-key', language: 'en', headers: 'en' });
    writeFileSync(file, writeWorkbook(first, 'xlsx'));
    const firstJournal = await upload();
    expect(sandbox.store.count()).toBe(12);

    // Fixed in Excel: one visitor's name; and three chats more, pasted from another export.
    const other = generateChats({ chats: 3, seed: 6, layout: 'messages-by-key', language: 'en', headers: 'en' });
    writeFileSync(file, writeWorkbook(laterVersion(first, other, 'Name fixed in Excel'), 'xlsx'));
    const secondJournal = await upload();
    expect(secondJournal).not.toBe(firstJournal);
    expect(sandbox.store.count()).toBe(15);

    const report = await call(app, 'pageResults', { journalDir: secondJournal, offset: 0, limit: 100, outcome: 'skipped', language: 'en' });
    expect(report.counts).toMatchObject({ accepted: 3, skipped: 12 });
    expect(report.chats.every((chat) => chat.code === 'upload.uploaded_earlier' && chat.id !== undefined)).toBe(true);
    expect((await call(app, 'previewUndo', { journalDir: secondJournal })).chats).toBe(3);
  });

  it('sends nothing when it is the same file under another name (downloaded twice, or copied)', async () => {
    const { app, upload } = await windowWithAccount();
    const generated = generateChats({ chats: 6, seed: 11, layout: 'messages-by-key', language: 'en', headers: 'en' });
    const upEach = async (name: string) => {
      writeFileSync(join(dir, name), writeWorkbook(generated, 'xlsx'));
      await call(app, 'openFile', { path: join(dir, name) });
      const table = await call(app, 'selectSheet', {});
      await call(app, 'applyMapping', { mapping: table.suggestion.mapping });
      return upload();
    };
    const before = sandbox.store.count();
    await upEach('export.xlsx');
    const uploaded = sandbox.store.count() - before;
    expect(uploaded).toBeGreaterThan(0);
    const copy = await upEach('export (1).xlsx');
    expect(sandbox.store.count()).toBe(before + uploaded);
    const report = await call(app, 'pageResults', { journalDir: copy, offset: 0, limit: 100, language: 'en' });
    expect(report.counts).toMatchObject({ accepted: 0, skipped: uploaded });
  });
});

describe('an import undone and uploaded again', () => {
  it('with its mapping fixed, sends every chat again, once', async () => {
    const { app, account, events, upload } = await windowWithAccount();
    const file = join(dir, 'undone.xlsx');
    writeFileSync(file, writeWorkbook(generateChats({ chats: 10, seed: 7, layout: 'messages-by-key', language: 'en', headers: 'en' }), 'xlsx'));
    await call(app, 'openFile', { path: file });
    const table = await call(app, 'selectSheet', {});
    const stored = () => sandbox.store.list();
    const before = stored().length;

    const { validChats } = await call(app, 'applyMapping', { mapping: table.suggestion.mapping });
    expect(validChats).toBeGreaterThan(5);
    const wrong = await upload();
    expect(stored().length).toBe(before + validChats);
    const undo = await call(app, 'startUndo', { accountId: account.id, journalDir: wrong, confirmedChats: validChats });
    await until(() => events.some((event) => event.type === 'undo' && event.runId === undo.runId && event.event.type === 'undo-finished'));
    expect(stored().length).toBe(before);

    // The status was wrong for every chat: fixed in the mapping, the import is sent again.
    await call(app, 'applyMapping', { mapping: { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, status: { kind: 'constant', value: 'lost' } } } });
    const fixed = await upload();
    expect(fixed).not.toBe(wrong);
    expect(stored().length).toBe(before + validChats);
    expect(stored().slice(-validChats).every((chat) => chat.chat.status === 'lost')).toBe(true);

    // Uploading it once more with the same mapping resumes its journal and sends nothing.
    expect(await upload()).toBe(fixed);
    expect(stored().length).toBe(before + validChats);
  });
});
