import { describe, expect, it } from 'vitest';
import { call, outcome, post, start, validChat } from './helpers.ts';

const uploadBody = (key: string, n: number) => JSON.stringify({ jsonrpc: '2.0', id: n, method: 'upload.chats', params: { access_token: key, chats: [validChat(n)] } });
const rawUpload = (url: string, key: string, n: number, signal?: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: uploadBody(key, n), signal });

/** The HTTP status of a get.sites call, its body read so the connection is free again. */
async function sitesStatus(url: string, key: string, id: number): Promise<number> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id, method: 'get.sites', params: { access_token: key } }) });
  await res.text();
  return res.status;
}

describe('sandbox: fault injection', () => {
  it('adds latency before processing', async () => {
    const { sandbox } = await start({ faults: { latencyMs: 120 } });
    const began = performance.now();
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
    expect(performance.now() - began).toBeGreaterThanOrEqual(110);
  });

  it('answers HTTP 5xx (not JSON) for the next N requests of one method, before processing', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'http_5xx', method: 'upload.chats', times: 2, status: 502 }] } });
    for (const n of [0, 1]) {
      const res = await rawUpload(sandbox.url, sandbox.demoKey, n);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('text/html');
      await res.text();
    }
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
    expect(sandbox.store.count()).toBe(0);
    expect((await rawUpload(sandbox.url, sandbox.demoKey, 2)).status).toBe(200);
    expect(sandbox.store.count()).toBe(1);
  });

  it('resets the connection before processing: nothing is stored', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'reset_before', method: 'upload.chats', times: 1 }] } });
    await expect(rawUpload(sandbox.url, sandbox.demoKey, 0)).rejects.toThrow();
    expect(sandbox.store.count()).toBe(0);
  });

  it('resets the connection after storing: the chats are there though no reply came', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'reset_after', method: 'upload.chats', times: 1 }] } });
    await expect(rawUpload(sandbox.url, sandbox.demoKey, 0)).rejects.toThrow();
    expect(sandbox.store.list().map((c) => c.chat.name)).toEqual(['Visitor 0']);
    const next = await post(sandbox.url, uploadBody(sandbox.demoKey, 1));
    expect(next.json.result?.data).toEqual([{ id: 100002 }]);
    const found = await call(sandbox.url, 'get.chats_report', {
      access_token: sandbox.demoKey, date_from: '2024-05-20 00:00:00', date_till: '2024-05-20 23:59:59',
      filter: { field: 'visitor_phone_number', operator: '=', value: validChat(0).phone }, fields: ['id'],
    });
    expect(found.result?.data).toEqual([{ id: 100001 }]);
  });

  it('hangs until the client gives up, and still closes cleanly', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'hang', method: 'upload.chats', times: 1 }] } });
    await expect(rawUpload(sandbox.url, sandbox.demoKey, 0, AbortSignal.timeout(200))).rejects.toThrow();
    expect(sandbox.store.count()).toBe(0);
    const hanging = rawUpload(sandbox.url, sandbox.demoKey, 1).catch((error: unknown) => error);
    await sandbox.close();
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('answers internal_error (-32603) before processing', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'internal_error', times: 1 }] } });
    const reply = await post(sandbox.url, uploadBody(sandbox.demoKey, 0));
    expect(reply.json).toMatchObject({ id: 0, error: { code: -32603, data: { mnemonic: 'internal_error' } } });
    expect(sandbox.store.count()).toBe(0);
  });

  it('skips the first matching requests when asked', async () => {
    const { sandbox } = await start({ faults: { rules: [{ kind: 'http_5xx', method: 'get.sites', skip: 2, times: 1 }] } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await sitesStatus(sandbox.url, sandbox.demoKey, i));
    expect(statuses).toEqual([200, 200, 503, 200]);
  });

  it('fires by probability, the same way for the same seed', async () => {
    const pattern = async (seed: number) => {
      const { sandbox } = await start({ faults: { seed, rules: [{ kind: 'http_5xx', probability: 0.3 }] } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) statuses.push(await sitesStatus(sandbox.url, sandbox.demoKey, i));
      return statuses;
    };
    const first = await pattern(42);
    expect(await pattern(42)).toEqual(first);
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(25);
    expect(await pattern(7)).not.toEqual(first);
  });

  it('expires every session token at once, leaving permanent keys working', async () => {
    const { sandbox } = await start();
    const login = await call(sandbox.url, 'login.user', { login: 'demo', password: 'demo-password' });
    const token = (login.result?.data as { access_token: string }).access_token;
    sandbox.setFaults({ expireSessions: true });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: token }))).toEqual({ mnemonic: 'access_token_invalid' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
  });

  it('setFaults changes only the parts given', async () => {
    const { sandbox } = await start({ faults: { latencyMs: 0, rules: [{ kind: 'http_5xx', method: 'get.sites' }] } });
    sandbox.setFaults({ expireSessions: true });
    expect((await fetch(sandbox.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'get.sites', params: {} }) })).status).toBe(503);
    sandbox.setFaults({ rules: [] });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
  });
});

describe('sandbox: control methods (sandbox.*)', () => {
  it('set faults and switches, read status, list and clear chats over HTTP, never faulted themselves', async () => {
    const { sandbox } = await start();
    const set = await call(sandbox.url, 'sandbox.set_faults', { rules: [{ kind: 'http_5xx' }] });
    expect(set.result?.data).toMatchObject({ faults: { rules: [{ kind: 'http_5xx', fired: 0 }] } });
    expect((await fetch(sandbox.url, { method: 'POST', body: uploadBody(sandbox.demoKey, 0) })).status).toBe(503);
    expect((await call(sandbox.url, 'sandbox.status', {})).result?.data).toMatchObject({ chat_count: 0, faults: { rules: [{ fired: 1 }] } });
    await call(sandbox.url, 'sandbox.set_faults', { rules: [] });
    await post(sandbox.url, uploadBody(sandbox.demoKey, 0));
    await post(sandbox.url, uploadBody(sandbox.demoKey, 1));
    const listed = await call(sandbox.url, 'sandbox.list_chats', { offset: 1 });
    expect(listed.result?.data).toEqual([expect.objectContaining({ id: 100002, chat: expect.objectContaining({ name: 'Visitor 1' }) })]);
    expect(listed.result?.metadata?.total_items).toBe(2);
    await call(sandbox.url, 'sandbox.set_switches', { accountInactive: true });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toEqual({ mnemonic: 'account_inactive' });
    expect(outcome(await call(sandbox.url, 'sandbox.clear_chats', {}))).toBe('ok');
    expect(sandbox.store.count()).toBe(0);
  });

  it('checks their params and can be turned off', async () => {
    const { sandbox } = await start();
    expect(outcome(await call(sandbox.url, 'sandbox.set_faults', { rules: [{ kind: 'explode' }] }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'rules.0.kind' });
    expect(outcome(await call(sandbox.url, 'sandbox.set_faults', { latency: 5 }))).toEqual({ mnemonic: 'unexpected_parameters', field: 'latency' });
    expect(outcome(await call(sandbox.url, 'sandbox.reboot', {}))).toEqual({ mnemonic: 'method_not_found' });
    const off = await start({ controlMethods: false });
    expect(outcome(await call(off.sandbox.url, 'sandbox.status', {}))).toEqual({ mnemonic: 'method_not_found' });
  });
});
