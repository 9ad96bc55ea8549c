import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UploadEvent } from '../../main/upload/events.ts';
import { Journal } from '../../main/upload/journal.ts';
import { UploadRun, type RunOptions } from '../../main/upload/runner.ts';
import { IDENTITY, makeChats } from './chats.ts';
import { fakeClock, FakeCallGear, type Fault } from './fake-callgear.ts';

function setup(script?: (call: number) => Fault, dir = mkdtempSync(join(tmpdir(), 'journal-'))) {
  const clock = fakeClock();
  const api = new FakeCallGear(clock, script);
  const events: UploadEvent[] = [];
  const run = (chats: RunOptions['chats'], extra: Partial<RunOptions> = {}) => {
    const journal = Journal.open(dir, IDENTITY, clock.now);
    if (!journal.ok) throw new Error(journal.error.message.en);
    const runner = new UploadRun({ api, journal: journal.value, chats, clock, onEvent: (e) => events.push(e), reconcileDelayMs: 0, random: () => 0.5, ...extra });
    return { runner, done: runner.run().finally(() => journal.value.close()) };
  };
  return { clock, api, events, run, dir, types: () => events.map((e) => e.type) };
}

function expectExactlyOnce(api: FakeCallGear, expected: number) {
  expect(api.stored).toHaveLength(expected);
  expect([...api.copies().values()].every((n) => n === 1)).toBe(true);
}

describe('an upload sends every valid chat once, in batches of at most 500', () => {
  it('1,200 chats go in 3 requests and all are accepted with their CallGear ids', async () => {
    const { api, run, events } = setup();
    const chats = makeChats(1200);
    expect(await run(chats).done).toBe('finished');
    expect(api.uploads).toBe(3);
    expectExactlyOnce(api, 1200);
    const finished = events.at(-1);
    expect(finished).toMatchObject({ type: 'finished', summary: { accepted: 1200, rejected: 0, unknown: 0, pending: 0, requests: 3 } });
    expect(events.filter((e) => e.type === 'batch-accepted').map((e) => (e as { chats: number }).chats)).toEqual([500, 500, 200]);
  });

  it('a second run of the same import sends nothing again', async () => {
    const { api, run } = setup();
    const chats = makeChats(700);
    await run(chats).done;
    await run(chats).done;
    expect(api.uploads).toBe(2);
    expectExactlyOnce(api, 700);
  });

  it('two to four requests in flight still send each chat once', async () => {
    const { api, run } = setup();
    await run(makeChats(2600), { concurrency: 3 }).done;
    expectExactlyOnce(api, 2600);
  });
});

describe('unknown outcomes are reconciled before anything is resent', () => {
  it('a connection cut after CallGear stored the batch: the chats are found, not sent twice', async () => {
    const { api, run, types } = setup((call) => (call === 2 ? 'reset-after' : 'ok'));
    expect(await run(makeChats(1000)).done).toBe('finished');
    expectExactlyOnce(api, 1000);
    expect(types()).toContain('outcome-unknown');
    expect(types()).toContain('reconciled');
    expect(api.uploads).toBe(2);
  });

  it('a connection cut before CallGear stored anything: the chats are not found and sent again', async () => {
    const { api, run, events } = setup((call) => (call === 1 ? 'reset-before' : 'ok'));
    await run(makeChats(600)).done;
    expectExactlyOnce(api, 600);
    expect(events.find((e) => e.type === 'reconciled')).toMatchObject({ found: 0, missing: 500 });
  });

  it('when the report cannot be read, the run stops and names the chats in doubt by their rows', async () => {
    const { api, run, events } = setup((call) => (call === 1 ? 'reset-after' : 'ok'));
    api.reportError = {
      kind: 'api', code: 'api.forbidden', method: 'get.chats_report', mnemonic: 'forbidden', rpcCode: -32003, action: 'user',
      outcome: 'not-processed', message: { en: 'no right', ru: 'нет права' }, serverMessage: 'Permission denied', params: {},
    };
    expect(await run(makeChats(10)).done).toBe('needs-decision');
    const decision = events.find((e) => e.type === 'needs-decision');
    expect(decision).toMatchObject({ chats: expect.arrayContaining([{ key: expect.any(String), rows: [2, 3] }]) });
    expect(api.uploads).toBe(1);
  });
});

describe('data errors are pinned to the chat and its rows; the rest is sent', () => {
  it('the API names the chat index: that chat is rejected, the others accepted', async () => {
    const { api, run, events } = setup(() => ({ invalidChat: 0, withIndex: true }));
    await run(makeChats(50, { invalid: [7] })).done;
    expectExactlyOnce(api, 49);
    expect(events.find((e) => e.type === 'chat-rejected')).toMatchObject({ rows: [16, 17], error: { code: 'api.invalid_parameter_value', field: 'chats.7.messages.0.message' } });
  });

  it('no index in the error: the batch is halved until the bad chats stand alone', async () => {
    const { api, run, events } = setup(() => ({ invalidChat: 0, withIndex: false }));
    await run(makeChats(64, { invalid: [5, 40] })).done;
    expectExactlyOnce(api, 62);
    expect(events.filter((e) => e.type === 'chat-rejected').map((e) => (e as { rows: number[] }).rows)).toEqual([[12, 13], [82, 83]]);
  });
});

describe('an error that refuses every chat stops the run instead of spending a request or two per chat', () => {
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);

  it.each([false, true])('stops after 10 chats refused alike, none accepted, the rest not sent (index given: %s)', async (withIndex) => {
    const { api, run, events } = setup(() => ({ invalidChat: 0, withIndex }));
    expect(await run(makeChats(500, { invalid: all(500) })).done).toBe('stopped');
    expect(events.filter((e) => e.type === 'chat-rejected')).toHaveLength(10);
    expect(api.uploads).toBeLessThan(40);
    expect(api.stored).toHaveLength(0);
    const stopped = events.at(-1);
    expect(stopped).toMatchObject({ type: 'stopped', error: { code: 'upload.same_refusal' } });
    expect((stopped as { error: { message: { en: string; ru: string } } }).error.message.en).toContain('refused 10 chats in a row with the same error');
  });

  it('goes on when the refused chats are spread among good ones, each costing one request', async () => {
    const { api, run, events } = setup(() => ({ invalidChat: 0, withIndex: true }));
    const invalid = all(600).filter((i) => i % 40 === 3);
    expect(await run(makeChats(600, { invalid })).done).toBe('finished');
    expect(events.filter((e) => e.type === 'chat-rejected')).toHaveLength(invalid.length);
    expectExactlyOnce(api, 600 - invalid.length);
  });
});

describe('limits, retries and errors for the person', () => {
  it('limit_exceeded for the minute waits out the window and resends the same batch', async () => {
    const { api, run, events, clock } = setup((call) => (call === 1 ? 'limit-minute' : 'ok'));
    await run(makeChats(20)).done;
    expectExactlyOnce(api, 20);
    expect(events.find((e) => e.type === 'waiting')).toMatchObject({ reason: 'minute-limit' });
    expect(clock.slept).toContain(60_000);
  });

  it('a day budget too small pauses with "resumes at"', async () => {
    const { api, run, events } = setup();
    api.limits.end('get.account', api.limits.begin('get.account'), { minute: {}, day: { limit: 1000, remaining: 0, resetSeconds: 7200 } }, true);
    await run(makeChats(5)).done;
    const waiting = events.find((e) => e.type === 'waiting');
    expect(waiting).toMatchObject({ reason: 'day-limit' });
    expect((waiting as { message: { en: string } }).message.en).toMatch(/resumes at \d\d:\d\d:\d\d UTC/);
    expectExactlyOnce(api, 5);
  });

  it('a server fault is retried with growing waits; past the retry budget the run stops', async () => {
    const { api, run, clock, types } = setup(() => 'internal');
    expect(await run(makeChats(3), { maxRetries: 3 }).done).toBe('stopped');
    expect(api.uploads).toBe(4);
    expect(clock.slept).toEqual([1000, 2000, 4000].map((ms) => ms * 0.75));
    expect(types().at(-1)).toBe('stopped');
  });

  it('a refused connection is retried: nothing reached CallGear', async () => {
    const { api, run } = setup((call) => (call <= 2 ? 'refused' : 'ok'));
    expect(await run(makeChats(3)).done).toBe('finished');
    expectExactlyOnce(api, 3);
  });

  it('an error for the person (IP not whitelisted) stops the run at once', async () => {
    const { api, run, events } = setup(() => 'ip');
    expect(await run(makeChats(600)).done).toBe('stopped');
    expect(api.uploads).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'stopped', error: { code: 'api.ip_not_whitelisted' } });
  });
});

describe('pause, resume and cancel', () => {
  it('cancel lets the request in flight finish and keeps its outcome', async () => {
    const { api, run } = setup();
    const chats = makeChats(1500);
    const { runner, done } = run(chats);
    const original = api.uploadChats.bind(api);
    api.uploadChats = async (json, count) => {
      runner.cancel();
      return original(json, count);
    };
    expect(await done).toBe('cancelled');
    expect(api.stored).toHaveLength(500);
    api.uploadChats = original;
    expect(await run(chats).done).toBe('finished');
    expectExactlyOnce(api, 1500);
  });

  it('pause holds the next batch until resume', async () => {
    const { api, run, types } = setup();
    const { runner, done } = run(makeChats(1000));
    runner.pause();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.uploads).toBe(0);
    runner.resume();
    expect(await done).toBe('finished');
    expect(types()).toEqual(expect.arrayContaining(['paused', 'resumed', 'finished']));
  });
});

describe('the journal', () => {
  it('records each request before it is sent and its reply after', async () => {
    const { run, dir } = setup();
    await run(makeChats(3)).done;
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(lines.map((l) => l.t)).toEqual(['open', 'run', 'sent', 'accepted', 'run']);
  });

  it('a chat edited after it was uploaded is not sent again', async () => {
    const { api, run } = setup();
    const chats = makeChats(3);
    await run(chats).done;
    const edited = makeChats(3, { seed: 500 });
    await run(edited).done;
    expect(api.stored).toHaveLength(3);
  });
});
