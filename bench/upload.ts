/**
 * Upload benchmark: planning 100k chats, and chats per second end to end against the sandbox
 * (no latency; 200 ms latency at concurrency 1, 2, 4; and under a minute budget that binds).
 * Part of `npm run bench` (skip with `--no-upload`); alone: `npx tsx bench/upload.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallGearClient } from '../main/callgear/client.ts';
import { startSandbox, type SandboxOptions } from '../main/sandbox/index.ts';
import { systemClock } from '../main/upload/clock.ts';
import { Journal } from '../main/upload/journal.ts';
import type { UploadChat } from '../main/chats/params.ts';
import { chatsJson, packBatches, planChat, type PlannedChat } from '../main/upload/plan.ts';
import { UploadRun } from '../main/upload/runner.ts';
import { IDENTITY, makeChats } from '../test/upload/chats.ts';

const SITE = 9;
const EMPLOYEE = 3101;

/** Hashing, serialising and packing 100k chats the engine has built (building them is the engine's bench). */
function planning(count: number): { ms: number; chats: PlannedChat[] } {
  const built = makeChats(count, { site: SITE, employee: EMPLOYEE }).map((chat) => ({ chat: JSON.parse(chat.json.toString('utf8')) as UploadChat, rows: chat.rows }));
  const started = performance.now();
  const chats = built.map(({ chat, rows }) => planChat(chat, rows));
  let bytes = 0;
  for (const batch of packBatches(chats, { maxChats: 500, maxBytes: 512 * 1024 })) bytes += chatsJson(batch).length;
  const ms = performance.now() - started;
  if (bytes === 0) throw new Error('nothing planned');
  return { ms, chats };
}

async function endToEnd(chats: readonly PlannedChat[], sandboxOptions: SandboxOptions, concurrency: number) {
  const sandbox = await startSandbox(sandboxOptions);
  const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
  const journal = Journal.open(dir, { ...IDENTITY, endpoint: sandbox.url }, Date.now);
  if (!journal.ok) throw new Error(journal.error.message.en);
  const api = new CallGearClient({ endpoint: new URL(sandbox.url), credentials: { kind: 'key', accessKey: sandbox.demoKey } });
  let waitedMs = 0;
  const run = new UploadRun({
    api,
    journal: journal.value,
    chats,
    clock: systemClock,
    concurrency,
    onEvent: (event) => {
      if (event.type === 'waiting') waitedMs += Math.max(0, event.until - Date.now());
    },
  });
  const started = performance.now();
  const end = await run.run();
  const seconds = (performance.now() - started) / 1000;
  journal.value.close();
  const stored = sandbox.store.count();
  await sandbox.close();
  if (end !== 'finished' || stored !== chats.length) throw new Error(`upload ended ${end} with ${stored} of ${chats.length} stored`);
  return { chats: chats.length, concurrency, seconds: +seconds.toFixed(2), chatsPerSecond: Math.round(chats.length / seconds), requests: run.summary().requests, waitedSeconds: +(waitedMs / 1000).toFixed(1) };
}

const unlimited = { perMinute: 10_000_000, perDay: 1_000_000_000 };

export async function uploadBench(): Promise<Record<string, unknown>[]> {
  const plan = planning(100_000);
  const rows: Record<string, unknown>[] = [{ case: 'plan + serialise 100k chats', ms: Math.round(plan.ms), target: '≤ 2000 ms' }];
  const some = plan.chats.slice(0, 50_000);
  rows.push({ case: 'sandbox, no latency', ...(await endToEnd(some, { limits: unlimited }, 1)), target: '≥ 5000 chats/s' });
  for (const concurrency of [1, 2, 4]) {
    rows.push({ case: 'sandbox, 200 ms latency', ...(await endToEnd(some.slice(0, 20_000), { limits: unlimited, faults: { latencyMs: 200 } }, concurrency)) });
  }
  // 10 requests a minute: the API's budget, not the client, sets the pace.
  const bound = { perMinute: 100, perDay: 1_000_000, uploadWeight: 10 };
  for (const concurrency of [1, 4]) {
    rows.push({ case: 'sandbox, 200 ms latency, 100 points/min (10 requests)', ...(await endToEnd(some.slice(0, 7_500), { limits: bound, faults: { latencyMs: 200 } }, concurrency)) });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await uploadBench()) console.log(JSON.stringify(row));
}
