import { afterEach, describe, expect, it } from 'vitest';
import type { Faults } from '../../main/sandbox/index.ts';
import type { UploadEvent } from '../../main/upload/events.ts';
import { makeChats } from './chats.ts';
import { SANDBOX_EMPLOYEE, SANDBOX_SITE, sandboxed, tally } from './sandboxed.ts';

const CHATS = 1200;
const chats = makeChats(CHATS, { site: SANDBOX_SITE, employee: SANDBOX_EMPLOYEE });
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function runWith(faults: Faults, extra: { timeoutMs?: number; invalid?: number[]; midRun?: (e: UploadEvent, setFaults: (f: Faults) => void) => void } = {}) {
  const env = await sandboxed({ faults, limits: { perMinute: 100_000, perDay: 10_000_000 } });
  close = () => env.sandbox.close();
  const planned = extra.invalid ? makeChats(CHATS, { site: SANDBOX_SITE, employee: SANDBOX_EMPLOYEE, invalid: extra.invalid }) : chats;
  const api = env.client(undefined, extra.timeoutMs);
  const events: UploadEvent[] = [];
  const result = await env.upload(planned, api, {
    batchSize: 200,
    onEvent: (e) => {
      events.push(e);
      extra.midRun?.(e, env.sandbox.setFaults);
    },
  });
  const rejected = new Set(extra.invalid?.map((i) => planned[i]!.key));
  return { ...result, events, tally: tally(env.sandbox, planned, rejected), env };
}

describe('every injected fault ends with 0 lost and 0 duplicated, and the report says what happened', () => {
  it.each<[string, Faults, string]>([
    ['HTTP 5xx before processing', { rules: [{ kind: 'http_5xx', method: 'upload.chats', times: 2, skip: 1 }] }, 'outcome-unknown'],
    ['connection reset before processing', { rules: [{ kind: 'reset_before', method: 'upload.chats', times: 2, skip: 1 }] }, 'outcome-unknown'],
    ['connection reset after storing', { rules: [{ kind: 'reset_after', method: 'upload.chats', times: 3, skip: 1 }] }, 'reconciled'],
    ['internal error', { rules: [{ kind: 'internal_error', method: 'upload.chats', times: 2 }] }, 'outcome-unknown'],
    ['random mix of faults', { seed: 7, rules: [{ kind: 'reset_after', method: 'upload.chats', probability: 0.3 }, { kind: 'http_5xx', method: 'upload.chats', probability: 0.2 }] }, 'reconciled'],
  ])('%s', async (_name, faults, expectedEvent) => {
    const run = await runWith(faults);
    expect(run.tally).toEqual({ lost: 0, duplicated: 0, stored: CHATS });
    expect(run.end).toBe('finished');
    expect(run.events.map((e) => e.type)).toContain(expectedEvent);
    expect(run.summary).toMatchObject({ accepted: CHATS, rejected: 0, unknown: 0, pending: 0 });
  });

  it('timeouts: the request hangs, the client gives up, the chats are looked up, none doubled', async () => {
    const run = await runWith({ rules: [{ kind: 'hang', method: 'upload.chats', times: 1, skip: 2 }] }, { timeoutMs: 300 });
    expect(run.tally).toEqual({ lost: 0, duplicated: 0, stored: CHATS });
    expect(run.events.find((e) => e.type === 'outcome-unknown')).toMatchObject({ error: { code: 'transport.timeout' } });
  });

  it('limit_exceeded: the minute budget runs out mid-run, the runner waits and carries on', async () => {
    const run = await runWith({ budget: { minute: 25 } });
    expect(run.tally).toEqual({ lost: 0, duplicated: 0, stored: CHATS });
    expect(run.events.some((e) => e.type === 'waiting' && e.reason === 'minute-limit')).toBe(true);
  });

  it('one invalid chat in a batch: it alone is rejected, against its rows', async () => {
    const run = await runWith({}, { invalid: [345] });
    expect(run.tally).toEqual({ lost: 0, duplicated: 0, stored: CHATS - 1 });
    expect(run.events.filter((e) => e.type === 'chat-rejected')).toEqual([
      expect.objectContaining({ rows: [692, 693], error: expect.objectContaining({ field: expect.stringMatching(/^chats\.\d+\.messages\.1\.employee_id$/) }) }),
    ]);
  });
});

describe('a session that expires mid-run is renewed without losing or doubling a chat', () => {
  it('login and password, sessions expired after the second batch', async () => {
    const env = await sandboxed({ limits: { perMinute: 100_000, perDay: 10_000_000 } });
    close = () => env.sandbox.close();
    const api = env.client({ kind: 'login', login: env.sandbox.credentials.login, password: env.sandbox.credentials.password });
    let accepted = 0;
    const result = await env.upload(chats, api, {
      batchSize: 200,
      onEvent: (e) => {
        if (e.type === 'batch-accepted' && ++accepted === 2) env.sandbox.setFaults({ expireSessions: true });
      },
    });
    expect(result.end).toBe('finished');
    expect(tally(env.sandbox, chats)).toEqual({ lost: 0, duplicated: 0, stored: CHATS });
  });
});
