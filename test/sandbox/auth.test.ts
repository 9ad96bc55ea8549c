import { describe, expect, it } from 'vitest';
import { call, outcome, start, validChat } from './helpers.ts';

describe('sandbox: keys and sessions', () => {
  it('takes the demo key and refuses a missing, mistyped or unknown one', async () => {
    const { sandbox } = await start();
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
    expect(outcome(await call(sandbox.url, 'get.sites', {}))).toEqual({ mnemonic: 'required_parameter_missed', field: 'access_token' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: 42 }))).toEqual({ mnemonic: 'data_type_error', field: 'access_token' });
    const unknown = await call(sandbox.url, 'get.sites', { access_token: 'not-a-key' });
    expect(unknown.error).toMatchObject({ code: -32001, data: { mnemonic: 'access_token_invalid' } });
    expect(JSON.stringify(unknown)).not.toContain('not-a-key');
  });

  it('logs in with the demo login, and the session works until it expires', async () => {
    const { sandbox, clock } = await start({ sessionLifetimeSeconds: 600 });
    const login = await call(sandbox.url, 'login.user', { login: sandbox.credentials.login, password: sandbox.credentials.password });
    const data = login.result?.data as { access_token: string; expire_at: number; app_id: number };
    expect(data).toEqual({ access_token: expect.any(String), expire_at: Math.floor(clock.now() / 1000) + 600, app_id: 10101 });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: data.access_token }))).toBe('ok');
    clock.advance(599_000);
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: data.access_token }))).toBe('ok');
    clock.advance(1_000);
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: data.access_token }))).toEqual({ mnemonic: 'access_token_invalid' });
  });

  it('sessions last an hour by default', async () => {
    const { sandbox, clock } = await start();
    const login = await call(sandbox.url, 'login.user', { login: 'demo', password: 'demo-password' });
    expect((login.result?.data as { expire_at: number }).expire_at).toBe(Math.floor(clock.now() / 1000) + 3600);
  });

  it('refuses bad credentials with auth_error and never echoes them', async () => {
    const { sandbox } = await start();
    const reply = await call(sandbox.url, 'login.user', { login: 'demo', password: 'guess-Secret-1' });
    expect(reply.error).toMatchObject({ code: -32001, data: { mnemonic: 'auth_error' } });
    expect(JSON.stringify(reply)).not.toContain('guess-Secret-1');
    expect(outcome(await call(sandbox.url, 'login.user', { login: 'demo' }))).toEqual({ mnemonic: 'required_parameter_missed', field: 'password' });
    const typed = await call(sandbox.url, 'login.user', { login: 'demo', password: 12345678 });
    expect(typed.error?.data).not.toHaveProperty('value');
  });

  it('logout.user ends the session', async () => {
    const { sandbox } = await start();
    const login = await call(sandbox.url, 'login.user', { login: 'demo', password: 'demo-password' });
    const token = (login.result?.data as { access_token: string }).access_token;
    const logout = await call(sandbox.url, 'logout.user', { access_token: token });
    expect(logout.result?.data).toEqual({ success: true });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: token }))).toEqual({ mnemonic: 'access_token_invalid' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
  });
});

describe('sandbox: agents act for a customer user', () => {
  it('lists customer users for agents only', async () => {
    const { sandbox } = await start();
    const users = await call(sandbox.url, 'get.customer_users', { access_token: sandbox.agentKey });
    expect(users.result?.data).toEqual([
      expect.objectContaining({ id: 7001, login: 'shop-admin', customer_id: 10101 }),
      expect.objectContaining({ id: 7002, customer_id: 10101 }),
    ]);
    expect(outcome(await call(sandbox.url, 'get.customer_users', { access_token: sandbox.demoKey }))).toEqual({ mnemonic: 'forbidden' });
  });

  it('requires user_id from get.customer_users on customer methods', async () => {
    const { sandbox } = await start();
    const key = sandbox.agentKey;
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: key }))).toEqual({ mnemonic: 'required_parameter_missed', field: 'user_id' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: key, user_id: 9999 }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'user_id' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: key, user_id: '7001' }))).toEqual({ mnemonic: 'data_type_error', field: 'user_id' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: key, user_id: 7001 }))).toBe('ok');
    const upload = await call(sandbox.url, 'upload.chats', { access_token: key, user_id: 7002, chats: [validChat()] });
    expect(outcome(upload)).toBe('ok');
    // Customers may pass user_id; it is unused for them (§2.4).
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey, user_id: 7001 }))).toBe('ok');
  });

  it('agent sessions come from the agent login', async () => {
    const { sandbox } = await start();
    const login = await call(sandbox.url, 'login.user', { login: sandbox.credentials.agentLogin, password: sandbox.credentials.agentPassword });
    const token = (login.result?.data as { access_token: string }).access_token;
    expect(outcome(await call(sandbox.url, 'get.customer_users', { access_token: token }))).toBe('ok');
  });

  it('refuses get.account to agents unless the switch allows it', async () => {
    const { sandbox } = await start();
    expect(outcome(await call(sandbox.url, 'get.account', { access_token: sandbox.agentKey, user_id: 7001 }))).toEqual({ mnemonic: 'forbidden' });
    sandbox.setSwitches({ agentReadsAccount: true });
    expect(outcome(await call(sandbox.url, 'get.account', { access_token: sandbox.agentKey, user_id: 7001 }))).toBe('ok');
  });
});

describe('sandbox: account switches', () => {
  it('ip_not_whitelisted names the refused IP', async () => {
    const { sandbox } = await start({ switches: { ipNotWhitelisted: true } });
    const own = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(own.error).toMatchObject({ code: -32003, message: 'Your IP 127.0.0.1 is not whitelisted', data: { mnemonic: 'ip_not_whitelisted', params: { ip: '127.0.0.1' } } });
    sandbox.setSwitches({ ipNotWhitelisted: '203.0.113.7' });
    expect((await call(sandbox.url, 'login.user', { login: 'demo', password: 'demo-password' })).error?.message).toContain('203.0.113.7');
    sandbox.setSwitches({ ipNotWhitelisted: false });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
  });

  it('method_component_disabled carries the components, under code -32602 as observed', async () => {
    const { sandbox } = await start({ switches: { disabledComponents: ['upload_chats'] } });
    const reply = await call(sandbox.url, 'upload.chats', { access_token: sandbox.demoKey, chats: [validChat()] });
    expect(reply.error).toMatchObject({ code: -32602, data: { mnemonic: 'method_component_disabled', params: { components: ['upload_chats'] } } });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
    expect(sandbox.store.count()).toBe(0);
  });

  it('forbidden and account_inactive', async () => {
    const { sandbox } = await start({ switches: { forbiddenMethods: ['get.chats_report'] } });
    const report = await call(sandbox.url, 'get.chats_report', { access_token: sandbox.demoKey, date_from: '2024-05-01 00:00:00', date_till: '2024-05-31 23:59:59' });
    expect(report.error).toMatchObject({ code: -32003, message: 'Permission denied', data: { mnemonic: 'forbidden' } });
    sandbox.setSwitches({ accountInactive: true });
    expect((await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey })).error).toMatchObject({ code: -32009, data: { mnemonic: 'account_inactive' } });
  });
});
