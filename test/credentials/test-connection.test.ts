import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../../main/callgear/auth.ts';
import type { LogEntry } from '../../main/callgear/rpc.ts';
import { Accounts } from '../../main/credentials/accounts.ts';
import { MemoryStore } from '../../main/credentials/store.ts';
import { testConnection, type ConnectionReport } from '../../main/credentials/test-connection.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { fakeApi } from '../callgear/fake-api.ts';
import { userDataFolders } from './folders.ts';

const newFolder = userDataFolders();
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.setSwitches({ ipNotWhitelisted: false, disabledComponents: [], forbiddenMethods: [] }));

const key = (accessKey: string): Credentials => ({ kind: 'key', accessKey });
const test = (credentials: Credentials, customer?: { userId: number; name: string }) => testConnection({ endpoint: sandbox.url, customer }, credentials);

function expectNoSecretIn(report: ConnectionReport, ...secrets: string[]) {
  for (const secret of secrets) expect(JSON.stringify(report)).not.toContain(secret);
}

describe('testing a connection against the sandbox', () => {
  it('names a customer account and its time zone', async () => {
    const report = await test(key(sandbox.demoKey));
    expect(report).toMatchObject({ outcome: 'ok', code: 'connection.ok', account: { role: 'customer', name: 'Demo Shop', timezone: 'Europe/Moscow' } });
    expect(report.message.en).toContain('"Demo Shop", time zone Europe/Moscow');
    expect(report.message.ru).toContain('«Demo Shop», часовой пояс Europe/Moscow');
    expect(sandbox.store.count()).toBe(0);
  });

  it('works the same with a login and password, and logs the session out again', async () => {
    const methods: string[] = [];
    const log = (entry: LogEntry) => (entry.event === 'request' ? methods.push(entry.method) : undefined);
    const report = await testConnection({ endpoint: sandbox.url }, { kind: 'login', login: sandbox.credentials.login, password: sandbox.credentials.password }, { log });
    expect(report).toMatchObject({ outcome: 'ok', account: { name: 'Demo Shop' } });
    expect(methods[0]).toBe('login.user');
    expect(methods.at(-1)).toBe('logout.user');
  });

  it('lists an agent\'s customers to choose from', async () => {
    const report = await test(key(sandbox.agentKey));
    expect(report).toMatchObject({ outcome: 'ok', account: { role: 'agent' } });
    expect(report.customers).toEqual([
      { userId: 7001, name: 'Demo Shop administrator' },
      { userId: 7002, name: 'Demo Shop analyst' },
    ]);
    expect(report.message.en).toContain('Choose the customer');
  });

  it('checks uploads for an agent\'s chosen customer', async () => {
    const report = await test(key(sandbox.agentKey), { userId: 7002, name: 'Demo Shop analyst' });
    expect(report.outcome).toBe('ok');
    expect(report.message.en).toContain('uploads for the chosen customer are admitted');
  });

  it('says the key is wrong, without repeating it', async () => {
    const report = await test(key('not-a-key-7f3e9a2b5c'));
    expect(report).toMatchObject({ outcome: 'wrong-key', code: 'api.access_token_invalid' });
    expect(report.message.en).toContain('does not accept the access key');
    expectNoSecretIn(report, 'not-a-key-7f3e9a2b5c');
  });

  it('says the login or password is wrong, without repeating either', async () => {
    const report = await test({ kind: 'login', login: 'demo', password: 'wrong-password-123' });
    expect(report).toMatchObject({ outcome: 'wrong-key', code: 'api.auth_error' });
    expectNoSecretIn(report, 'wrong-password-123');
  });

  it('shows the IP address that is not whitelisted and where to add it', async () => {
    sandbox.setSwitches({ ipNotWhitelisted: '203.0.113.9' });
    const report = await test(key(sandbox.demoKey));
    expect(report).toMatchObject({ outcome: 'ip-not-whitelisted', ip: '203.0.113.9' });
    expect(report.message.en).toContain('203.0.113.9');
    expect(report.message.en).toContain('Rules and security settings');
    expect(report.message.ru).toContain('203.0.113.9');
  });

  it('says which component is missing when the Data API itself is off', async () => {
    sandbox.setSwitches({ disabledComponents: ['data_api'] });
    const report = await test(key(sandbox.demoKey));
    expect(report).toMatchObject({ outcome: 'component-missing', code: 'api.method_component_disabled' });
    expect(report.message.en).toContain('Tariffs and options');
  });

  it('finds the upload component missing even though the account can be read', async () => {
    sandbox.setSwitches({ disabledComponents: ['upload_chats'] });
    const report = await test(key(sandbox.demoKey));
    expect(report).toMatchObject({ outcome: 'component-missing', account: { name: 'Demo Shop' } });
    expect(report.message.en).toContain('upload_chats');
    expect(sandbox.store.count()).toBe(0);
  });

  it('says when the key may not upload', async () => {
    sandbox.setSwitches({ forbiddenMethods: ['upload.chats'] });
    expect(await test(key(sandbox.demoKey))).toMatchObject({ outcome: 'no-rights', code: 'api.forbidden' });
  });

});

describe('testing a connection that cannot be made', () => {
  it('is offline when nothing listens at the address', async () => {
    const gone = await startSandbox();
    await gone.close();
    const report = await testConnection({ endpoint: gone.url }, key(gone.demoKey));
    expect(report).toMatchObject({ outcome: 'offline', code: 'transport.refused' });
    expect(report.message.en).toContain('refused the connection');
  });

  it('is offline when the name does not resolve', async () => {
    const api = fakeApi(() => ({ throw: 'ENOTFOUND' }));
    const report = await testConnection({ endpoint: 'https://dataapi.example.test/v2.0' }, key('k-1'), { fetch: api.fetch });
    expect(report).toMatchObject({ outcome: 'offline', code: 'transport.dns' });
  });

  it('is offline when the server does not answer in time', async () => {
    const api = fakeApi(() => 'hang');
    const report = await testConnection({ endpoint: 'https://dataapi.example.test/v2.0' }, key('k-1'), { fetch: api.fetch, timeoutMs: 20 });
    expect(report).toMatchObject({ outcome: 'offline', code: 'transport.timeout' });
  });

  it('refuses an address that would send the key unencrypted, before sending anything', async () => {
    const report = await testConnection({ endpoint: 'http://dataapi.example.test/v2.0' }, key('k-1'));
    expect(report).toMatchObject({ outcome: 'failed', code: 'endpoint.insecure' });
  });
});

describe('testing a saved account', () => {
  it('remembers a refused key as rejected, and forgets it once the key works', async () => {
    const accounts = new Accounts({ folder: newFolder(), store: new MemoryStore() });
    const added = await accounts.add({ name: 'Sandbox', brand: 'custom', endpoint: sandbox.url, auth: 'key' }, 'wrong-key-123');
    if (!added.ok) throw new Error(added.error.code);
    expect(await accounts.test(added.value.id)).toMatchObject({ ok: true, value: { outcome: 'wrong-key' } });
    expect(await accounts.list()).toMatchObject({ ok: true, value: { accounts: [{ secret: 'rejected' }] } });
    await accounts.update(added.value.id, {}, sandbox.demoKey);
    await accounts.markRejected(added.value.id);
    expect(await accounts.test(added.value.id)).toMatchObject({ ok: true, value: { outcome: 'ok' } });
    expect(await accounts.list()).toMatchObject({ ok: true, value: { accounts: [{ secret: 'present' }] } });
  });
});
