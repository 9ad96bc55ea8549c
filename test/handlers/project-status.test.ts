import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../main/contract/events.ts';
import type { ProjectStatusView } from '../../main/contract/projects.ts';
import { EngineClient } from '../../main/engine/client.ts';
import { type Handlers } from '../../main/handlers/index.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';
import { call, handlerTable } from './table.ts';

let dir: string;
let engine: EngineClient;
const statuses: ProjectStatusView[] = [];
const chosen: string[] = [];


/** What the page was told last. */
const told = () => statuses.at(-1);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'project-status-'));
  engine = new EngineClient({ maxHeapMb: 1024 });
  const chats = generateChats({ chats: 12, seed: 5, layout: 'messages-by-key', language: 'en', headers: 'en' });
  writeFileSync(join(dir, 'chats.xlsx'), writeWorkbook(chats, 'xlsx'));
  writeFileSync(join(dir, 'other.xlsx'), writeWorkbook(chats, 'xlsx'));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('main tells the page where the import is saved and whether it changed since', () => {
  const app = () => handlers;
  let handlers: Handlers;
  let project: string;

  it('an import not saved yet has unsaved work once it is mapped', async () => {
    handlers = handlerTable({ engine, dir, chosen, emit: (event: AppEvent) => { if (event.type === 'project') statuses.push(event.status); } });
    await call(app(), 'openFile', { path: join(dir, 'chats.xlsx') });
    expect(told()).toEqual({ path: null, unsaved: false });
    const table = await call(app(), 'selectSheet', {});
    await call(app(), 'applyMapping', { mapping: { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant', value: 9 } } } });
    expect(told()).toEqual({ path: null, unsaved: true });
  });

  it('saving names the file and adds it to the recent list; an edit makes it unsaved, the next save saved again', async () => {
    project = (await call(app(), 'saveProject', {}))!.path;
    expect(told()).toEqual({ path: project, unsaved: false });
    expect((await call(app(), 'listRecentProjects', {})).projects).toMatchObject([{ path: project, source: 'chats.xlsx', exists: true }]);
    await call(app(), 'editCell', { row: 3, column: 0, value: 'edited' });
    expect(told()).toEqual({ path: project, unsaved: true });
    await call(app(), 'saveProject', { path: project });
    expect(told()).toEqual({ path: project, unsaved: false });
    const before = statuses.length;
    await call(app(), 'pageRows', { offset: 0, limit: 10 });
    expect(statuses).toHaveLength(before);
  });

  it('another spreadsheet is another import, not a change to the project', async () => {
    await call(app(), 'openFile', { path: join(dir, 'other.xlsx') });
    expect(told()).toEqual({ path: null, unsaved: false });
  });

  it('opening the project is saved as it is, and told again even when nothing differs', async () => {
    await call(app(), 'openProject', { path: project });
    expect(told()).toEqual({ path: project, unsaved: false });
    const before = statuses.length;
    await call(app(), 'openProject', { path: project });
    expect(statuses).toHaveLength(before + 1);
  });

  it('a moved spreadsheet found again leaves the project to be saved with its new place', async () => {
    renameSync(join(dir, 'chats.xlsx'), join(dir, 'moved.xlsx'));
    const fresh = handlerTable({ engine, dir, chosen, emit: (event: AppEvent) => { if (event.type === 'project') statuses.push(event.status); } });
    expect(await call(fresh, 'openProject', { path: project })).toMatchObject({ status: 'moved', missing: join(dir, 'chats.xlsx') });
    chosen.push(join(dir, 'moved.xlsx'));
    const found = await call(fresh, 'chooseSpreadsheet', {});
    expect(found).toEqual({ path: join(dir, 'moved.xlsx') });
    await call(fresh, 'openProject', { path: project, sourcePath: found!.path });
    expect(told()).toEqual({ path: project, unsaved: true });
    expect(await call(fresh, 'chooseSpreadsheet', {})).toBeNull();
  });
});
