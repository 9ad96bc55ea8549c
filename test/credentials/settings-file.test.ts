import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, SETTINGS_FILE_NAME, writeSettings, type Settings } from '../../main/credentials/settings-file.ts';
import { userDataFolders } from './folders.ts';

const newFolder = userDataFolders();

const SETTINGS: Settings = {
  version: 1,
  accounts: [
    { id: '0b6f6a52-6f5e-4f55-9d0c-2a3c1c9e7a11', name: 'Магазин «Ромашка» 🌼', brand: 'comagic', endpoint: 'https://dataapi.comagic.ru/v2.0', auth: 'key' },
    {
      id: '7d1e0f2a-1111-4c3b-8e4f-5a6b7c8d9e0f',
      name: 'Agency',
      brand: 'custom',
      endpoint: 'http://127.0.0.1:8080/v2.0',
      auth: 'login',
      login: 'agent-login',
      customer: { userId: 7001, name: 'Coffee Ltd' },
      secretRejected: true,
    },
  ],
};

describe('the accounts settings file', () => {
  it('reads back what was written, unicode names included', () => {
    const folder = newFolder();
    expect(writeSettings(folder, SETTINGS)).toEqual({ ok: true, value: undefined });
    expect(readSettings(folder)).toEqual({ ok: true, value: SETTINGS });
  });

  it('is no accounts yet when the file does not exist', () => {
    expect(readSettings(newFolder())).toEqual({ ok: true, value: { version: 1, accounts: [] } });
  });

  it('creates the user-data folder when it is missing', () => {
    const folder = join(newFolder(), 'Chat Importer', 'nested');
    expect(writeSettings(folder, SETTINGS).ok).toBe(true);
    expect(readSettings(folder)).toEqual({ ok: true, value: SETTINGS });
  });

  it('is readable by its owner only', () => {
    const folder = newFolder();
    writeSettings(folder, SETTINGS);
    expect(statSync(join(folder, SETTINGS_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('replaces the file by renaming a finished temporary one over it, and leaves no temporary behind', () => {
    const folder = newFolder();
    writeSettings(folder, SETTINGS);
    const before = statSync(join(folder, SETTINGS_FILE_NAME)).ino;
    writeSettings(folder, { ...SETTINGS, accounts: [] });
    expect(statSync(join(folder, SETTINGS_FILE_NAME)).ino).not.toBe(before);
    expect(readdirSync(folder)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('says clearly when it cannot write, and cleans up its temporary file', () => {
    const folder = newFolder();
    mkdirSync(join(folder, SETTINGS_FILE_NAME, 'in-the-way'), { recursive: true });
    const written = writeSettings(folder, SETTINGS);
    expect(written).toMatchObject({ ok: false, error: { code: 'accounts.settings_unwritable', file: join(folder, SETTINGS_FILE_NAME) } });
    expect(readdirSync(folder)).toEqual([SETTINGS_FILE_NAME]);
  });

  const corrupt: [string, string][] = [
    ['not JSON', '{"version": 1, "accounts": ['],
    ['the wrong shape', '{"version": 1, "accounts": [{"id": "x"}]}'],
    ['an unknown field (a pasted key must not be carried along)', JSON.stringify({ ...SETTINGS, accounts: [{ ...SETTINGS.accounts[0], accessKey: 'k' }] })],
    ['no version', '{"accounts": []}'],
  ];

  it.each(corrupt)('is a clear error, not a crash, when it holds %s', (_what, content) => {
    const folder = newFolder();
    writeFileSync(join(folder, SETTINGS_FILE_NAME), content);
    const read = readSettings(folder);
    expect(read).toMatchObject({ ok: false, error: { code: 'accounts.settings_corrupt', file: join(folder, SETTINGS_FILE_NAME) } });
    if (read.ok) return;
    expect(read.error.message.en).toContain('Move it away');
    expect(read.error.message.ru).toContain('Переместите');
  });

  it('refuses a file from a newer version of the app instead of overwriting what it cannot read', () => {
    const folder = newFolder();
    writeFileSync(join(folder, SETTINGS_FILE_NAME), JSON.stringify({ version: 2, accounts: [], profiles: {} }));
    expect(readSettings(folder)).toMatchObject({ ok: false, error: { code: 'accounts.settings_newer' } });
  });
});
