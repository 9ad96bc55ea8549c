import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../main/credentials/accounts.ts';
import { KeytarStore } from '../../main/credentials/keytar-store.ts';
import { SETTINGS_FILE_NAME } from '../../main/credentials/settings-file.ts';
import { userDataFolders } from './folders.ts';

/*
 * The keychain for real: keytar against a Secret Service (gnome-keyring in a private D-Bus
 * session, started by scripts/with-keyring.sh, which `npm test` runs vitest under). Entries go to
 * a service of their own, so nobody's real entries are ever read or changed.
 */

const HOW_TO_RUN =
  'Keychain tests need a Secret Service: install dbus and gnome-keyring (apt-get install dbus gnome-keyring) and run `npm test`, which runs vitest inside scripts/with-keyring.sh.';

const store = new KeytarStore({ suffix: `test-${process.pid}-${randomBytes(4).toString('hex')}` });

async function reachability(): Promise<string | undefined> {
  if (process.env.CHAT_IMPORTER_TEST_KEYRING !== '1') return 'not running inside scripts/with-keyring.sh';
  const listed = await store.list();
  return listed.ok ? undefined : `${listed.error.code}: ${listed.error.message.en}`;
}
const unreachable = await reachability();
const newFolder = userDataFolders();

/** What the OS store itself holds, read without keytar when libsecret's own tool is there. */
function readFromOs(service: string, account: string): string | undefined {
  try {
    execFileSync('secret-tool', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

if (unreachable !== undefined && process.env.CI === 'true') {
  describe('the real keychain', () => {
    it('is reachable in CI', () => {
      expect.fail(`No Secret Service (${unreachable}). ${HOW_TO_RUN}`);
    });
  });
} else if (unreachable !== undefined) {
  console.warn(`Keychain tests skipped (${unreachable}). ${HOW_TO_RUN}`);
  describe.skip(`the real keychain — skipped: ${HOW_TO_RUN}`, () => {
    it('add, read, update, remove, list', () => undefined);
  });
} else {
  afterAll(async () => {
    for (const id of unwrap(await store.list())) await store.delete(id);
  });

  describe('the real keychain (Secret Service)', () => {
    it('adds, reads, updates, lists and removes an entry, and the OS store really holds it', async () => {
      const id = 'b1a7c6e0-0000-4000-8000-000000000001';
      unwrap(await store.set(id, 'first-key-12345'));
      expect(unwrap(await store.get(id))).toBe('first-key-12345');
      const fromOs = readFromOs(store.service, id);
      if (fromOs !== undefined) expect(fromOs).toBe('first-key-12345');
      unwrap(await store.set(id, 'second-key-67890'));
      expect(unwrap(await new KeytarStore({ suffix: store.service.slice('chat-importer-'.length) }).get(id))).toBe('second-key-67890');
      expect(unwrap(await store.list())).toContain(id);
      expect(unwrap(await store.delete(id))).toBe(true);
      expect(unwrap(await store.get(id))).toBeUndefined();
      expect(unwrap(await store.list())).not.toContain(id);
      expect(unwrap(await store.delete(id))).toBe(false);
    });

    it('keeps entries apart by account, unicode ids and secrets included', async () => {
      const entries: [string, string][] = [
        ['аккаунт-магазин', 'ключ-доступа-Ж-1'],
        ['账户-🌼', 'secret-🌼-2'],
        ['plain', 'plain-secret-3'],
      ];
      for (const [id, secret] of entries) unwrap(await store.set(id, secret));
      for (const [id, secret] of entries) expect(unwrap(await store.get(id))).toBe(secret);
      expect(unwrap(await store.list())).toEqual(expect.arrayContaining(entries.map(([id]) => id)));
    });

    it('holds a 4 KB secret whole', async () => {
      const secret = randomBytes(3072).toString('base64');
      expect(secret).toHaveLength(4096);
      unwrap(await store.set('large', secret));
      expect(unwrap(await store.get('large'))).toBe(secret);
    });

    it('serves the accounts service: unicode names, keys and passwords in the keychain, none in the settings file', async () => {
      const folder = newFolder();
      const accounts = new Accounts({ folder, store });
      const key = `key-${randomBytes(12).toString('hex')}`;
      const password = `пароль ${randomBytes(6).toString('hex')}`;
      const shop = unwrap(await accounts.add({ name: 'Магазин «Ромашка» 🌼', brand: 'comagic', auth: 'key' }, key));
      const agency = unwrap(await accounts.add({ name: '代理商', brand: 'uis', auth: 'login', login: 'agent' }, password));
      expect(unwrap(await accounts.credentialsFor(shop.id)).credentials).toEqual({ kind: 'key', accessKey: key });
      expect(unwrap(await accounts.credentialsFor(agency.id)).credentials).toEqual({ kind: 'login', login: 'agent', password });
      expect(unwrap(await accounts.list()).accounts.map((a) => [a.name, a.secret])).toEqual([
        ['Магазин «Ромашка» 🌼', 'present'],
        ['代理商', 'present'],
      ]);
      const bytes = readFileSync(join(folder, SETTINGS_FILE_NAME));
      for (const secret of [key, password]) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(readdirSync(folder)).toEqual([SETTINGS_FILE_NAME]);
      unwrap(await accounts.remove(shop.id));
      expect(unwrap(await store.get(shop.id))).toBeUndefined();
    });
  });
}
