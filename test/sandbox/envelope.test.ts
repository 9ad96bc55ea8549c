import { describe, expect, it } from 'vitest';
import { call, outcome, post, start } from './helpers.ts';

describe('sandbox: the JSON-RPC envelope', () => {
  it('answers a good request with result.data and metadata.limits, echoing the id', async () => {
    const { sandbox } = await start();
    const reply = await post(sandbox.url, JSON.stringify({ jsonrpc: '2.0', id: 'req-7', method: 'get.account', params: { access_token: sandbox.demoKey } }));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ jsonrpc: '2.0', id: 'req-7', result: { data: [{ app_id: 10101, name: 'Demo Shop', timezone: 'Europe/Moscow' }] } });
    expect(Object.keys(reply.json.result?.metadata?.limits as object).sort()).toEqual(
      ['day_limit', 'day_remaining', 'day_reset', 'minute_limit', 'minute_remaining', 'minute_reset'].sort(),
    );
  });

  it('serves the version path only, over POST only', async () => {
    const { sandbox } = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\.0$/);
    expect((await fetch(sandbox.url)).status).toBe(405);
    expect((await fetch(sandbox.url.replace('/v2.0', '/v1.0'), { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('refuses a body that is not JSON with parse_error and id null', async () => {
    const { sandbox } = await start();
    const reply = await post(sandbox.url, '{"jsonrpc": "2.0", "id": 1,');
    expect(reply.json.id).toBeNull();
    expect(reply.json.error).toEqual({ code: -32700, message: expect.any(String), data: { mnemonic: 'parse_error', params: {}, extended_helper: null } });
  });

  it('refuses batches with the real (misspelt) mnemonic', async () => {
    const { sandbox } = await start();
    const one = { jsonrpc: '2.0', id: 1, method: 'get.account', params: { access_token: sandbox.demoKey } };
    const reply = await post(sandbox.url, JSON.stringify([one, { ...one, id: 2 }]));
    expect(reply.json.id).toBeNull();
    expect(reply.json.error?.code).toBe(-32099);
    expect(reply.json.error?.data.mnemonic).toBe('batch_opreations_not_supported');
  });

  it('refuses notifications (no id)', async () => {
    const { sandbox } = await start();
    const reply = await post(sandbox.url, JSON.stringify({ jsonrpc: '2.0', method: 'get.account', params: { access_token: sandbox.demoKey } }));
    expect(reply.json.error).toMatchObject({ code: -32099, data: { mnemonic: 'notifications_not_supported' } });
  });

  it('refuses a wrong envelope with invalid_request, keeping a readable id', async () => {
    const { sandbox } = await start();
    const wrongVersion = await post(sandbox.url, JSON.stringify({ jsonrpc: '1.0', id: 5, method: 'get.account', params: {} }));
    expect(wrongVersion.json.id).toBe(5);
    expect(wrongVersion.json.error).toMatchObject({ code: -32600, data: { mnemonic: 'invalid_request' } });
    for (const body of [{ jsonrpc: '2.0', id: 6, params: {} }, { jsonrpc: '2.0', id: 7, method: 'get.account', params: [1] }, { jsonrpc: '2.0', id: { x: 1 }, method: 'get.account' }, 42]) {
      expect((await post(sandbox.url, JSON.stringify(body))).json.error?.data.mnemonic).toBe('invalid_request');
    }
  });

  it('answers an unknown method with method_not_found', async () => {
    const { sandbox } = await start();
    const reply = await call(sandbox.url, 'get.calls_report', { access_token: sandbox.demoKey });
    expect(reply.error).toMatchObject({ code: -32601, data: { mnemonic: 'method_not_found' } });
  });

  it('refuses unknown params with unexpected_parameters naming the parameter', async () => {
    const { sandbox } = await start();
    const reply = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey, colour: 'red' });
    expect(reply.error).toMatchObject({ code: -32602, data: { mnemonic: 'unexpected_parameters', field: 'colour', value: 'red' } });
  });

  it('tells a wrong JSON type (data_type_error) from a wrong value (invalid_parameter_value)', async () => {
    const { sandbox } = await start();
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey, limit: '10' }))).toEqual({ mnemonic: 'data_type_error', field: 'limit' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey, limit: 10_001 }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'limit' });
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey, offset: 1.5 }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'offset' });
  });
});
