import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallGearClient } from '../../main/callgear/client.ts';
import type { Credentials } from '../../main/callgear/auth.ts';
import { manualClock, startSandbox, type Sandbox, type SandboxOptions } from '../../main/sandbox/index.ts';
import type { Clock } from '../../main/upload/clock.ts';
import type { UploadEvent } from '../../main/upload/events.ts';
import { Journal } from '../../main/upload/journal.ts';
import type { PlannedChat } from '../../main/upload/plan.ts';
import { UploadRun, type RunEnd, type RunOptions } from '../../main/upload/runner.ts';
import { IDENTITY } from './chats.ts';

/** The sandbox's reference site and an employee, so generated chats are valid there. */
export const SANDBOX_SITE = 9;
export const SANDBOX_EMPLOYEE = 3101;

/**
 * A sandbox and a runner sharing one manual clock: the runner's waits (limits, backoff) move the
 * clock instead of sleeping, while requests still travel over real HTTP.
 */
export async function sandboxed(options: SandboxOptions = {}) {
  const time = manualClock(Date.UTC(2025, 0, 10, 9));
  const clock: Clock = {
    now: time.now,
    sleep: async (ms) => {
      time.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  const sandbox: Sandbox = await startSandbox({ clock: time.now, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  const client = (credentials?: Credentials, timeoutMs = 2000) =>
    new CallGearClient({
      endpoint: new URL(sandbox.url),
      credentials: credentials ?? { kind: 'key', accessKey: sandbox.demoKey },
      now: time.now,
      timeoutMs,
      uploadTimeoutMs: timeoutMs,
    });
  const upload = async (chats: readonly PlannedChat[], api: CallGearClient, extra: Partial<RunOptions> = {}) => {
    const events: UploadEvent[] = [];
    const journal = Journal.open(dir, { ...IDENTITY, endpoint: sandbox.url }, time.now);
    if (!journal.ok) throw new Error(journal.error.message.en);
    const run = new UploadRun({ api, journal: journal.value, chats, clock, onEvent: (e) => events.push(e), reconcileDelayMs: 0, random: () => 0.5, ...extra });
    let end: RunEnd;
    try {
      end = await run.run();
    } finally {
      journal.value.close();
    }
    return { end, events, summary: run.summary() };
  };
  return { sandbox, time, clock, client, upload, dir };
}

/**
 * Lost and duplicated chats: every planned chat must be in the sandbox exactly once, compared by
 * content, and nothing else may be there.
 */
export function tally(sandbox: Sandbox, chats: readonly PlannedChat[], rejectedKeys: ReadonlySet<string> = new Set()) {
  const stored = new Map<string, number>();
  for (const entry of sandbox.store.list()) {
    const key = canonical(entry.chat);
    stored.set(key, (stored.get(key) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  for (const chat of chats) {
    if (rejectedKeys.has(chat.key)) continue;
    const copies = stored.get(canonical(JSON.parse(chat.json.toString('utf8')))) ?? 0;
    if (copies === 0) lost += 1;
    if (copies > 1) duplicated += copies - 1;
  }
  return { lost, duplicated, stored: sandbox.store.count() };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
