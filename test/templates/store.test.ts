import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAST_IMPORTS, TEMPLATES_FILE_NAME } from '../../main/templates/model.ts';
import { TemplateStore } from '../../main/templates/store.ts';
import { JIVO_HEADERS, jivoMapping } from './mappings.ts';

let dir: string;
let clock: number;
let ids: number;

function store(): TemplateStore {
  return new TemplateStore({ file: join(dir, TEMPLATES_FILE_NAME), now: () => clock, newId: () => `t${++ids}` });
}

function saved<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'templates-'));
  clock = Date.parse('2026-05-12T10:00:00Z');
  ids = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the template store', () => {
  it('starts empty without a file, and keeps a saved template across instances with its mapping, headers and dates', () => {
    expect(store().list()).toEqual({ templates: [] });
    const template = saved(store().save({ name: '  Jivo export ', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    expect(template).toMatchObject({ name: 'Jivo export', createdAt: '2026-05-12T10:00:00.000Z', updatedAt: '2026-05-12T10:00:00.000Z' });
    const again = store().list().templates;
    expect(again).toEqual([template]);
    expect(again[0]?.mapping).toEqual(jivoMapping());
    expect(again[0]?.headers).toEqual(JIVO_HEADERS);
  });

  it('refuses a second template with the same name, whatever its case', () => {
    saved(store().save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    const clash = store().save({ name: 'JIVO EXPORT', mapping: jivoMapping(), headers: JIVO_HEADERS });
    expect(clash).toMatchObject({ ok: false, error: { code: 'template.name_taken' } });
    expect(store().list().templates).toHaveLength(1);
  });

  it('renames a template, moving its updated date, and refuses a name another template has', () => {
    const jivo = saved(store().save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    saved(store().save({ name: 'Talk-Me', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    clock += 60_000;
    const renamed = saved(store().rename(jivo.id, 'Jivo, May'));
    expect(renamed).toMatchObject({ name: 'Jivo, May', createdAt: jivo.createdAt, updatedAt: '2026-05-12T10:01:00.000Z' });
    expect(store().rename(jivo.id, 'talk-me')).toMatchObject({ ok: false, error: { code: 'template.name_taken' } });
    expect(store().list().templates.map((t) => t.name)).toEqual(['Jivo, May', 'Talk-Me']);
  });

  it('deletes a template, and says so when it is already gone', () => {
    const jivo = saved(store().save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    expect(store().remove(jivo.id)).toEqual({ ok: true, value: undefined });
    expect(store().list().templates).toEqual([]);
    expect(store().remove(jivo.id)).toMatchObject({ ok: false, error: { code: 'template.not_found' } });
  });

  it('exports a template to a file and imports it elsewhere, renaming it if the name is taken', () => {
    const jivo = saved(store().save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    const file = join(dir, 'jivo.json');
    expect(store().exportTo(jivo.id, file)).toEqual({ ok: true, value: undefined });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'chat-importer-template', version: 1, template: { name: 'Jivo export' } });

    const elsewhere = new TemplateStore({ file: join(dir, 'other', TEMPLATES_FILE_NAME), now: () => clock, newId: () => 'elsewhere' });
    const imported = saved(elsewhere.importFrom(file));
    expect(imported).toEqual({ ...jivo, id: 'elsewhere' });
    expect(saved(store().importFrom(file)).name).toBe('Jivo export (2)');
  });

  it('refuses to import a template made by a newer app, saying so', () => {
    const file = join(dir, 'newer.json');
    writeFileSync(file, JSON.stringify({ format: 'chat-importer-template', version: 2, template: {} }));
    const refused = store().importFrom(file);
    expect(refused).toMatchObject({ ok: false, error: { code: 'template.newer_version' } });
    if (!refused.ok) expect(refused.error.message.en).toContain('newer Chat Importer');
    expect(store().list().templates).toEqual([]);
  });

  it('refuses an import that is not a template, or one with an invalid mapping, naming the field', () => {
    const notOne = join(dir, 'chats.json');
    writeFileSync(notOne, '[1, 2, 3]');
    expect(store().importFrom(notOne)).toMatchObject({ ok: false, error: { code: 'template.invalid' } });
    const broken = join(dir, 'broken.json');
    const at = '2026-05-12T10:00:00.000Z';
    const template = { name: 'Broken', mapping: { ...jivoMapping(), layout: { kind: 'sideways' } }, headers: JIVO_HEADERS, createdAt: at, updatedAt: at };
    writeFileSync(broken, JSON.stringify({ format: 'chat-importer-template', version: 1, template }));
    const refused = store().importFrom(broken);
    expect(refused).toMatchObject({ ok: false, error: { code: 'template.invalid' } });
    if (!refused.ok) expect(refused.error.message.en).toContain('template.mapping.layout');
  });

  it('keeps a damaged store aside, reports it, and starts a new one without crashing', () => {
    const file = join(dir, TEMPLATES_FILE_NAME);
    writeFileSync(file, '{"version": 1, "templates": [');
    const templates = store();
    const listing = templates.list();
    expect(listing.templates).toEqual([]);
    expect(listing.problem).toMatchObject({ code: 'template.store_damaged' });
    const aside = readdirSync(dir).filter((name) => name.startsWith('templates.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version": 1, "templates": [');
    saved(templates.save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS }));
    expect(store().list()).toMatchObject({ templates: [{ name: 'Jivo export' }] });
  });

  it('leaves a store written by a newer app untouched and refuses to change it', () => {
    const file = join(dir, TEMPLATES_FILE_NAME);
    const newer = JSON.stringify({ version: 2, templates: [], pastImports: [], folders: [] });
    writeFileSync(file, newer);
    expect(store().list()).toMatchObject({ templates: [], problem: { code: 'template.store_newer' } });
    expect(store().save({ name: 'Jivo export', mapping: jivoMapping(), headers: JIVO_HEADERS })).toMatchObject({ ok: false, error: { code: 'template.store_newer' } });
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('remembers past imports newest first, one per header row, and only so many', () => {
    const templates = store();
    saved(templates.rememberImport({ headers: JIVO_HEADERS, mapping: jivoMapping(), file: 'april.xlsx' }));
    for (let i = 0; i < MAX_PAST_IMPORTS + 5; i++) {
      clock += 1000;
      saved(templates.rememberImport({ headers: [`Column ${i}`], mapping: jivoMapping(), file: `other-${i}.csv` }));
    }
    clock += 1000;
    saved(templates.rememberImport({ headers: [...JIVO_HEADERS], mapping: jivoMapping(), file: 'may.xlsx' }));
    const candidates = saved(templates.candidates());
    expect(candidates).toHaveLength(MAX_PAST_IMPORTS);
    expect(candidates[0]).toMatchObject({ kind: 'past', past: { file: 'may.xlsx' } });
    expect(candidates.filter((c) => c.kind === 'past' && c.past.headers[0] === 'Chat ID')).toHaveLength(1);
    expect(existsSync(join(dir, TEMPLATES_FILE_NAME))).toBe(true);
  });
});
