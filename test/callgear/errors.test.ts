import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import type { ApiError } from '../../main/callgear/errors.ts';
import { locateField } from '../../main/callgear/errors.ts';
import { apiErrorAnswer, ENDPOINT, fakeApi } from './fake-api.ts';

const KEY = 'key-5f2c9e01';

async function errorFor(method: 'get.sites' | 'upload.chats', code: number, mnemonic: string, message: string, extra: Record<string, unknown> = {}): Promise<ApiError> {
  const api = fakeApi(() => apiErrorAnswer(code, mnemonic, message, extra));
  const client = new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: KEY }, fetch: api.fetch });
  const reply = method === 'get.sites' ? await client.getSites() : await client.uploadChats([], 0);
  if (reply.ok || reply.error.kind !== 'api') throw new Error('expected an API error');
  return reply.error;
}

describe('API errors are typed by their mnemonic, with an action and words a person can act on', () => {
  const table: [number, string, string][] = [
    [-32700, 'parse_error', 'bug'],
    [-32600, 'invalid_request', 'bug'],
    [-32601, 'method_not_found', 'user'],
    [-32602, 'required_parameter_missed', 'fix'],
    [-32602, 'invalid_parameter_value', 'fix'],
    [-32602, 'data_type_error', 'fix'],
    [-32602, 'unexpected_parameters', 'bug'],
    [-32602, 'invalid_parameters_combination', 'fix'],
    [-32602, 'sort_prohibited', 'bug'],
    [-32602, 'filter_prohibited', 'bug'],
    [-32602, 'date_interval_limit_reached', 'fix'],
    [-32001, 'auth_error', 'user'],
    [-32001, 'access_token_invalid', 'user'],
    [-32001, 'access_token_expired', 'user'],
    [-32001, 'access_token_blocked', 'user'],
    [-32003, 'ip_not_whitelisted', 'user'],
    [-32003, 'forbidden', 'user'],
    [-32008, 'method_component_disabled', 'user'],
    [-32008, 'parameter_component_disabled', 'user'],
    [-32008, 'component_disabled', 'user'],
    [-32009, 'account_inactive', 'user'],
    [-32029, 'limit_exceeded', 'wait'],
    [-32099, 'batch_opreations_not_supported', 'bug'],
    [-32099, 'notifications_not_supported', 'bug'],
    [-32603, 'internal_error', 'retry'],
  ];

  it.each(table)('%i %s → %s', async (code, mnemonic, action) => {
    const error = await errorFor('get.sites', code, mnemonic, 'Some English text');
    expect(error).toMatchObject({ kind: 'api', code: `api.${mnemonic}`, mnemonic, rpcCode: code, action });
    expect(error.message.en.length).toBeGreaterThan(20);
    expect(error.message.ru).toMatch(/[а-я]/);
  });

  it('dispatches on the mnemonic, not the code: method_component_disabled seen under -32602 asks the person', async () => {
    const error = await errorFor('upload.chats', -32602, 'method_component_disabled', 'Component is disabled', {
      params: { components: ['upload_chats'] },
    });
    expect(error.action).toBe('user');
    expect(error.message.en).toContain('upload_chats');
    expect(error.message.en).toContain('Uploading offline inquiries from an outside system');
    expect(error.message.ru).toContain('Загрузка офлайн-заявок из внешней системы');
  });

  it('ip_not_whitelisted names the refused IP and where to add it', async () => {
    const error = await errorFor('get.sites', -32003, 'ip_not_whitelisted', 'Your IP 203.0.113.7 is not whitelisted');
    expect(error.message.en).toContain('203.0.113.7');
    expect(error.message.en).toContain('Rules and security settings');
    expect(error.message.ru).toContain('203.0.113.7');
  });

  it('limit_exceeded tells the minute window from the day window', async () => {
    const minute = await errorFor('get.sites', -32029, 'limit_exceeded', 'Limit per minute has been exceeded. Value of current limit per minute is 50');
    const day = await errorFor('get.sites', -32029, 'limit_exceeded', 'Limit', { params: { limit_type: 'day', limit_max_value: 10000 } });
    expect(minute.window).toBe('minute');
    expect(day.window).toBe('day');
    expect(day.message.en).toContain('daily');
  });

  it('an unknown mnemonic is a data problem when it names a field, else the person\'s, and always shows the server text', async () => {
    const withField = await errorFor('upload.chats', -32602, 'employee_not_found', 'Employee does not exist', { field: 'chats.3.messages.1.employee_id', value: 77 });
    const without = await errorFor('upload.chats', -32010, 'something_new', 'A new kind of refusal');
    expect(withField).toMatchObject({ action: 'fix', field: 'chats.3.messages.1.employee_id', value: 77, location: { chat: 3, message: 1, leaf: 'employee_id' } });
    expect(withField.message.en).toContain('Employee does not exist');
    expect(without.action).toBe('user');
    expect(without.message.en).toContain('A new kind of refusal');
  });

  it('a data error carries the field and the value as sent', async () => {
    const error = await errorFor('upload.chats', -32602, 'invalid_parameter_value', 'Invalid value', { field: 'chats.12.phone', value: '12' });
    expect(error).toMatchObject({ field: 'chats.12.phone', value: '12', location: { chat: 12, leaf: 'phone' } });
    expect(error.message.en).toContain('chats.12.phone');
  });

  it('an internal error on an upload leaves the outcome unknown; on a read it is simply retried', async () => {
    expect((await errorFor('upload.chats', -32603, 'internal_error', 'Internal error')).outcome).toBe('unknown');
    expect((await errorFor('get.sites', -32603, 'internal_error', 'Internal error')).outcome).toBe('not-processed');
  });
});

describe('a field name locates the chat and message it points at', () => {
  it.each([
    ['chats.12.messages.3.date_time', { chat: 12, message: 3, leaf: 'date_time' }],
    ['chats[4].messages[0].message', { chat: 4, message: 0, leaf: 'message' }],
    ['chats.7', { chat: 7 }],
    ['chats[2].site_id', { chat: 2, leaf: 'site_id' }],
  ])('%s', (field, location) => {
    expect(locateField(field)).toEqual(location);
  });

  it.each(['chats', 'date_time', 'messages.3', 'chats.x.phone'])('%s names no chat', (field) => {
    expect(locateField(field)).toBeUndefined();
  });
});
