import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_FILE_NAME, RECENT_LIMIT, recentProjects } from '../../main/project/recent.ts';

let dir: string;
let clock: number;
let notes: string[];

const store = () => recentProjects({ folder: dir, now: () => clock, note: (event, detail) => notes.push(`${event}: ${detail}`) });

/** A project file that exists on disk, with its spreadsheet's path. */
function project(name: string): [string, string] {
  const path = join(dir, `${name}.chatimport`);
  writeFileSync(path, '{}');
  return [path, join(dir, `${name}.xlsx`)];
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recent-'));
  clock = Date.parse('2026-03-01T10:00:00Z');
  notes = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the recent projects list', () => {
  it('starts empty, without a note, when nothing was saved or opened yet', () => {
    expect(store().list()).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('lists the newest first, with its date and spreadsheet, and a project used again moves to the top once', () => {
    const recent = store();
    recent.remember(...project('march'));
    clock += 60_000;
    recent.remember(...project('april'));
    clock += 60_000;
    recent.remember(...project('march'));
    expect(store().list()).toEqual([
      { path: join(dir, 'march.chatimport'), name: 'march.chatimport', source: 'march.xlsx', usedAt: '2026-03-01T10:02:00.000Z', exists: true },
      { path: join(dir, 'april.chatimport'), name: 'april.chatimport', source: 'april.xlsx', usedAt: '2026-03-01T10:01:00.000Z', exists: true },
    ]);
  });

  it(`keeps the ${RECENT_LIMIT} most recent`, () => {
    const recent = store();
    for (let i = 1; i <= RECENT_LIMIT + 3; i++) recent.remember(...project(`import-${i}`));
    const names = recent.list().map((p) => p.name);
    expect(names).toHaveLength(RECENT_LIMIT);
    expect(names[0]).toBe(`import-${RECENT_LIMIT + 3}.chatimport`);
    expect(names).not.toContain('import-3.chatimport');
  });

  it('says which project files are gone', () => {
    const recent = store();
    const [path, source] = project('gone');
    recent.remember(path, source);
    rmSync(path);
    expect(recent.list()).toMatchObject([{ name: 'gone.chatimport', exists: false }]);
  });

  it('ignores a list that is not JSON with a note for the log, and starts a new one', () => {
    writeFileSync(join(dir, RECENT_FILE_NAME), '{"version": 1, "projects": [');
    expect(store().list()).toEqual([]);
    expect(notes).toEqual(['recent.ignored: not JSON']);
    store().remember(...project('fresh'));
    expect(JSON.parse(readFileSync(join(dir, RECENT_FILE_NAME), 'utf8'))).toMatchObject({ version: 1, projects: [{ source: 'fresh.xlsx' }] });
  });

  it('ignores a list of the wrong shape with a note naming the field, never the paths in it', () => {
    writeFileSync(join(dir, RECENT_FILE_NAME), JSON.stringify({ version: 1, projects: [{ path: '/home/anna/secret-client.chatimport', usedAt: 'yesterday' }] }));
    expect(store().list()).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^recent\.ignored: projects\.0\./);
    expect(notes[0]).not.toContain('secret-client');
  });
});
