import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskPickerCache } from '../../main/pickers/cache.ts';

let dir: string;
let notes: string[];
const note = (event: string, fields: { kind: string; code: string }) => void notes.push(`${event} ${fields.kind} ${fields.code}`);
const SITES = { items: [{ id: 9, label: 'shop.example' }, { id: 12, label: 'магазин.рф', detail: 'main' }], fetchedAt: 1_795_000_000_000 };
const ID = '6f1c2f8e-0c1a-4a53-9d07-3b1f0d2c9a11';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'picker-cache-'));
  notes = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the picker cache on disk', () => {
  it('gives back what was written, with its date, to a new instance over the same folder', () => {
    diskPickerCache(join(dir, 'pickers'), note).write(ID, 'sites', SITES);
    expect(diskPickerCache(join(dir, 'pickers'), note).read(ID, 'sites')).toEqual(SITES);
    expect(diskPickerCache(join(dir, 'pickers'), note).read(ID, 'campaigns')).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('keeps its files readable by this user only', () => {
    diskPickerCache(dir, note).write(ID, 'sites', SITES);
    if (process.platform !== 'win32') expect(statSync(join(dir, `${ID}.sites.json`)).mode & 0o077).toBe(0);
  });

  it('ignores a file written for another account or list, as if it were damaged', () => {
    const cache = diskPickerCache(dir, note);
    cache.write(ID, 'sites', SITES);
    writeFileSync(join(dir, `${ID}.campaigns.json`), JSON.stringify({ version: 1, accountId: ID, kind: 'sites', ...SITES }));
    expect(cache.read(ID, 'campaigns')).toBeUndefined();
    expect(notes).toEqual(['pickers.cache_unreadable campaigns damaged']);
  });

  it('never turns an id that is not a plain id into a path', () => {
    const cache = diskPickerCache(join(dir, 'inside'), note);
    cache.write('../outside', 'sites', SITES);
    expect(cache.read('../outside', 'sites')).toBeUndefined();
    expect(existsSync(join(dir, 'outside.sites.json'))).toBe(false);
    expect(existsSync(join(dir, 'inside'))).toBe(false);
  });

  it('notes a folder it cannot write to instead of failing the call', () => {
    writeFileSync(join(dir, 'taken'), 'a file where the folder should be');
    diskPickerCache(join(dir, 'taken'), note).write(ID, 'employees', SITES);
    expect(notes).toEqual([expect.stringMatching(/^pickers\.cache_unwritable employees E[A-Z]+$/)]);
  });

  it('forgets every list of one account and no other', () => {
    const cache = diskPickerCache(dir, note);
    const other = '0b5e2c4a-7d0f-4c1e-8a9b-2f3d4e5f6a7b';
    cache.write(ID, 'sites', SITES);
    cache.write(ID, 'employees', SITES);
    cache.write(other, 'sites', SITES);
    cache.forget(ID);
    expect(readdirSync(dir)).toEqual([`${other}.sites.json`]);
  });
});
