import { describe, expect, it } from 'vitest';
import { call, outcome, start, validChat } from './helpers.ts';

type Row = Record<string, unknown>;
const MAY = { date_from: '2024-05-01 00:00:00', date_till: '2024-05-31 23:59:59' };

async function seeded() {
  const started = await start();
  const { sandbox } = started;
  const chats = [
    validChat(0, { name: 'Anna', phone: '79990000001' }),
    validChat(1, { phone: undefined, email: 'bob@mail.example', status: 'lost', campaign_id: 202 }),
    validChat(2, { start_date_time: '2024-05-25 09:00:00', messages: [{ date_time: '2024-05-25 09:00:10', source: 'system', message: 'Hello from the bot' }] }),
  ];
  const reply = await call(sandbox.url, 'upload.chats', { access_token: sandbox.demoKey, chats: JSON.parse(JSON.stringify(chats)) });
  const ids = (reply.result?.data as { id: number }[]).map((d) => d.id);
  const report = (params: Row) => call(sandbox.url, 'get.chats_report', { access_token: sandbox.demoKey, ...MAY, ...params });
  return { ...started, ids, report };
}

describe('sandbox: get.chats_report', () => {
  it('lists uploaded chats with their visitor, channel and placement', async () => {
    const { ids, report } = await seeded();
    const reply = await report({});
    expect(reply.result?.metadata?.total_items).toBe(3);
    expect((reply.result?.data as Row[])[0]).toEqual({
      id: ids[0], date_time: '2024-05-20 10:00:00', chat_channel_type: 'dataapi', status: 'succeed', initiator: 'visitor', messages_count: 2,
      visitor_name: 'Anna', visitor_phone_number: '79990000001', visitor_email: null, visitor_session_id: null,
      site_id: 9, site_domain_name: 'shop.example', campaign_id: null, campaign_name: null, employee_id: 3101, employee_full_name: 'Анна Смирнова',
    });
    expect((reply.result?.data as Row[])[1]).toMatchObject({ campaign_id: 202, campaign_name: 'Spring sale ads', visitor_email: 'bob@mail.example', status: 'lost' });
    expect((reply.result?.data as Row[])[2]).toMatchObject({ initiator: 'autoinvite', employee_id: null });
  });

  it('keeps to the date range, and includes chats from other channels', async () => {
    const { report, ids } = await seeded();
    const day = await report({ date_from: '2024-05-25 00:00:00', date_till: '2024-05-25 23:59:59', fields: ['id'] });
    expect(day.result?.data).toEqual([{ id: ids[2] }]);
    const march = await report({ date_from: '2024-03-01 00:00:00', date_till: '2024-03-31 23:59:59', fields: ['id', 'chat_channel_type'] });
    expect(march.result?.data).toEqual([{ id: 90001, chat_channel_type: 'site' }, { id: 90002, chat_channel_type: 'whatsapp' }, { id: 90003, chat_channel_type: 'telegram' }]);
  });

  it('filters by channel, phone, e-mail and status, as reconciliation needs', async () => {
    const { report, ids } = await seeded();
    const only = async (filter: unknown) => ((await report({ filter, fields: ['id'] })).result?.data as Row[]).map((r) => r.id);
    expect(await only({ field: 'chat_channel_type', operator: '=', value: 'dataapi' })).toEqual(ids);
    expect(await only({ field: 'visitor_phone_number', operator: 'in', value: ['79990000001', '79990009999'] })).toEqual([ids[0]]);
    expect(await only({ field: 'visitor_email', operator: '=', value: 'bob@mail.example' })).toEqual([ids[1]]);
    const group = { condition: 'and', filters: [{ field: 'chat_channel_type', operator: '=', value: 'dataapi' }, { field: 'status', operator: '!=', value: 'lost' }] };
    expect(await only(group)).toEqual([ids[0], ids[2]]);
    expect(await only({ field: 'date_time', operator: '>=', value: '2024-05-21 00:00:00' })).toEqual([ids[2]]);
  });

  it('requires date_from and date_till, at most three months apart', async () => {
    const { sandbox, report } = await seeded();
    expect(outcome(await call(sandbox.url, 'get.chats_report', { access_token: sandbox.demoKey, date_till: MAY.date_till }))).toEqual({ mnemonic: 'required_parameter_missed', field: 'date_from' });
    expect(outcome(await report({ date_from: '2024-05-01' }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'date_from' });
    expect(outcome(await report({ date_from: '2024-01-31 00:00:00', date_till: '2024-04-30 00:00:00' }))).toBe('ok');
    const long = await report({ date_from: '2024-01-31 00:00:00', date_till: '2024-04-30 00:00:01' });
    expect(long.error).toMatchObject({ code: -32602, data: { mnemonic: 'date_interval_limit_reached', field: 'date_till' } });
    expect(outcome(await report({ date_from: '2024-05-02 00:00:00', date_till: '2024-05-01 00:00:00' }))).toEqual({ mnemonic: 'invalid_parameters_combination', field: 'date_till' });
  });
});

describe('sandbox: delete.chats', () => {
  it('deletes one uploaded chat per call', async () => {
    const { sandbox, ids, report } = await seeded();
    const reply = await call(sandbox.url, 'delete.chats', { access_token: sandbox.demoKey, id: ids[1] });
    expect(reply.result?.data).toEqual({ success: true });
    expect(sandbox.store.list().map((c) => c.id)).toEqual([ids[0], ids[2]]);
    expect(((await report({ fields: ['id'] })).result?.data as Row[]).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(outcome(await call(sandbox.url, 'delete.chats', { access_token: sandbox.demoKey, id: ids[1] }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'id' });
  });

  it('refuses chats from other channels, and needs the upload component', async () => {
    const { sandbox, ids } = await seeded();
    const widget = await call(sandbox.url, 'delete.chats', { access_token: sandbox.demoKey, id: 90001 });
    expect(widget.error?.data).toMatchObject({ mnemonic: 'invalid_parameter_value', field: 'id', value: 90001 });
    expect(widget.error?.message).toContain('Data API');
    expect(outcome(await call(sandbox.url, 'delete.chats', { access_token: sandbox.demoKey, ids: [ids[0]] }))).toEqual({ mnemonic: 'unexpected_parameters', field: 'ids' });
    sandbox.setSwitches({ disabledComponents: ['upload_chats'] });
    expect(outcome(await call(sandbox.url, 'delete.chats', { access_token: sandbox.demoKey, id: ids[0] }))).toEqual({ mnemonic: 'method_component_disabled' });
    expect(sandbox.store.count()).toBe(3);
  });
});
