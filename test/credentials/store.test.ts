import { describe, expect, it } from 'vitest';
import { KeytarStore, type KeytarApi } from '../../main/credentials/keytar-store.ts';
import { MemoryStore } from '../../main/credentials/store.ts';

/** A keytar whose every call fails the way the given OS message says. */
function failingKeytar(message: string): KeytarApi {
  const reject = () => Promise.reject(new Error(message));
  return { getPassword: reject, setPassword: reject, deletePassword: reject, findCredentials: reject };
}

/** A keytar over a map, recording the calls, to see what the store asks of the real one. */
function recordingKeytar() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const api: KeytarApi = {
    getPassword: async (service, account) => {
      calls.push(`get ${service} ${account}`);
      return entries.get(`${service}/${account}`) ?? null;
    },
    setPassword: async (service, account, password) => {
      calls.push(`set ${service} ${account}`);
      entries.set(`${service}/${account}`, password);
    },
    deletePassword: async (service, account) => {
      calls.push(`delete ${service} ${account}`);
      return entries.delete(`${service}/${account}`);
    },
    findCredentials: async (service) => {
      calls.push(`find ${service}`);
      return [...entries].filter(([key]) => key.startsWith(`${service}/`)).map(([key, password]) => ({ account: key.slice(service.length + 1), password }));
    },
  };
  return { api, calls, entries };
}

describe('the in-memory credential store', () => {
  it('keeps one secret per account id: set, get, replace, list, delete', async () => {
    const store = new MemoryStore();
    expect(await store.get('a')).toEqual({ ok: true, value: undefined });
    await store.set('a', 'first');
    await store.set('b', 'other');
    await store.set('a', 'second');
    expect(await store.get('a')).toEqual({ ok: true, value: 'second' });
    expect(await store.list()).toEqual({ ok: true, value: ['a', 'b'] });
    expect(await store.delete('a')).toEqual({ ok: true, value: true });
    expect(await store.delete('a')).toEqual({ ok: true, value: false });
    expect(await store.list()).toEqual({ ok: true, value: ['b'] });
  });
});

describe('the keytar store', () => {
  it('files entries under the app service, or a suffixed one so tests never touch real entries', () => {
    expect(new KeytarStore({ keytar: recordingKeytar().api }).service).toBe('chat-importer');
    expect(new KeytarStore({ suffix: 'test-1', keytar: recordingKeytar().api }).service).toBe('chat-importer-test-1');
  });

  it('answers "none" for an account without an entry', async () => {
    const store = new KeytarStore({ keytar: recordingKeytar().api });
    expect(await store.get('nobody')).toEqual({ ok: true, value: undefined });
  });

  it('on Linux writes a probe entry before listing, because findCredentials crashes on a locked keyring', async () => {
    const keytar = recordingKeytar();
    const store = new KeytarStore({ keytar: keytar.api, platform: 'linux' });
    await store.set('id-1', 'secret');
    expect(await store.list()).toEqual({ ok: true, value: ['id-1'] });
    expect(keytar.calls.slice(1)).toEqual([
      'set chat-importer keychain-probe',
      'delete chat-importer keychain-probe',
      'find chat-importer',
    ]);
  });

  it('never calls findCredentials on Linux when the keyring is locked', async () => {
    const keytar = recordingKeytar();
    keytar.api.setPassword = async () => Promise.reject(new Error('Cannot create an item in a locked collection'));
    const listed = await new KeytarStore({ keytar: keytar.api, platform: 'linux' }).list();
    expect(listed.ok || listed.error.code).toBe('keychain.locked');
    expect(keytar.calls).not.toContain('find chat-importer');
  });

  it('lists directly where findCredentials is safe (macOS, Windows)', async () => {
    const keytar = recordingKeytar();
    await new KeytarStore({ keytar: keytar.api, platform: 'darwin' }).list();
    expect(keytar.calls).toEqual(['find chat-importer']);
  });

  const failures: [string, string][] = [
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain.unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain.unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain.unavailable'],
    ['Cannot create an item in a locked collection', 'keychain.locked'],
    ['User interaction is not allowed.', 'keychain.locked'],
    ['The specified item could not be found in the keychain.', 'keychain.failed'],
  ];

  it.each(failures)('turns "%s" into %s, in words a person can act on, without a fallback', async (message, code) => {
    const result = await new KeytarStore({ keytar: failingKeytar(message) }).set('id-1', 'secret');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.en).toContain(message);
    expect(result.error.message.en).toContain('never written anywhere else');
    expect(result.error.message.ru).toMatch(/никогда не сохраняются/);
  });

  it('reports a failure of every operation as a value, never a thrown error', async () => {
    const store = new KeytarStore({ keytar: failingKeytar('Cannot autolaunch D-Bus without X11 $DISPLAY') });
    for (const result of [await store.get('a'), await store.set('a', 's'), await store.delete('a'), await store.list()]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'keychain.unavailable' } });
    }
  });
});
