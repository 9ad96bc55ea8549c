import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../main/common/text.ts';
import { CHANNELS, type ReplyOf } from '../../main/contract/channels.ts';
import { Accounts, MemoryStore } from '../../main/credentials/index.ts';
import { accountHandlers } from '../../main/handlers/accounts.ts';
import { accountsPort } from '../../main/handlers/accounts-port.ts';
import { newSession } from '../../main/handlers/session.ts';
import { diskPickerCache } from '../../main/pickers/cache.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';

/*
 * The lists picked from an account (sites, campaigns, employees) are kept on disk, so that the
 * Mapping step still has them when the computer is offline, also after the app was restarted.
 */

let dir: string;
let sandbox: Sandbox;
let accounts: Accounts;
let notes: string[];
let clock: number;

type App = ReturnType<typeof accountHandlers>;
type Name = keyof App;

/** One run of the app: new account handlers over the same user-data folder. */
function startApp(): App {
  const pickerCache = diskPickerCache(join(dir, 'pickers'), (event, fields) => notes.push(`${event} ${fields.kind} ${fields.code}`));
  return accountHandlers({ accounts: accountsPort(accounts), now: () => clock, pickerCache }, newSession());
}

/** Through the contract, as IPC calls it: the request parsed, the reply checked. */
async function attempt<K extends Name>(app: App, name: K, request: unknown): Promise<Result<ReplyOf<K>>> {
  const handler = app[name] as (request: unknown) => ReturnType<App[K]>;
  const reply = await handler(CHANNELS[name].request.parse(request));
  return reply.ok ? { ok: true, value: CHANNELS[name].reply.parse(reply.value) as ReplyOf<K> } : reply;
}

async function call<K extends Name>(app: App, name: K, request: unknown): Promise<ReplyOf<K>> {
  const reply = await attempt(app, name, request);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message.en}`);
  return reply.value;
}

async function addSandboxAccount(handlers: App, name: string, key = sandbox.demoKey) {
  return call(handlers, 'addAccount', { name, brand: 'custom', endpoint: sandbox.url, auth: 'key', secret: key });
}

/** The sandbox stops answering, as when the network is gone: connections are cut or refused. */
async function goOffline(): Promise<void> {
  await sandbox.close();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pickers-'));
  sandbox = await startSandbox({});
  accounts = new Accounts({ folder: dir, store: new MemoryStore() });
  notes = [];
  clock = Date.UTC(2026, 10, 24, 11, 5);
});
afterEach(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lists picked from an account, kept on disk', () => {
  it('are fetched fresh, written down, and read back when the account cannot be reached', async () => {
    const app = startApp();
    const account = await addSandboxAccount(app, 'Shop');
    const fresh = await call(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    expect(fresh).toMatchObject({ cached: false, fetchedAt: clock });
    expect(fresh.items.map((site) => site.id)).toContain(9);
    expect(fresh.stale).toBeUndefined();

    await goOffline();
    clock += 3_600_000;
    const kept = await call(app, 'loadPicker', { accountId: account.id, kind: 'sites', refresh: true });
    expect(kept.items).toEqual(fresh.items);
    expect(kept.cached).toBe(true);
    expect(kept.fetchedAt).toBe(Date.UTC(2026, 10, 24, 11, 5));
    expect(kept.stale?.code).toMatch(/^transport\./);
  });

  it('survive a restart of the app: a new handler table offline still has them, with their date', async () => {
    const first = startApp();
    const account = await addSandboxAccount(first, 'Shop');
    const employees = await call(first, 'loadPicker', { accountId: account.id, kind: 'employees' });
    const campaigns = await call(first, 'loadPicker', { accountId: account.id, kind: 'campaigns' });
    await goOffline();

    const second = startApp();
    clock += 24 * 3_600_000;
    const keptEmployees = await call(second, 'loadPicker', { accountId: account.id, kind: 'employees' });
    const keptCampaigns = await call(second, 'loadPicker', { accountId: account.id, kind: 'campaigns' });
    expect(keptEmployees).toMatchObject({ items: employees.items, fetchedAt: employees.fetchedAt, cached: true });
    expect(keptCampaigns).toMatchObject({ items: campaigns.items, fetchedAt: campaigns.fetchedAt, cached: true });
    // Each campaign's site is kept too: offline, a chat on another site than its campaign's is still caught.
    expect(campaigns.items.find((campaign) => campaign.id === 203)?.siteId).toBe(12);
    expect(keptCampaigns.items).toEqual(campaigns.items);
    expect(keptEmployees.stale?.code).toMatch(/^transport\./);
    expect(keptEmployees.stale?.message.en).toContain('127.0.0.1');
  });

  it('say plainly that there is nothing, when offline with no list kept', async () => {
    const app = startApp();
    const account = await addSandboxAccount(app, 'Shop');
    await goOffline();
    const reply = await attempt(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    expect(!reply.ok && reply.error.code).toMatch(/^transport\./);
  });

  it('ignore a damaged file, with a note in the log, and replace it on the next fetch', async () => {
    const app = startApp();
    const account = await addSandboxAccount(app, 'Shop');
    await call(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    const [file] = readdirSync(join(dir, 'pickers'));
    writeFileSync(join(dir, 'pickers', file as string), '{"version":1,"items":[{"id":"nine"');

    const restarted = startApp();
    const fresh = await call(restarted, 'loadPicker', { accountId: account.id, kind: 'sites' });
    expect(fresh.cached).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'pickers', file as string), 'utf8'))).toMatchObject({ version: 1, kind: 'sites', fetchedAt: clock });

    writeFileSync(join(dir, 'pickers', file as string), JSON.stringify({ version: 1, accountId: account.id, kind: 'sites', fetchedAt: -5, items: 'lots' }));
    await goOffline();
    const reply = await attempt(startApp(), 'loadPicker', { accountId: account.id, kind: 'sites' });
    expect(!reply.ok && reply.error.code).toMatch(/^transport\./);
    expect(notes).toEqual(['pickers.cache_unreadable sites damaged']);
  });

  it('keep different accounts apart', async () => {
    const app = startApp();
    const shop = await addSandboxAccount(app, 'Shop');
    const agency = await addSandboxAccount(app, 'Agency', sandbox.agentKey);
    const shopSites = await call(app, 'loadPicker', { accountId: shop.id, kind: 'sites' });
    const agencyCustomers = await call(app, 'loadPicker', { accountId: agency.id, kind: 'customers' });
    await goOffline();

    const restarted = startApp();
    expect((await call(restarted, 'loadPicker', { accountId: shop.id, kind: 'sites' })).items).toEqual(shopSites.items);
    expect((await call(restarted, 'loadPicker', { accountId: agency.id, kind: 'customers' })).items).toEqual(agencyCustomers.items);
    expect((await attempt(restarted, 'loadPicker', { accountId: agency.id, kind: 'sites' })).ok).toBe(false);
    expect((await attempt(restarted, 'loadPicker', { accountId: shop.id, kind: 'customers' })).ok).toBe(false);
  });

  it('never hold the account’s key', async () => {
    const app = startApp();
    const account = await addSandboxAccount(app, 'Shop');
    for (const kind of ['sites', 'campaigns', 'employees'] as const) await call(app, 'loadPicker', { accountId: account.id, kind });
    const files = readdirSync(join(dir, 'pickers'));
    expect(files.sort()).toEqual([`${account.id}.campaigns.json`, `${account.id}.employees.json`, `${account.id}.sites.json`]);
    for (const file of files) expect(readFileSync(join(dir, 'pickers', file), 'utf8')).not.toContain(sandbox.demoKey);
  });

  it('are forgotten with the account, and when it is pointed elsewhere, but not when only renamed', async () => {
    const app = startApp();
    const account = await addSandboxAccount(app, 'Shop');
    await call(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    await call(app, 'updateAccount', { id: account.id, changes: { name: 'Shop, renamed' } });
    expect(readdirSync(join(dir, 'pickers'))).toHaveLength(1);

    await call(app, 'updateAccount', { id: account.id, changes: { endpoint: sandbox.url.replace('127.0.0.1', 'localhost') } });
    expect(readdirSync(join(dir, 'pickers'))).toHaveLength(0);

    await call(app, 'loadPicker', { accountId: account.id, kind: 'sites' });
    await call(app, 'removeAccount', { id: account.id });
    expect(readdirSync(join(dir, 'pickers'))).toHaveLength(0);
  });
});
