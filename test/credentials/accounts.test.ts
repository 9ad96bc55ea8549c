import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Accounts } from '../../main/credentials/accounts.ts';
import { KeytarStore } from '../../main/credentials/keytar-store.ts';
import { SETTINGS_FILE_NAME } from '../../main/credentials/settings-file.ts';
import { MemoryStore, type CredentialStore } from '../../main/credentials/store.ts';
import { userDataFolders } from './folders.ts';

const newFolder = userDataFolders();
const KEY = 'key-3c9f2b7e41d84a0f9a6e';
const PASSWORD = 'pass word with spaces ';

function accounts(store: CredentialStore = new MemoryStore()) {
  const folder = newFolder();
  const heard: string[] = [];
  return { service: new Accounts({ folder, store, onSecret: (s) => heard.push(s) }), folder, store, heard };
}

/** A keychain that is not there: every call fails as libsecret does without a Secret Service. */
function missingKeychain(): CredentialStore {
  const fail = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
  return new KeytarStore({ keytar: { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail } });
}

function settingsBytes(folder: string): string {
  return readFileSync(join(folder, SETTINGS_FILE_NAME), 'utf8');
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('adding accounts', () => {
  it('stores a brand account with the brand\'s own address and the key in the credential store', async () => {
    const { service, store } = accounts();
    const added = value(await service.add({ name: 'Shop', brand: 'callgear', auth: 'key' }, ` ${KEY}\n`));
    expect(added).toMatchObject({ name: 'Shop', brand: 'callgear', endpoint: 'https://dataapi.callgear.com/v2.0', auth: 'key', secret: 'present' });
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.get(added.id)).toEqual({ ok: true, value: KEY });
  });

  it('always sends a brand account to the brand\'s address; another address makes it a custom account', async () => {
    const { service } = accounts();
    const added = value(await service.add({ name: 'Shop', brand: 'uis', endpoint: 'https://elsewhere.example/v2.0', auth: 'key' }, KEY));
    expect(added.endpoint).toBe('https://dataapi.uiscom.ru/v2.0');
    expect(value(await service.update(added.id, { brand: 'custom', endpoint: 'https://elsewhere.example/v2.0' })).endpoint).toBe('https://elsewhere.example/v2.0');
  });

  it('takes a custom address only over HTTPS, or plain HTTP on this computer', async () => {
    const { service } = accounts();
    expect(await service.add({ name: 'Mirror', brand: 'custom', endpoint: 'http://api.example.com/v2.0', auth: 'key' }, KEY)).toMatchObject({ ok: false, error: { code: 'endpoint.insecure' } });
    expect(await service.add({ name: 'Sandbox', brand: 'custom', endpoint: 'http://127.0.0.1:4100/v2.0', auth: 'key' }, KEY)).toMatchObject({ ok: true, value: { endpoint: 'http://127.0.0.1:4100/v2.0' } });
    expect(await service.add({ name: 'No address', brand: 'custom', auth: 'key' }, KEY)).toMatchObject({ ok: false, error: { field: 'endpoint' } });
  });

  it('needs a login with a password, and keeps the password exactly as typed', async () => {
    const { service } = accounts();
    expect(await service.add({ name: 'L', brand: 'uis', auth: 'login' }, PASSWORD)).toMatchObject({ ok: false, error: { field: 'login' } });
    const added = value(await service.add({ name: 'L', brand: 'uis', auth: 'login', login: 'manager' }, PASSWORD));
    expect(value(await service.credentialsFor(added.id)).credentials).toEqual({ kind: 'login', login: 'manager', password: PASSWORD });
  });

  it('refuses an empty secret and a name already taken, ignoring case, in any script', async () => {
    const { service } = accounts();
    value(await service.add({ name: 'Магазин', brand: 'comagic', auth: 'key' }, KEY));
    expect(await service.add({ name: 'МАГАЗИН', brand: 'uis', auth: 'key' }, KEY)).toMatchObject({ ok: false, error: { code: 'accounts.name_taken' } });
    expect(await service.add({ name: 'Другой', brand: 'uis', auth: 'key' }, '   ')).toMatchObject({ ok: false, error: { code: 'accounts.secret_invalid' } });
  });

  it('names the field of malformed input from the renderer', async () => {
    const { service } = accounts();
    expect(await service.add({ name: 'X', brand: 'megafon', auth: 'key' }, KEY)).toMatchObject({ ok: false, error: { code: 'accounts.invalid', field: 'brand' } });
    expect(await service.add({ name: 'X', brand: 'uis', auth: 'key', accessKey: KEY }, KEY)).toMatchObject({ ok: false, error: { code: 'accounts.invalid' } });
  });

  it('saves nothing at all when the keychain is missing: no account, no plain-text key', async () => {
    const { service, folder } = accounts(missingKeychain());
    const added = await service.add({ name: 'Shop', brand: 'callgear', auth: 'key' }, KEY);
    expect(added).toMatchObject({ ok: false, error: { code: 'keychain.unavailable' } });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('lets two quick adds both land', async () => {
    const { service } = accounts();
    await Promise.all([service.add({ name: 'A', brand: 'uis', auth: 'key' }, KEY), service.add({ name: 'B', brand: 'uis', auth: 'key' }, KEY)]);
    expect(value(await service.list()).accounts.map((a) => a.name).sort()).toEqual(['A', 'B']);
  });
});

describe('what leaves the accounts service', () => {
  it('never holds a secret: not in the listing, not in a reply, not in the settings file\'s bytes', async () => {
    const { service, folder } = accounts();
    const key = value(await service.add({ name: 'Key', brand: 'callgear', auth: 'key' }, KEY));
    value(await service.add({ name: 'Login', brand: 'uis', auth: 'login', login: 'manager' }, PASSWORD));
    const updated = value(await service.update(key.id, { name: 'Key 2' }, `${KEY}-new`));
    const listing = value(await service.list());
    for (const text of [JSON.stringify(listing), JSON.stringify(key), JSON.stringify(updated), settingsBytes(folder)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(PASSWORD.trim());
    }
  });

  it('tells the log-keeper every secret it handles, so the log can hide them', async () => {
    const { service, heard } = accounts();
    const added = value(await service.add({ name: 'Key', brand: 'callgear', auth: 'key' }, KEY));
    await service.credentialsFor(added.id);
    expect(heard).toEqual([KEY, KEY]);
  });
});

describe('secret status', () => {
  it('is present, missing when the keychain lost the entry, and rejected after CallGear refused it', async () => {
    const { service, store } = accounts();
    const a = value(await service.add({ name: 'A', brand: 'callgear', auth: 'key' }, KEY));
    const b = value(await service.add({ name: 'B', brand: 'callgear', auth: 'key' }, KEY));
    const c = value(await service.add({ name: 'C', brand: 'callgear', auth: 'key' }, KEY));
    await store.delete(b.id);
    value(await service.markRejected(c.id));
    const status = Object.fromEntries(value(await service.list()).accounts.map((x) => [x.name, x.secret]));
    expect(status).toEqual({ A: 'present', B: 'missing', C: 'rejected' });
    expect(a.secret).toBe('present');
  });

  it('stays rejected through other edits, and clears with a new secret or a successful use', async () => {
    const { service } = accounts();
    const a = value(await service.add({ name: 'A', brand: 'callgear', auth: 'key' }, KEY));
    value(await service.markRejected(a.id));
    expect(value(await service.update(a.id, { name: 'A2' })).secret).toBe('rejected');
    expect(value(await service.update(a.id, {}, 'a-new-key-1234')).secret).toBe('present');
    value(await service.markRejected(a.id));
    value(await service.markAccepted(a.id));
    expect(value(await service.list()).accounts[0]?.secret).toBe('present');
  });

  it('is unknown, with the keychain\'s problem, when the keychain cannot be asked', async () => {
    const folder = newFolder();
    const store = new MemoryStore();
    const added = value(await new Accounts({ folder, store }).add({ name: 'A', brand: 'uis', auth: 'key' }, KEY));
    const listing = value(await new Accounts({ folder, store: missingKeychain() }).list());
    expect(listing.accounts).toEqual([{ ...added, secret: 'unknown' }]);
    expect(listing.keychain?.code).toBe('keychain.unavailable');
  });
});

describe('updating and removing', () => {
  it('changes the given fields only; a new preset brand brings its address; customer null forgets the customer', async () => {
    const { service } = accounts();
    const a = value(await service.add({ name: 'Agency', brand: 'comagic', auth: 'key', customer: { userId: 7001, name: 'Coffee' } }, KEY));
    const moved = value(await service.update(a.id, { brand: 'uis' }));
    expect(moved).toMatchObject({ name: 'Agency', brand: 'uis', endpoint: 'https://dataapi.uiscom.ru/v2.0', customer: { userId: 7001, name: 'Coffee' } });
    expect(value(await service.update(a.id, { customer: null })).customer).toBeUndefined();
    expect(value(await service.update(a.id, { name: 'agency' })).name).toBe('agency');
  });

  it('needs a new secret to switch between key and login', async () => {
    const { service } = accounts();
    const a = value(await service.add({ name: 'A', brand: 'uis', auth: 'key' }, KEY));
    expect(await service.update(a.id, { auth: 'login', login: 'manager' })).toMatchObject({ ok: false, error: { code: 'accounts.secret_invalid' } });
    value(await service.update(a.id, { auth: 'login', login: 'manager' }, PASSWORD));
    expect(value(await service.credentialsFor(a.id)).credentials).toEqual({ kind: 'login', login: 'manager', password: PASSWORD });
    value(await service.update(a.id, { auth: 'key' }, KEY));
    expect(value(await service.credentialsFor(a.id)).account.login).toBeUndefined();
  });

  it('removes the secret together with the account', async () => {
    const { service, store } = accounts();
    const a = value(await service.add({ name: 'A', brand: 'uis', auth: 'key' }, KEY));
    value(await service.remove(a.id));
    expect(value(await service.list()).accounts).toEqual([]);
    expect(await store.list()).toEqual({ ok: true, value: [] });
    expect(await service.remove(a.id)).toMatchObject({ ok: false, error: { code: 'accounts.not_found' } });
  });
});

describe('credentials for the main process', () => {
  it('gives what a client needs: the endpoint, the key, an agent\'s customer', async () => {
    const { service } = accounts();
    const a = value(await service.add({ name: 'Agency', brand: 'callgear', auth: 'key', customer: { userId: 7002, name: 'Tea' } }, KEY));
    expect(value(await service.credentialsFor(a.id))).toMatchObject({
      endpoint: 'https://dataapi.callgear.com/v2.0',
      credentials: { kind: 'key', accessKey: KEY },
      userId: 7002,
    });
  });

  it('says which account lacks its secret and how to fix it', async () => {
    const { service, store } = accounts();
    const a = value(await service.add({ name: 'Shop', brand: 'callgear', auth: 'key' }, KEY));
    await store.delete(a.id);
    const missing = await service.credentialsFor(a.id);
    expect(missing).toMatchObject({ ok: false, error: { code: 'accounts.secret_missing' } });
    if (!missing.ok) expect(missing.error.message.en).toContain('"Shop"');
  });
});
