import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli.ts';
import { Accounts, KeytarStore } from '../../main/credentials/index.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, STAFF, writeWorkbook } from '../fixtures/chats.ts';

/*
 * `--account NAME` reads an account the app saved: settings from the user-data folder, the key
 * from the OS keychain. Runs inside scripts/with-keyring.sh (a throwaway keyring), like the
 * keychain tests; elsewhere it is skipped, and under CI it must not be.
 */
const inKeyring = process.env.CHAT_IMPORTER_TEST_KEYRING === '1';
if (!inKeyring && process.env.CI === 'true') throw new Error('CLI account test must run inside scripts/with-keyring.sh in CI');

let dir: string;
let sandbox: Sandbox;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-account-'));
  process.env.CHAT_IMPORTER_USER_DATA = join(dir, 'user-data');
  sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
  writeFileSync(join(dir, 'chats.csv'), writeWorkbook(generateChats({ chats: 12, seed: 4, layout: 'messages-by-key', language: 'en', headers: 'en' }), 'csv'));
  writeFileSync(join(dir, 'employees.json'), JSON.stringify(STAFF));
});
afterAll(async () => {
  await sandbox.close();
  delete process.env.CHAT_IMPORTER_USER_DATA;
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!inKeyring)('chat-importer upload --account (needs the keyring of scripts/with-keyring.sh)', () => {
  it('uploads with an account saved by the app, its key taken from the keychain', async () => {
    const accounts = new Accounts({ folder: join(dir, 'user-data'), store: new KeytarStore() });
    const added = await accounts.add({ name: 'Магазин', brand: 'custom', endpoint: sandbox.url, auth: 'key' }, sandbox.demoKey);
    expect(added.ok).toBe(true);
    const { code, out } = await cli('upload', join(dir, 'chats.csv'), '--account', 'магазин', '--employees', join(dir, 'employees.json'), '--set', 'site_id=9', '--tz', 'Europe/Moscow');
    expect(code).toBe(0);
    expect(out).toContain('accepted 12');
    expect(sandbox.store.count()).toBe(12);
    const removed = added.ok ? await accounts.remove(added.value.id) : undefined;
    expect(removed?.ok).toBe(true);
  });

  it('names the accounts there are when the name is unknown', async () => {
    const { code, err } = await cli('upload', join(dir, 'chats.csv'), '--account', 'Nobody');
    expect(code).toBe(2);
    expect(err).toContain('There is no account "Nobody"');
  });
});
