import { describe, expect, it } from 'vitest';
import { call, NOW_UTC, outcome, start, validChat } from './helpers.ts';

type Limits = { day_limit: number; day_remaining: number; day_reset: number; minute_limit: number; minute_remaining: number; minute_reset: number };
const limitsOf = (reply: Awaited<ReturnType<typeof call>>) => reply.result?.metadata?.limits as Limits;

describe('sandbox: limits', () => {
  it('reports both windows, charging only successful calls by method weight', async () => {
    const { sandbox } = await start({ limits: { perMinute: 100, perDay: 1000, uploadWeight: 7 } });
    const key = sandbox.demoKey;
    const first = await call(sandbox.url, 'get.sites', { access_token: key });
    // 12:00:00 Moscow: a fresh minute and 12 hours to local midnight.
    expect(limitsOf(first)).toEqual({ day_limit: 1000, day_remaining: 999, day_reset: 12 * 3600, minute_limit: 100, minute_remaining: 99, minute_reset: 60 });
    const uploaded = await call(sandbox.url, 'upload.chats', { access_token: key, chats: [validChat()] });
    expect(limitsOf(uploaded)).toMatchObject({ minute_remaining: 92, day_remaining: 992 });
    await call(sandbox.url, 'upload.chats', { access_token: key, chats: [validChat(0, { status: 'won' })] });
    await call(sandbox.url, 'get.sites', { access_token: 'bad' });
    const after = await call(sandbox.url, 'get.sites', { access_token: key });
    expect(limitsOf(after)).toMatchObject({ minute_remaining: 91, day_remaining: 991 });
    const login = await call(sandbox.url, 'login.user', { login: 'demo', password: 'demo-password' });
    expect(limitsOf(login)).toMatchObject({ minute_remaining: 91 });
  });

  it('refuses with limit_exceeded (minute) and lets the call through when the window resets', async () => {
    const { sandbox, clock } = await start({ limits: { perMinute: 25, perDay: 1000, uploadWeight: 10 } });
    const send = () => call(sandbox.url, 'upload.chats', { access_token: sandbox.demoKey, chats: [validChat()] });
    expect(outcome(await send())).toBe('ok');
    expect(outcome(await send())).toBe('ok');
    clock.advance(20_000);
    const refused = await send();
    expect(refused.error).toEqual({
      code: -32029,
      message: 'Limit per minute has been exceeded. Value of current limit per minute is 25',
      data: { mnemonic: 'limit_exceeded', params: { limit_type: 'minute', limit_max_value: 25 }, extended_helper: null },
    });
    expect(sandbox.store.count()).toBe(2);
    const probe = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(limitsOf(probe)).toMatchObject({ minute_remaining: 4, minute_reset: 40 });
    clock.advance(40_000);
    expect(outcome(await send())).toBe('ok');
  });

  it('refuses with limit_exceeded (day) until local midnight', async () => {
    const { sandbox, clock } = await start({ limits: { perMinute: 1000, perDay: 3 } });
    for (let i = 0; i < 3; i += 1) expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
    const refused = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(refused.error?.message).toBe('Limit per day has been exceeded. Value of current limit per day is 3');
    expect(refused.error?.data.params).toEqual({ limit_type: 'day', limit_max_value: 3 });
    clock.advance(11 * 3600_000);
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toEqual({ mnemonic: 'limit_exceeded' });
    clock.set(NOW_UTC + 12 * 3600_000);
    const fresh = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(limitsOf(fresh)).toMatchObject({ day_remaining: 2, day_reset: 86_400 });
  });

  it('a budget fault leaves exactly the points given', async () => {
    const { sandbox } = await start({ limits: { perMinute: 100, perDay: 1000 }, faults: { budget: { minute: 10 } } });
    const send = () => call(sandbox.url, 'upload.chats', { access_token: sandbox.demoKey, chats: [validChat()] });
    expect(outcome(await send())).toBe('ok');
    expect(outcome(await send())).toEqual({ mnemonic: 'limit_exceeded' });
    sandbox.setFaults({ budget: { minute: 100, day: 5 } });
    const probe = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(limitsOf(probe)).toMatchObject({ minute_remaining: 99, day_remaining: 4 });
    expect(outcome(await send())).toEqual({ mnemonic: 'limit_exceeded' });
  });
});
