import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import { LimitsTracker, parseLimits } from '../../main/callgear/limits.ts';
import { apiErrorAnswer, ENDPOINT, fakeApi } from './fake-api.ts';

const flat = { day_limit: 10000, day_remaining: 9000, day_reset: 3600, minute_limit: 100, minute_remaining: 40, minute_reset: 20 };
const expected = { minute: { limit: 100, remaining: 40, resetSeconds: 20 }, day: { limit: 10000, remaining: 9000, resetSeconds: 3600 } };

describe('limits are read wherever a reply puts them', () => {
  it('flat under result.metadata.limits (documented)', () => {
    expect(parseLimits({ result: { data: [], metadata: { limits: flat } } })).toEqual(expected);
  });

  it('nested per window', () => {
    const nested = { minute: { limit: 100, remaining: 40, reset: 20 }, day: { limit: 10000, remaining: 9000, reset: 3600 } };
    expect(parseLimits({ result: { metadata: { limits: nested } } })).toEqual(expected);
  });

  it('under meta_data, as get.account\'s page prints it', () => {
    expect(parseLimits({ result: { meta_data: { limits: flat } } })).toEqual(expected);
  });

  it('inside an error reply', () => {
    expect(parseLimits({ error: { code: -32029, data: { metadata: { limits: flat } } } })).toEqual(expected);
  });

  it('numbers sent as text', () => {
    expect(parseLimits({ result: { metadata: { limits: { minute_remaining: '5' } } } })).toEqual({ minute: { remaining: 5 }, day: {} });
  });

  it.each([[{ result: { data: [], metadata: {} } }], [{ result: { data: [] } }], [null], [{ result: { metadata: { limits: 'x' } } }]])('absent: %j', (reply) => {
    expect(parseLimits(reply)).toBeUndefined();
  });
});

function tracker() {
  let now = 1_000_000;
  const limits = new LimitsTracker(() => now);
  return { limits, advance: (ms: number) => (now += ms), now: () => now };
}

describe('pacing: how long to wait before the next request of a given weight', () => {
  it('goes when nothing is known yet', () => {
    expect(tracker().limits.pace(10)).toEqual({ kind: 'go' });
  });

  it('waits out the minute window when the minute budget is short, then goes', () => {
    const { limits, advance, now } = tracker();
    limits.end('upload.chats', limits.begin('upload.chats'), parseLimits({ result: { metadata: { limits: { ...flat, minute_remaining: 5 } } } }), true);
    expect(limits.pace(10)).toEqual({ kind: 'wait', window: 'minute', ms: 20_000, until: now() + 20_000 });
    advance(20_000);
    expect(limits.pace(10)).toEqual({ kind: 'go' });
  });

  it('pauses until the daily reset when the day budget is short', () => {
    const { limits, now } = tracker();
    limits.end('upload.chats', limits.begin('upload.chats'), parseLimits({ result: { metadata: { limits: { ...flat, day_remaining: 3 } } } }), true);
    expect(limits.pace(10)).toEqual({ kind: 'pause', window: 'day', ms: 3_600_000, until: now() + 3_600_000 });
  });

  it('counts requests still in flight against the budget', () => {
    const { limits } = tracker();
    limits.end('get.sites', limits.begin('get.sites'), parseLimits({ result: { metadata: { limits: { ...flat, minute_remaining: 15 } } } }), true);
    expect(limits.pace(15)).toEqual({ kind: 'go' });
    limits.begin('upload.chats');
    expect(limits.pace(14)).toEqual({ kind: 'go' });
    expect(limits.pace(15).kind).toBe('wait');
  });

  it('a limit_exceeded without figures waits a minute for the minute window', () => {
    const { limits } = tracker();
    limits.exhausted('minute', undefined);
    expect(limits.pace(1)).toMatchObject({ kind: 'wait', ms: 60_000 });
  });
});

describe('the weight of a method is learned from the deltas between replies', () => {
  it('learns upload.chats\' cost from day_remaining before and after', () => {
    const { limits } = tracker();
    const reply = (day: number) => parseLimits({ result: { metadata: { limits: { ...flat, day_remaining: day } } } });
    limits.end('get.account', limits.begin('get.account'), reply(9000), true);
    limits.end('upload.chats', limits.begin('upload.chats'), reply(8990), true);
    expect(limits.learnedWeight('upload.chats')).toBe(10);
    expect(limits.weightOf('upload.chats')).toBe(10);
  });

  it('does not learn from overlapping requests or from a refused one', () => {
    const { limits } = tracker();
    const reply = (day: number) => parseLimits({ result: { metadata: { limits: { ...flat, day_remaining: day } } } });
    limits.end('get.account', limits.begin('get.account'), reply(9000), true);
    const first = limits.begin('upload.chats');
    const second = limits.begin('upload.chats');
    limits.end('upload.chats', first, reply(8990), true);
    limits.end('upload.chats', second, reply(8980), true);
    expect(limits.learnedWeight('upload.chats')).toBeUndefined();
    limits.end('upload.chats', limits.begin('upload.chats'), reply(8980), false);
    expect(limits.learnedWeight('upload.chats')).toBeUndefined();
  });

  it('the client records limits from every reply, including limit_exceeded', async () => {
    let calls = 0;
    const api = fakeApi(() => {
      calls += 1;
      if (calls === 1) return { result: [], metadata: { limits: { ...flat, minute_remaining: 50 } } };
      if (calls === 2) return { result: [], metadata: { limits: { ...flat, day_remaining: 8999, minute_remaining: 49 } } };
      return { ...apiErrorAnswer(-32029, 'limit_exceeded', 'Limit per minute has been exceeded'), metadata: { limits: { ...flat, minute_remaining: 0, minute_reset: 30 } } };
    });
    const client = new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: 'k-123456' }, fetch: api.fetch });
    await client.getSites();
    await client.getSites();
    expect(client.limits.learnedWeight('get.sites')).toBe(1);
    await client.getSites();
    expect(client.pacing('get.sites')).toMatchObject({ kind: 'wait', window: 'minute' });
  });
});
