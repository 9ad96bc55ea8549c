import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { JOURNAL_FILE } from '../../main/upload/journal.ts';
import { makeChats } from './chats.ts';
import { SANDBOX_EMPLOYEE, SANDBOX_SITE, tally } from './sandboxed.ts';

const CHATS = 20_000;
const KILLS = 32;
const child = new URL('./kill-child.ts', import.meta.url).pathname;

let sandbox: Sandbox | undefined;
afterAll(async () => sandbox?.close());

/** A seeded generator, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

interface Life {
  killed: boolean;
  end?: string;
  /** The journal's last line when the process died: `sent` means a request was in flight. */
  lastRecord: string;
}

/** Runs the uploader once; kills it with SIGKILL at `killAt` (ms after start, or after a batch is sent). */
function life(args: string[], journalDir: string, kill: { afterSent: number; delayMs: number } | undefined): Promise<Life> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let sent = 0;
    let end: string | undefined;
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { type: string; end?: string };
      if (event.type === 'exit') end = event.end;
      if (event.type === 'batch-sent' && kill !== undefined && ++sent === kill.afterSent) setTimeout(() => proc.kill('SIGKILL'), kill.delayMs);
    });
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL' && end === undefined) reject(new Error(`uploader failed: ${stderr}`));
      const lines = readFileSync(join(journalDir, JOURNAL_FILE), 'utf8').trim().split('\n');
      resolve({ killed: signal === 'SIGKILL', end, lastRecord: (JSON.parse(lines.at(-1) as string) as { t: string }).t });
    });
  });
}

describe('killing the uploader at random moments never loses or duplicates a chat', () => {
  it(`${CHATS.toLocaleString('en')} chats, ${KILLS} SIGKILLs, then a clean finish`, async () => {
    // Latency keeps each request in flight long enough for kills to land between send and reply.
    sandbox = await startSandbox({ faults: { latencyMs: 40 }, limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
    const dir = mkdtempSync(join(tmpdir(), 'kill-'));
    const chats = makeChats(CHATS, { site: SANDBOX_SITE, employee: SANDBOX_EMPLOYEE });
    const plan = join(dir, 'plan.jsonl');
    writeFileSync(plan, chats.map((c) => `{"k":"${c.key}","r":${JSON.stringify(c.rows)},"c":${c.json.toString('utf8')}}\n`).join(''));
    const journalDir = join(dir, 'journal');
    const args = [plan, journalDir, sandbox.url, sandbox.demoKey, '100'];
    const next = random(20261125);
    const lives: Life[] = [];
    for (let i = 0; i < KILLS; i++) {
      lives.push(await life(args, journalDir, { afterSent: 1 + Math.floor(next() * 8), delayMs: Math.floor(next() * 60) }));
    }
    const final = await life(args, journalDir, undefined);
    const figures = {
      chats: CHATS,
      kills: lives.filter((l) => l.killed).length,
      killedWithRequestInFlight: lives.filter((l) => l.killed && l.lastRecord === 'sent').length,
      ...tally(sandbox, chats),
    };
    console.log(`kill test: ${JSON.stringify(figures)}`);
    expect(final.end).toBe('finished');
    expect(figures.kills).toBeGreaterThanOrEqual(30);
    expect(figures.killedWithRequestInFlight).toBeGreaterThan(5);
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, stored: CHATS });
  }, 600_000);
});
