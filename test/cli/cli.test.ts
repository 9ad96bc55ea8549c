import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../main/cli.ts';
import { MappingSchema } from '../../main/mapping/model.ts';
import { generateChats, writeWorkbook, STAFF } from '../fixtures/chats.ts';

let dir: string;
let clean: string;
let broken: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-'));
  clean = join(dir, 'clean.xlsx');
  writeFileSync(clean, writeWorkbook(generateChats({ chats: 30, seed: 1, layout: 'messages-by-key', language: 'en', headers: 'en' }), 'xlsx'));
  broken = join(dir, 'broken.csv');
  const planted = generateChats({ chats: 30, seed: 2, layout: 'messages-by-key', language: 'en', headers: 'en', plant: ['invalid_phone', 'future_date'] });
  writeFileSync(broken, writeWorkbook(planted, 'csv'));
  writeFileSync(join(dir, 'employees.json'), JSON.stringify(STAFF));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chat-importer inspect', () => {
  it('prints a suggested mapping that is itself a valid mapping file', async () => {
    const { code, out } = await cli('inspect', clean, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sheets[0]).toMatchObject({ name: expect.any(String) });
    expect(report.columns.length).toBeGreaterThan(5);
    const mappingFile = join(dir, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify(report.mapping));
    expect(MappingSchema.safeParse(report.mapping).success).toBe(true);
    const validated = await cli('validate', clean, '--mapping', mappingFile, '--set', 'site_id=9', '--employees', join(dir, 'employees.json'), '--json');
    expect(JSON.parse(validated.out).mapping).toMatchObject({ chat: { site_id: { kind: 'constant', value: 9 } } });
    const reportFile = join(dir, 'inspect.json');
    writeFileSync(reportFile, out);
    const fromReport = await cli('validate', clean, '--mapping', reportFile, '--set', 'site_id=9', '--employees', join(dir, 'employees.json'), '--json');
    expect(fromReport.code).toBe(0);
  });
});

describe('chat-importer validate', () => {
  it('exits 0 when every chat is valid, and writes the batches', async () => {
    const out = join(dir, 'batches');
    const { code, out: json } = await cli('validate', clean, '--set', 'site_id=9', '--employees', join(dir, 'employees.json'), '--emit-batches', out, '--json');
    const report = JSON.parse(json);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(report.counts).toMatchObject({ chats: 30, validChats: 30 });
    const first = JSON.parse(readFileSync(join(out, 'batch-0001.json'), 'utf8'));
    expect(first.chats).toHaveLength(30);
  });

  it('exits 1 and lists findings with rows when data problems are found', async () => {
    const { code, out } = await cli('validate', broken, '--set', 'site_id=9', '--employees', join(dir, 'employees.json'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const found = new Set(report.findings.map((f: { code: string }) => f.code));
    expect(found).toContain('phone.invalid');
    expect(found).toContain('date.future');
    for (const f of report.findings) expect(f.rows.length).toBeGreaterThan(0);
  });

  it('prints people-readable output in Russian on request', async () => {
    const { out } = await cli('validate', broken, '--set', 'site_id=9', '--lang', 'ru');
    expect(out).toMatch(/чатов/);
    expect(out).toMatch(/строка \d+/);
  });

  it('exits 2 with a clear message for usage and environment errors', async () => {
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('frobnicate', clean)).code).toBe(2);
    const unknownFlag = await cli('validate', clean, '--wat');
    expect(unknownFlag.code).toBe(2);
    const missing = await cli('validate', join(dir, 'missing.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('missing.xlsx');
    const badSet = await cli('validate', clean, '--set', 'colour=red');
    expect(badSet.code).toBe(2);
    expect(badSet.err).toContain('colour');
    const badZone = await cli('validate', clean, '--tz', 'Mars/Olympus');
    expect(badZone.err).toContain('Mars/Olympus');
    writeFileSync(join(dir, 'bad-mapping.json'), '{"version": 3}');
    const badMapping = await cli('validate', clean, '--mapping', join(dir, 'bad-mapping.json'));
    expect(badMapping.code).toBe(2);
    expect(badMapping.err).toContain('bad-mapping.json');
  });
});
