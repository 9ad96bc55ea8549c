import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineClient } from '../../main/engine/client.ts';
import { UploadChatSchema } from '../../main/chats/params.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';

let dir: string;
let engine: EngineClient;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'engine-'));
  engine = new EngineClient({ maxHeapMb: 1024 });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('the engine worker', () => {
  it('reads, suggests, validates and writes batches off the main thread, reporting progress', async () => {
    const generated = generateChats({ chats: 1200, seed: 3, layout: 'messages-by-key', language: 'ru', headers: 'ru' });
    const file = join(dir, 'chats.csv');
    writeFileSync(file, writeWorkbook(generated, 'csv', { encoding: 'windows-1251', delimiter: ';' }));

    const stages = new Set<string>();
    const opened = must(await engine.request({ type: 'open', path: file }, (stage) => stages.add(stage)));
    expect(opened.text).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
    const table = must(await engine.request({ type: 'table' }));
    expect(table.rowCount).toBe(generated.rows.length);
    const mapping = { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, site_id: { kind: 'constant' as const, value: 5 } } };
    const summary = must(await engine.request({ type: 'validate', mapping, employees: [], now: Date.UTC(2030, 0, 1) }));
    expect(summary.chatCount).toBe(1200);
    const written = must(await engine.request({ type: 'emitBatches', dir: join(dir, 'batches') }));
    expect(written.chats).toBe(summary.validChats);
    expect(readdirSync(join(dir, 'batches')).sort()).toEqual(written.files);
    for (const name of written.files) {
      const { chats } = JSON.parse(readFileSync(join(dir, 'batches', name), 'utf8')) as { chats: unknown[] };
      expect(chats.length).toBeLessThanOrEqual(500);
      for (const chat of chats) expect(UploadChatSchema.safeParse(chat).success).toBe(true);
    }
    expect(stages.has('reading')).toBe(true);
  });

  it('answers a missing or corrupt file with a problem naming it, and keeps serving', async () => {
    const missing = await engine.request({ type: 'open', path: join(dir, 'nope.xlsx') });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message.en).toContain('nope.xlsx');
    const garbage = join(dir, 'garbage.xlsx');
    writeFileSync(garbage, Buffer.from('this is not a workbook at all, just text'));
    const bad = await engine.request({ type: 'open', path: garbage });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message.ru).toContain('garbage.xlsx');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Phone;Text\n+79991234567;hello\n');
    const reopened = await engine.request({ type: 'open', path: good });
    expect(reopened.ok).toBe(true);
  });
});

describe('an engine worker that runs out of memory', () => {
  it('says which file was too big, and the next file opens in a fresh worker', async () => {
    const small = new EngineClient({ maxHeapMb: 48 });
    try {
      const big = join(dir, 'big.csv');
      const lines = Array.from({ length: 600_000 }, (_, i) => `+7999${String(i).padStart(7, '0')};message number ${i} of a long history`);
      writeFileSync(big, `Phone;Text\n${lines.join('\n')}\n`);
      const refused = await small.request({ type: 'open', path: big });
      expect(refused).toMatchObject({ ok: false, error: { code: 'engine.out_of_memory', file: 'big.csv' } });
      if (!refused.ok) expect(refused.error.message.ru).toContain('«big.csv»');

      const good = join(dir, 'after.csv');
      writeFileSync(good, 'Phone;Text\n+79991234567;hello\n');
      expect(must(await small.request({ type: 'open', path: good })).sheets).toHaveLength(1);
      expect(must(await small.request({ type: 'table' })).rowCount).toBe(1);
    } finally {
      await small.close();
    }
  });
});
