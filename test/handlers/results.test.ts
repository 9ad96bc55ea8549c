import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UploadChat } from '../../main/chats/params.ts';
import { CHANNELS, type ReplyOf } from '../../main/contract/channels.ts';
import type { EngineRequest } from '../../main/engine/protocol.ts';
import { handleRequest, type WorkerState } from '../../main/engine/handle.ts';
import type { EnginePort } from '../../main/handlers/ports.ts';
import { resultHandlers } from '../../main/handlers/results.ts';
import { Journal } from '../../main/upload/journal.ts';
import { PLAN_FILE } from '../../main/upload/plan-file.ts';
import { planChat, type PlannedChat } from '../../main/upload/plan.ts';
import type { JournalRecord } from '../../main/upload/records.ts';
import { nodeReportFiles, ReportCache, type ReportFiles } from '../../main/upload/report-cache.ts';
import { IDENTITY, makeChats } from '../upload/chats.ts';
import { writePlanFile } from '../upload/plan-fixture.ts';

const SITE_ERROR = { code: 'api.invalid_parameter_value', message: { en: 'The site 777 does not exist.', ru: 'Сайта 777 не существует.' } };
const ref = (chat: PlannedChat) => ({ k: chat.key, r: chat.rows });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * An import of 1,000 chats (chat i on rows 2i+2 and 2i+3) as its journal and plan record it:
 * 897 accepted, chats 612 and 640 refused for a site that does not exist, 900–949 sent without an
 * answer (unknown), 950–999 never sent, and chat 10 edited after its upload (skipped).
 */
function writeImport(dir: string): PlannedChat[] {
  const chats = makeChats(1000);
  const edited = planChat({ ...(JSON.parse(chats[10]!.json.toString('utf8')) as UploadChat), name: 'Edited later' }, chats[10]!.rows);
  const rejected = [612, 640];
  const third = range(500, 900).filter((i) => !rejected.includes(i));
  const records: JournalRecord[] = [
    { t: 'sent', at: 1, b: 1, chats: range(0, 500).map((i) => ref(chats[i]!)) },
    { t: 'accepted', at: 2, b: 1, ids: range(0, 500).map((i) => 100_000 + i) },
    { t: 'sent', at: 3, b: 2, chats: rejected.map((i) => ref(chats[i]!)) },
    ...rejected.map((i): JournalRecord => ({ t: 'rejected', at: 4, b: 2, chat: ref(chats[i]!), error: SITE_ERROR })),
    { t: 'sent', at: 5, b: 3, chats: third.map((i) => ref(chats[i]!)) },
    { t: 'accepted', at: 6, b: 3, ids: third.map((i) => 100_000 + i) },
    { t: 'sent', at: 7, b: 4, chats: range(900, 950).map((i) => ref(chats[i]!)) },
  ];
  const journal = Journal.open(dir, IDENTITY, () => 0);
  if (!journal.ok) throw new Error(journal.error.message.en);
  for (const record of records) journal.value.append(record);
  journal.value.close();
  const plan = chats.map((chat, i) => (i === 10 ? edited : chat));
  writePlanFile(dir, plan);
  return plan;
}

/** The engine in this thread, on a sheet of 2,000 data rows (rows 2–2001, the rows of the chats). */
function engineOn(state: WorkerState): EnginePort {
  state.table = { file: 'chats.xlsx', sheet: 'Chats', headers: ['Chat', 'Text'], headerRow: 1, rows: range(2, 2002).map((row) => [`chat ${Math.floor(row / 2) - 1}`, `text ${row}`]) };
  const request = (request: EngineRequest) => Promise.resolve(handleRequest(state, request, () => undefined));
  // handleRequest answers every request with that request's reply type, as the worker does.
  return { generation: 0, request: request as EnginePort['request'] };
}

/** Counts what the report reads, to see the cache at work. */
function countingFiles(): ReportFiles & { reads: { journal: number; plan: number } } {
  const reads = { journal: 0, plan: 0 };
  return {
    reads,
    stamp: nodeReportFiles.stamp,
    journal: (dir) => ((reads.journal += 1), nodeReportFiles.journal(dir)),
    plan: (dir) => ((reads.plan += 1), nodeReportFiles.plan(dir)),
  };
}

let dir: string;
let files: ReturnType<typeof countingFiles>;
let handlers: ReturnType<typeof resultHandlers>;

/** Calls a handler as IPC does: the request through the contract, the reply checked against it. */
async function call<K extends 'pageResults' | 'pageFailedRows'>(name: K, request: Record<string, unknown>): Promise<ReplyOf<K>> {
  const handler = handlers[name] as (parsed: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string } }>;
  const reply = await handler(CHANNELS[name].request.parse({ journalDir: dir, ...request }));
  if (!reply.ok) throw new Error(reply.error.code);
  return CHANNELS[name].reply.parse(reply.value) as ReplyOf<K>;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'results-'));
  writeImport(dir);
  files = countingFiles();
  handlers = resultHandlers({ engine: engineOn({ reports: new ReportCache(files) }) });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the per-chat report, a page at a time', () => {
  it('counts every outcome and lists the chats in file order with their CallGear ids', async () => {
    const page = await call('pageResults', { offset: 0, limit: 3, language: 'en' });
    expect(page.counts).toEqual({ accepted: 897, rejected: 2, unknown: 50, skipped: 1, pending: 50 });
    expect(page.total).toBe(1000);
    expect(page.chats).toEqual([
      { rows: [2, 3], outcome: 'accepted', id: 100_000 },
      { rows: [4, 5], outcome: 'accepted', id: 100_001 },
      { rows: [6, 7], outcome: 'accepted', id: 100_002 },
    ]);
  });

  it('pages through a filter by offset, and the last page is short', async () => {
    expect((await call('pageResults', { offset: 500, limit: 2, language: 'en' })).chats.map((c) => c.rows[0])).toEqual([1002, 1004]);
    const pending = await call('pageResults', { offset: 40, limit: 100, outcome: 'pending', language: 'en' });
    expect(pending.total).toBe(50);
    expect(pending.chats.map((c) => c.rows[0])).toEqual(range(990, 1000).map((i) => 2 + 2 * i));
  });

  it('filters by outcome: the refused chats with their error in words, the skipped one with why', async () => {
    const rejected = await call('pageResults', { offset: 0, limit: 100, outcome: 'rejected', language: 'en' });
    expect(rejected.chats).toEqual([612, 640].map((i) => ({ rows: [2 + 2 * i, 3 + 2 * i], outcome: 'rejected', ...SITE_ERROR })));
    const skipped = await call('pageResults', { offset: 0, limit: 100, outcome: 'skipped', language: 'en' });
    expect(skipped.chats).toMatchObject([{ rows: [22, 23], code: 'upload.changed_after_upload' }]);
  });

  it('a number finds the chat on that row, the chat with that id, and errors that mention it', async () => {
    const found = await call('pageResults', { offset: 0, limit: 100, text: '777', language: 'en' });
    expect(found.chats.map((c) => [c.rows[0], c.outcome])).toEqual([[776, 'accepted'], [1226, 'rejected'], [1282, 'rejected']]);
    expect(found.counts).toEqual({ accepted: 1, rejected: 2, unknown: 0, skipped: 0, pending: 0 });
    expect((await call('pageResults', { offset: 0, limit: 100, text: ' 100005 ', language: 'en' })).chats).toEqual([{ rows: [12, 13], outcome: 'accepted', id: 100_005 }]);
  });

  it('words search the error in the language shown, every word must appear, any case', async () => {
    expect((await call('pageResults', { offset: 0, limit: 100, text: 'SITE does', language: 'en' })).total).toBe(2);
    expect((await call('pageResults', { offset: 0, limit: 100, text: 'сайта', language: 'ru' })).total).toBe(2);
    expect((await call('pageResults', { offset: 0, limit: 100, text: 'сайта', language: 'en' })).total).toBe(0);
    expect((await call('pageResults', { offset: 0, limit: 100, text: 'site nowhere', language: 'en' })).total).toBe(0);
  });

  it('reads the journal and the plan once for many pages, and again once the journal grows', async () => {
    for (let offset = 0; offset < 1000; offset += 100) await call('pageResults', { offset, limit: 100, language: 'en' });
    await call('pageResults', { offset: 0, limit: 100, outcome: 'rejected', text: 'site', language: 'ru' });
    expect(files.reads).toEqual({ journal: 1, plan: 1 });

    const journal = Journal.open(dir, IDENTITY, () => 0);
    if (!journal.ok) throw new Error(journal.error.message.en);
    journal.value.append({ t: 'decided', at: 8, k: makeChats(1000).slice(900, 950).map((chat) => chat.key), as: 'uploaded' });
    journal.value.close();
    const after = await call('pageResults', { offset: 0, limit: 1, language: 'en' });
    expect(after.counts).toMatchObject({ accepted: 947, unknown: 0 });
    expect(files.reads).toEqual({ journal: 2, plan: 2 });
  });

  it('without a plan, reports the chats the journal knows', async () => {
    rmSync(join(dir, PLAN_FILE));
    const page = await call('pageResults', { offset: 0, limit: 1, language: 'en' });
    expect(page.counts).toEqual({ accepted: 898, rejected: 2, unknown: 50, skipped: 0, pending: 0 });
  });

  it('a damaged plan or a folder without a journal is a problem in words, not a crash', async () => {
    writeFileSync(join(dir, PLAN_FILE), '{"k":"abc","r":[2,3],"c":{}}\nnot a plan line\n');
    await expect(call('pageResults', { offset: 0, limit: 1, language: 'en' })).rejects.toThrow('plan.corrupt');
    await expect(call('pageResults', { offset: 0, limit: 1, language: 'en', journalDir: join(dir, 'nowhere') })).rejects.toThrow('journal.missing');
  });
});

describe('the rows of the chats that failed, for the review grid', () => {
  it('pages through the rows of the refused chats only, each marked with the refusal', async () => {
    const page = await call('pageFailedRows', { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => [row.row, row.cells])).toEqual([
      [1227, ['chat 612', 'text 1227']],
      [1282, ['chat 640', 'text 1282']],
    ]);
    expect(page.rows[0]!.findings).toEqual([
      {
        code: 'api.invalid_parameter_value',
        severity: 'error',
        rowIndexes: [],
        rows: [1227],
        message: { en: 'In the last upload: The site 777 does not exist.', ru: 'При последней загрузке: Сайта 777 не существует.' },
      },
    ]);
  });

  it('past the last failed row the page is empty', async () => {
    expect(await call('pageFailedRows', { offset: 4, limit: 200 })).toEqual({ total: 4, rows: [] });
  });
});
