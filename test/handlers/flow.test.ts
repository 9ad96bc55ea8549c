import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts, MemoryStore } from '../../main/credentials/index.ts';
import { CHANNELS, type ReplyOf } from '../../main/contract/channels.ts';
import type { AppEvent } from '../../main/contract/events.ts';
import { EngineClient } from '../../main/engine/client.ts';
import { createHandlers, type Handlers } from '../../main/handlers/index.ts';
import { accountsPort } from '../../main/handlers/accounts-port.ts';
import { dispatch } from '../../main/handlers/register.ts';
import { recentProjects } from '../../main/project/recent.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';
import { until } from './table.ts';

let dir: string;
let sandbox: Sandbox;
let engine: EngineClient;
let handlers: Handlers;
const events: AppEvent[] = [];
const CHATS = 25;

/** The real accounts service, with secrets in memory instead of the OS keychain (tested on its own). */
function memoryAccounts() {
  return accountsPort(new Accounts({ folder: mkdtempSync(join(tmpdir(), 'accounts-')), store: new MemoryStore() }));
}

/** Calls a handler the way IPC does: through the contract, then checks the reply fits it too. */
async function call<K extends keyof Handlers>(name: K, request: unknown) {
  const reply = await dispatch(handlers, name, request);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message.en}`);
  const checked = CHANNELS[name].reply.safeParse(reply.value);
  if (!checked.success) throw new Error(`${name} replied outside the contract: ${checked.error.message}`);
  return checked.data as ReplyOf<K>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flow-'));
  sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
  engine = new EngineClient({ maxHeapMb: 1024 });
  handlers = createHandlers({
    engine,
    dialogs: { openSpreadsheet: async () => undefined, openProject: async () => undefined, openTemplate: async () => undefined, saveFile: async (name) => join(dir, name) },
    accounts: memoryAccounts(),
    emit: (event) => events.push(event),
    journalsDir: join(dir, 'imports'),
    templatesFile: join(dir, 'templates.json'),
    now: Date.now,
    recent: recentProjects({ folder: dir, now: Date.now, note: () => undefined }),
  });
  writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(generateChats({ chats: CHATS, seed: 8, layout: 'messages-by-key', language: 'mixed', headers: 'ru' }), 'xlsx'));
});
afterAll(async () => {
  await engine.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the handler table, driven as the page drives it', () => {
  it('opens, maps, reviews, uploads with live events, reports and undoes', async () => {
    expect(await call('openFile', {})).toBeNull();
    const workbook = await call('openFile', { path: join(dir, 'chats.xlsx') });
    expect(workbook?.file).toBe('chats.xlsx');
    const table = await call('selectSheet', {});
    const account = await call('addAccount', { name: 'Песочница', brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: sandbox.demoKey });
    const listed = await call('listAccounts', {});
    expect(listed.accounts).toMatchObject([{ name: 'Песочница', secret: 'present' }]);
    expect(JSON.stringify(listed)).not.toContain(sandbox.demoKey);
    expect(await call('testAccount', { id: account.id })).toMatchObject({ outcome: 'ok', account: { role: 'customer', timezone: 'Europe/Moscow' } });
    const employees = await call('loadPicker', { accountId: account.id, kind: 'employees' });
    expect(employees.items.length).toBeGreaterThan(0);
    expect((await call('loadPicker', { accountId: account.id, kind: 'employees' })).cached).toBe(true);
    const mapping = { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: 9 } } };
    const summary = await call('applyMapping', { mapping });
    expect(summary).toMatchObject({ chatCount: CHATS, validChats: CHATS, errors: 0 });
    expect((await call('pageRows', { offset: 0, limit: 5 })).rows).toHaveLength(5);

    const started = await call('startUpload', { accountId: account.id });
    await until(() => events.some((e) => e.type === 'upload' && e.event.type === 'finished'));
    const uploadEvents = events.filter((e): e is Extract<AppEvent, { type: 'upload' }> => e.type === 'upload' && e.runId === started.runId).map((e) => e.event.type);
    expect(uploadEvents).toEqual(['started', 'batch-sent', 'batch-accepted', 'finished']);
    expect(sandbox.store.count()).toBe(CHATS);

    const report = await call('exportReport', { journalDir: started.journalDir, format: 'csv', language: 'ru' });
    expect(readFileSync(report!.path, 'utf8')).toContain('загружен');

    const preview = await call('previewUndo', { journalDir: started.journalDir });
    expect(preview.chats).toBe(CHATS);
    await expect(dispatch(handlers, 'startUndo', { accountId: account.id, journalDir: started.journalDir, confirmedChats: 3 })).resolves.toMatchObject({ ok: false, error: { code: 'undo.count_changed' } });
    const undo = await call('startUndo', { accountId: account.id, journalDir: started.journalDir, confirmedChats: CHATS });
    await until(() => events.some((e) => e.type === 'undo' && e.runId === undo.runId && e.event.type === 'undo-finished'));
    expect(sandbox.store.count()).toBe(0);
  });

  it('blocks chats whose site is not the chosen account’s, once its sites are loaded, and only then', async () => {
    await call('openFile', { path: join(dir, 'chats.xlsx') });
    const table = await call('selectSheet', {});
    const onSite = (site: number) => ({ mapping: { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: site } } } });
    const account = await call('addAccount', { name: 'Sites', brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: sandbox.demoKey });
    await call('loadPicker', { accountId: account.id, kind: 'employees' });
    const sites = await call('loadPicker', { accountId: account.id, kind: 'sites' });
    expect(sites.items.map((site) => site.id)).toContain(9);
    expect(sites.items.map((site) => site.id)).not.toContain(77);
    expect(await call('applyMapping', onSite(77))).toMatchObject({ validChats: 0, byCode: { 'site.unknown': { severity: 'error', count: CHATS } } });
    expect(await call('applyMapping', onSite(9))).toMatchObject({ validChats: CHATS, errors: 0 });
    const campaigns = await call('loadPicker', { accountId: account.id, kind: 'campaigns' });
    expect(campaigns.items.find((campaign) => campaign.id === 203)).toMatchObject({ label: 'Blog readers', siteId: 12 });
    const blogCampaign = (site: number) => {
      const { mapping } = onSite(site);
      return { mapping: { ...mapping, chat: { ...mapping.chat, campaign_id: { kind: 'constant', value: 203 } } } };
    };
    expect(await call('applyMapping', blogCampaign(9))).toMatchObject({ validChats: 0, byCode: { 'campaign.other_site': { count: CHATS } } });
    expect(await call('applyMapping', blogCampaign(12))).toMatchObject({ validChats: CHATS, errors: 0 });

    // Another account whose lists cannot be loaded: the first account's must not judge its file.
    const unreachable = await call('addAccount', { name: 'Elsewhere', brand: 'custom', endpoint: 'http://127.0.0.1:9/', auth: 'key', secret: sandbox.demoKey });
    expect(await dispatch(handlers, 'loadPicker', { accountId: unreachable.id, kind: 'sites' })).toMatchObject({ ok: false });
    const elsewhere = await call('applyMapping', onSite(77));
    expect(elsewhere.byCode['site.unknown']).toBeUndefined();
    // Nor the first account's employees: its operators wait for this account's list.
    expect(Object.keys(elsewhere.byCode)).toEqual(['employee.no_directory']);
  });

  it('refuses to upload before a file is mapped, in words', async () => {
    const fresh = createHandlers({
      engine,
      dialogs: { openSpreadsheet: async () => undefined, openProject: async () => undefined, openTemplate: async () => undefined, saveFile: async () => undefined },
      accounts: memoryAccounts(),
      emit: () => undefined,
      journalsDir: dir,
      templatesFile: join(dir, 'templates.json'),
      now: Date.now,
      recent: recentProjects({ folder: dir, now: Date.now, note: () => undefined }),
    });
    expect(await dispatch(fresh, 'startUpload', { accountId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'file.none_open' } });
  });
});
