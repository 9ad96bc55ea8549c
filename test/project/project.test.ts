import { appendFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MappingSchema } from '../../main/mapping/model.ts';
import { checkSource, isProjectPath, PROJECT_VERSION, ProjectSchema, readProject, sourceOf, writeProject, type Project } from '../../main/project/index.ts';

let dir: string;
let source: string;
let n = 0;
const fresh = (name = 'p') => join(dir, `${name}-${++n}.chatimport`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'project-'));
  source = join(dir, 'chats.csv');
  writeFileSync(source, 'Chat ID,Phone,Text\n1,+79991234567,Hello\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project with something in every part, so every field takes part in the checks. */
async function sample(path = source): Promise<Project> {
  const found = await sourceOf(path);
  if (!found.ok) throw new Error(found.error);
  return {
    version: PROJECT_VERSION,
    source: found.value,
    sheet: 'chats',
    headerRow: 1,
    text: { encoding: 'utf-8', delimiter: ',' },
    mapping: MappingSchema.parse({
      version: 1,
      layout: { kind: 'messages-by-key', chatKey: 'Chat ID' },
      chat: { phone: { kind: 'column', column: 'Phone' }, site_id: { kind: 'constant', value: 9 } },
      message: { message: { kind: 'column', column: 'Text' } },
      options: { fileTimeZone: 'Europe/Moscow', valueMaps: { status: { Закрыт: 'lost', Closed: 'lost' } }, employees: { 'Анна С.': 7, 'Bob K.': 8 } },
    }),
    employees: [{ id: 7, full_name: 'Анна Смирнова', email: 'anna@example.com' }],
    edits: [{ row: 2, column: 1, value: '+7 999 123-45-67' }],
    excluded: [5, 3],
    account: 'Магазин',
    journal: join(dir, 'journal'),
    savedAt: '2024-05-01T10:00:00.000Z',
  };
}

function written(project: unknown, path = fresh()): string {
  writeFileSync(path, JSON.stringify(project));
  return path;
}

function refusal(path: string) {
  const read = readProject(path);
  if (read.ok) throw new Error(`${path} was accepted`);
  return read.error;
}

describe('a project file round trip', () => {
  it('reads back what was written, and writes it again byte for byte', async () => {
    const first = fresh();
    expect(writeProject(first, await sample()).ok).toBe(true);
    const read = readProject(first);
    if (!read.ok) throw new Error(read.error.message.en);
    const second = fresh();
    expect(writeProject(second, read.value).ok).toBe(true);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    expect(read.value).toMatchObject({ account: 'Магазин', edits: [{ row: 2, column: 1 }], excluded: [3, 5] });
  });

  it('is pretty JSON with one spelling: map keys sorted, excluded rows sorted and unique', async () => {
    const project = await sample();
    const reordered: Project = {
      ...project,
      mapping: { ...project.mapping, options: { ...project.mapping.options, employees: { 'Bob K.': 8, 'Анна С.': 7 } } },
      excluded: [3, 5, 3],
    };
    const [a, b] = [fresh(), fresh()];
    writeProject(a, project);
    writeProject(b, reordered);
    const bytes = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(bytes);
    expect(bytes.startsWith('{\n  "version": 2,\n  "source": {\n')).toBe(true);
    expect(bytes.endsWith('}\n')).toBe(true);
  });

  it('writes through a temporary file and leaves none behind', async () => {
    const folder = mkdtempSync(join(dir, 'atomic-'));
    const path = join(folder, 'only.chatimport');
    writeProject(path, await sample());
    writeProject(path, { ...(await sample()), account: 'Другой' });
    expect(readdirSync(folder)).toEqual(['only.chatimport']);
  });

  it('is told apart from a spreadsheet by its extension', () => {
    expect(isProjectPath('/x/March import.ChatImport')).toBe(true);
    expect(isProjectPath('/x/chats.csv')).toBe(false);
  });
});

describe('project versions', () => {
  it('migrates version 1 (the source as loose fields, no edits or exclusions) to version 2', async () => {
    const current = await sample();
    const v1 = {
      version: 1,
      file: source,
      fileSha256: current.source.sha256,
      fileSize: current.source.size,
      sheet: 'chats',
      headerRow: 1,
      delimiter: ';',
      mapping: current.mapping,
      employees: current.employees,
      account: 'Магазин',
      savedAt: '2023-01-02T03:04:05.000Z',
    };
    const read = readProject(written(v1));
    if (!read.ok) throw new Error(read.error.message.en);
    expect(read.value).toEqual({
      version: 2,
      source: current.source,
      sheet: 'chats',
      headerRow: 1,
      text: { delimiter: ';' },
      mapping: current.mapping,
      employees: current.employees,
      edits: [],
      excluded: [],
      account: 'Магазин',
      savedAt: '2023-01-02T03:04:05.000Z',
    });
    const saved = fresh();
    writeProject(saved, read.value);
    expect(JSON.parse(readFileSync(saved, 'utf8')).version).toBe(2);
  });

  it('refuses a newer version, naming the file and both versions', async () => {
    const path = written({ ...(await sample()), version: 3 });
    const error = refusal(path);
    expect(error.code).toBe('project.newer_version');
    expect(error.message.en).toContain(path);
    expect(error.message.en).toMatch(/version 3.*up to version 2/);
    expect(error.message.ru).toMatch(/версии 3.*до 2/);
  });

  it('refuses what is not a project, clearly', () => {
    const garbage = fresh();
    writeFileSync(garbage, 'PK\u0003\u0004 not json');
    expect(refusal(garbage)).toMatchObject({ code: 'project.not_a_project', file: garbage });
    expect(refusal(written([1, 2, 3])).code).toBe('project.not_a_project');
    expect(refusal(written({ version: '2' })).code).toBe('project.not_a_project');
    expect(refusal(join(dir, 'absent.chatimport'))).toMatchObject({ code: 'project.unreadable', message: { en: expect.stringContaining('ENOENT') } });
  });

  it('names the field that is wrong', async () => {
    const error = refusal(written({ ...(await sample()), headerRow: 0 }));
    expect(error).toMatchObject({ code: 'project.invalid', field: 'headerRow' });
    expect(error.message.en).toContain('headerRow');
  });
});

describe('no secret in a project file', () => {
  /** Every object the schema declares, as a path into a project, and every field name. */
  function walk(node: unknown, path: string[], objects: string[][], names: Set<string>): void {
    if (typeof node !== 'object' || node === null) return;
    const schema = node as { type?: string; properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
    if (schema.type === 'object' && schema.properties) {
      objects.push(path);
      for (const [name, child] of Object.entries(schema.properties)) {
        names.add(name);
        walk(child, [...path, name], objects, names);
      }
    }
    if (schema.items) walk(schema.items, [...path, '0'], objects, names);
    for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(option, path, objects, names);
  }
  const objects: string[][] = [];
  const names = new Set<string>();
  walk(z.toJSONSchema(ProjectSchema, { io: 'input', unrepresentable: 'any' }), [], objects, names);

  it('has no field for a key, token, password or other secret', () => {
    expect(names.size).toBeGreaterThan(30);
    expect([...names].filter((name) => /token|secret|passw|credential|access.?key|api.?key|^key$|^auth/i.test(name))).toEqual([]);
  });

  it('refuses a pasted access_token in every object of the file, mapping included', async () => {
    const project = await sample();
    const refused: string[] = [];
    for (const path of objects) {
      const tampered = structuredClone(project) as unknown as Record<string, unknown>;
      const target = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tampered) as Record<string, unknown> | undefined;
      if (target === undefined) continue;
      target.access_token = '4f1c0de5ecret';
      const error = refusal(written(tampered));
      expect(error.code).toBe('project.invalid');
      refused.push(error.field ?? '');
    }
    expect(refused).toContain('access_token');
    expect(refused).toContain('source.access_token');
    expect(refused).toContain('employees.0.access_token');
    expect(refused).toContain('mapping.options.access_token');
    expect(refused).toContain('mapping.chat.phone.access_token');
  });

  it('never writes a project carrying a field it does not know', async () => {
    const path = join(dir, 'never.chatimport');
    const smuggled = { ...(await sample()), password: 'hunter2' } as Project;
    const result = writeProject(path, smuggled);
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'project.invalid', field: 'password' });
    expect(readdirSync(dir)).not.toContain('never.chatimport');
  });
});

describe('the source file', () => {
  it('is the same while its bytes are', async () => {
    const checked = await checkSource(await sample(), 'p.chatimport');
    expect(checked).toEqual({ ok: true, value: { status: 'same', path: source } });
  });

  it('has changed when its bytes have, and the warning names it', async () => {
    const file = join(dir, 'changing.csv');
    writeFileSync(file, 'Chat ID,Text\n1,Hi\n');
    const project = await sample(file);
    appendFileSync(file, '2,Again\n');
    const checked = await checkSource(project, 'p.chatimport');
    if (!checked.ok || checked.value.status !== 'changed') throw new Error('not seen as changed');
    expect(checked.value.size).toBe(project.source.size + 8);
    expect(checked.value.warning).toMatchObject({ code: 'project.source_changed', file });
    expect(checked.value.warning.message.en).toContain(file);
  });

  it('has moved when it is not at its path, and the problem names that path', async () => {
    const file = join(dir, 'moving.csv');
    writeFileSync(file, 'Chat ID,Text\n1,Hi\n');
    const project = await sample(file);
    renameSync(file, join(dir, 'moved-away.csv'));
    const checked = await checkSource(project, 'march.chatimport');
    if (!checked.ok || checked.value.status !== 'moved') throw new Error('not seen as moved');
    expect(checked.value.problem).toMatchObject({ code: 'project.source_missing', file });
    expect(checked.value.problem.message.en).toContain(file);
    expect(checked.value.problem.message.ru).toContain('march.chatimport');
  });
});
