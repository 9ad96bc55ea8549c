import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import type { CallGearError } from '../../main/callgear/errors.ts';
import { ENDPOINT, fakeApi, type Answer } from './fake-api.ts';

const CHAT = {
  start_date_time: '2024-03-01 10:15:00',
  phone: '79990001122',
  status: 'succeed' as const,
  site_id: 1,
  messages: [{ date_time: '2024-03-01 10:15:05', source: 'visitor' as const, message: 'Hello' }],
};

function clientAnswering(answer: Answer, timeoutMs = 1000) {
  const api = fakeApi(() => answer);
  return { api, client: new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: 'k-123456' }, fetch: api.fetch, timeoutMs, uploadTimeoutMs: timeoutMs }) };
}

async function uploadError(answer: Answer): Promise<CallGearError> {
  const reply = await clientAnswering(answer, 50).client.uploadChats([CHAT], 1);
  if (reply.ok) throw new Error('expected a failure');
  return reply.error;
}

async function readError(answer: Answer): Promise<CallGearError> {
  const reply = await clientAnswering(answer, 50).client.getSites();
  if (reply.ok) throw new Error('expected a failure');
  return reply.error;
}

describe('one JSON-RPC request per call', () => {
  it('posts a single envelope with a fresh id each time and the key in params', async () => {
    const { api, client } = clientAnswering({ result: [] });
    await client.getSites();
    await client.getSites();
    expect(api.seen).toHaveLength(2);
    const [first, second] = api.seen;
    expect(first!.id).not.toEqual(second!.id);
    expect(JSON.parse(first!.body)).toMatchObject({ jsonrpc: '2.0', method: 'get.sites', params: { access_token: 'k-123456' } });
    expect(Array.isArray(JSON.parse(first!.body))).toBe(false);
  });

  it('uploads pre-serialised chats byte for byte, and returns the ids in input order', async () => {
    const api = fakeApi(() => ({ result: [{ id: 11 }, { id: 12 }] }));
    const client = new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: 'k-123456' }, fetch: api.fetch, userId: 42 });
    const json = Buffer.from(JSON.stringify([CHAT, { ...CHAT, name: 'Анна' }]), 'utf8');
    const reply = await client.uploadChats(json, 2);
    expect(reply).toEqual({ ok: true, value: [11, 12] });
    expect(JSON.parse(api.seen[0]!.body).params).toEqual({ access_token: 'k-123456', user_id: 42, chats: [CHAT, { ...CHAT, name: 'Анна' }] });
  });
});

describe('transport failures are their own class; for an upload they leave the outcome unknown', () => {
  it('a reset connection during an upload is "outcome unknown", never "failed"', async () => {
    const error = await uploadError({ throw: 'ECONNRESET' });
    expect(error).toMatchObject({ kind: 'transport', reason: 'reset', outcome: 'unknown', action: 'retry' });
    expect(error.message.en).toContain('may still have been carried out');
  });

  it('a timeout during an upload is "outcome unknown"', async () => {
    expect(await uploadError('hang')).toMatchObject({ kind: 'transport', reason: 'timeout', outcome: 'unknown' });
  });

  it('HTTP 5xx with an HTML page during an upload is "outcome unknown"', async () => {
    expect(await uploadError({ status: 502, text: '<html>Bad gateway</html>' })).toMatchObject({ reason: 'http', status: 502, outcome: 'unknown' });
  });

  it('a 200 that is not JSON during an upload is "outcome unknown"', async () => {
    expect(await uploadError({ status: 200, text: 'OK' })).toMatchObject({ reason: 'not-json', outcome: 'unknown' });
  });

  it('a reply with fewer ids than chats cannot be mapped, so it is "outcome unknown"', async () => {
    expect(await uploadError({ result: [] })).toMatchObject({ reason: 'bad-reply', outcome: 'unknown' });
  });

  it('a reply to another request id is not taken for ours', async () => {
    expect(await uploadError({ raw: { jsonrpc: '2.0', id: 'someone-else', result: { data: [{ id: 1 }], metadata: {} } } })).toMatchObject({
      reason: 'bad-reply',
      outcome: 'unknown',
    });
  });

  it('a refused connection or an unknown host never reached a server, so nothing was processed', async () => {
    expect(await uploadError({ throw: 'ECONNREFUSED' })).toMatchObject({ reason: 'refused', outcome: 'not-processed' });
    expect(await uploadError({ throw: 'ENOTFOUND' })).toMatchObject({ reason: 'dns', outcome: 'not-processed' });
  });

  it('a read that fails is simply not processed: reads are safe to repeat', async () => {
    expect(await readError({ throw: 'ECONNRESET' })).toMatchObject({ reason: 'reset', outcome: 'not-processed', action: 'retry' });
    expect(await readError({ status: 503, text: 'busy' })).toMatchObject({ reason: 'http', status: 503 });
  });

  it('a call cancelled before it starts sends nothing', async () => {
    const { api, client } = clientAnswering({ result: [{ id: 1 }] });
    const controller = new AbortController();
    controller.abort();
    const reply = await client.uploadChats([CHAT], 1, { signal: controller.signal });
    expect(reply).toMatchObject({ ok: false, error: { reason: 'aborted', outcome: 'not-processed' } });
    expect(api.seen).toHaveLength(0);
  });

  it('a call cancelled while in flight leaves an upload\'s outcome unknown', async () => {
    const { client } = clientAnswering('hang', 10_000);
    const controller = new AbortController();
    const pending = client.uploadChats([CHAT], 1, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'aborted', outcome: 'unknown' } });
  });
});
