import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import { apiErrorAnswer, ENDPOINT, fakeApi, type Answer, type SeenRequest } from './fake-api.ts';

const HOUR_S = 3600;

function loginApi(options: { rejectFirstUseOf?: string; expiresInS?: number } = {}) {
  let clock = 1_700_000_000_000;
  let issued = 0;
  const refused = new Set<string>();
  const api = fakeApi((request: SeenRequest): Answer => {
    if (request.method === 'login.user') {
      if (request.params.password !== 'pw-correct-1') return apiErrorAnswer(-32001, 'auth_error', 'Wrong login or password');
      issued += 1;
      return { result: { access_token: `session-${issued}`, expire_at: Math.floor(clock / 1000) + (options.expiresInS ?? HOUR_S), app_id: 5 } };
    }
    const token = String(request.params.access_token);
    if (token === options.rejectFirstUseOf && !refused.has(token)) {
      refused.add(token);
      return apiErrorAnswer(-32001, 'access_token_invalid', 'Invalid access token');
    }
    return { result: [] };
  });
  const client = (password = 'pw-correct-1', userId?: number) =>
    new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'login', login: 'admin@example.test', password }, fetch: api.fetch, now: () => clock, userId });
  return { api, client, advance: (ms: number) => (clock += ms), methods: () => api.seen.map((r) => r.method) };
}

describe('login and password: a session token from login.user, renewed as needed', () => {
  it('logs in once and reuses the token', async () => {
    const { client, methods, api } = loginApi();
    const c = client();
    await c.getSites();
    await c.getCampaigns();
    expect(methods()).toEqual(['login.user', 'get.sites', 'get.campaigns']);
    expect(api.seen[1]!.params.access_token).toBe('session-1');
    expect(api.seen[0]!.params).toEqual({ login: 'admin@example.test', password: 'pw-correct-1' });
  });

  it('renews the token shortly before expire_at', async () => {
    const { client, methods, advance, api } = loginApi();
    const c = client();
    await c.getSites();
    advance((HOUR_S - 30) * 1000);
    await c.getSites();
    expect(methods()).toEqual(['login.user', 'get.sites', 'login.user', 'get.sites']);
    expect(api.seen[3]!.params.access_token).toBe('session-2');
  });

  it('logs in again once after access_token_invalid and repeats the call', async () => {
    const { client, methods } = loginApi({ rejectFirstUseOf: 'session-1' });
    const reply = await client().getSites();
    expect(reply.ok).toBe(true);
    expect(methods()).toEqual(['login.user', 'get.sites', 'login.user', 'get.sites']);
  });

  it('does not loop when a fresh session is refused too', async () => {
    const api = fakeApi((request) =>
      request.method === 'login.user'
        ? { result: { access_token: 'session-x', expire_at: 4_000_000_000 } }
        : apiErrorAnswer(-32001, 'access_token_invalid', 'Invalid access token'),
    );
    const c = new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'login', login: 'a', password: 'pw-correct-1' }, fetch: api.fetch });
    const reply = await c.getSites();
    expect(reply).toMatchObject({ ok: false, error: { mnemonic: 'access_token_invalid', action: 'user' } });
    expect(api.seen.map((r) => r.method)).toEqual(['login.user', 'get.sites', 'login.user', 'get.sites']);
  });

  it('shares one login between concurrent calls', async () => {
    const { client, methods } = loginApi();
    const c = client();
    await Promise.all([c.getSites(), c.getCampaigns(), c.getEmployees()]);
    expect(methods().filter((m) => m === 'login.user')).toHaveLength(1);
  });

  it('a wrong password is auth_error, for the person to fix', async () => {
    const { client } = loginApi();
    expect(await client('wrong-pass').getSites()).toMatchObject({ ok: false, error: { mnemonic: 'auth_error', action: 'user' } });
  });

  it('logout.user ends the session and the next call logs in again', async () => {
    const { client, methods } = loginApi();
    const c = client();
    await c.getSites();
    await c.logout();
    await c.getSites();
    expect(methods()).toEqual(['login.user', 'get.sites', 'logout.user', 'login.user', 'get.sites']);
  });
});

describe('agents act for a customer', () => {
  it('adds user_id to customer methods, not to the account\'s own', async () => {
    const api = fakeApi((request) => (request.method === 'get.account' ? { result: { app_id: 1, name: 'A', timezone: 'Europe/Moscow' } } : { result: [] }));
    const c = new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: 'agent-key-1' }, fetch: api.fetch, userId: 777 });
    await c.getCustomerUsers();
    await c.getAccount();
    await c.getSites();
    await c.getChatsReport({ dateFrom: '2024-01-01 00:00:00', dateTill: '2024-01-02 00:00:00' }, undefined);
    await c.deleteChat(5);
    const userIds = Object.fromEntries(api.seen.map((r) => [r.method, r.params.user_id]));
    expect(userIds).toEqual({ 'get.customer_users': undefined, 'get.account': undefined, 'get.sites': 777, 'get.chats_report': 777, 'delete.chats': 777 });
  });
});
