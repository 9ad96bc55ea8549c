import { describe, expect, it } from 'vitest';
import { call, outcome, start, validChat, type ChatInput } from './helpers.ts';

const upload = (url: string, key: string, chats: unknown) => call(url, 'upload.chats', { access_token: key, chats });

/** Three valid chats, then one change to the third (index 2) or its second message. */
function batchWith(change: (chat: ChatInput) => void): ChatInput[] {
  const chats = [validChat(0), validChat(1), validChat(2)];
  change(chats[2] as ChatInput);
  return chats;
}

const message = (chat: ChatInput, j = 1) => chat.messages[j] as Record<string, unknown>;

const RULES: [string, (chat: ChatInput) => void, string, string][] = [
  ['an unknown chat field', (c) => (c.colour = 'red'), 'unexpected_parameters', 'chats.2.colour'],
  ['a missing start_date_time', (c) => delete c.start_date_time, 'required_parameter_missed', 'chats.2.start_date_time'],
  ['an ISO start_date_time', (c) => (c.start_date_time = '2024-05-20T10:02:00Z'), 'invalid_parameter_value', 'chats.2.start_date_time'],
  ['an impossible date', (c) => (c.start_date_time = '2024-02-30 10:00:00'), 'invalid_parameter_value', 'chats.2.start_date_time'],
  ['a start in the future', (c) => (c.start_date_time = '2024-06-01 12:00:01'), 'invalid_parameter_value', 'chats.2.start_date_time'],
  ['a numeric name', (c) => (c.name = 5), 'data_type_error', 'chats.2.name'],
  ['a phone with letters', (c) => (c.phone = '7999abc1122'), 'invalid_parameter_value', 'chats.2.phone'],
  ['a phone too short', (c) => (c.phone = '123456'), 'invalid_parameter_value', 'chats.2.phone'],
  ['a phone too long', (c) => (c.phone = '1234567890123456'), 'invalid_parameter_value', 'chats.2.phone'],
  ['a phone with a plus', (c) => (c.phone = '+79990001122'), 'invalid_parameter_value', 'chats.2.phone'],
  ['a phone as a number', (c) => (c.phone = 79990001122), 'data_type_error', 'chats.2.phone'],
  ['a malformed email', (c) => (c.email = 'anna@'), 'invalid_parameter_value', 'chats.2.email'],
  ['a missing status', (c) => delete c.status, 'required_parameter_missed', 'chats.2.status'],
  ['status succeeded (not succeed)', (c) => (c.status = 'succeeded'), 'invalid_parameter_value', 'chats.2.status'],
  ['an unknown initiator', (c) => (c.initiator = 'bot'), 'invalid_parameter_value', 'chats.2.initiator'],
  ['an unknown site', (c) => (c.site_id = 404), 'invalid_parameter_value', 'chats.2.site_id'],
  ['a site id as a string', (c) => (c.site_id = '9'), 'data_type_error', 'chats.2.site_id'],
  ['an unknown campaign', (c) => (c.campaign_id = 999), 'invalid_parameter_value', 'chats.2.campaign_id'],
  ['an unknown visitor session', (c) => (c.visitor_session_id = 1), 'invalid_parameter_value', 'chats.2.visitor_session_id'],
  ['no site, campaign or session (rule A)', (c) => delete c.site_id, 'required_parameter_missed', 'chats.2'],
  ["a campaign of another site", (c) => (c.campaign_id = 203), 'invalid_parameters_combination', 'chats.2.campaign_id'],
  ['a session on another site', (c) => Object.assign(c, { site_id: 12, visitor_session_id: 5550001 }), 'invalid_parameters_combination', 'chats.2.visitor_session_id'],
  ['a session from another campaign', (c) => Object.assign(c, { site_id: undefined, campaign_id: 201, visitor_session_id: 5550001 }), 'invalid_parameters_combination', 'chats.2.visitor_session_id'],
  ['a chat before its visitor session', (c) => Object.assign(c, { visitor_session_id: 5550002, site_id: 12, start_date_time: '2024-03-05 18:00:00' }), 'invalid_parameters_combination', 'chats.2.start_date_time'],
  ['neither phone nor email (rule B)', (c) => delete c.phone, 'required_parameter_missed', 'chats.2'],
  ['no messages', (c) => (c.messages = []), 'invalid_parameter_value', 'chats.2.messages'],
  ['messages not a list', (c) => (c.messages = 'hi' as never), 'data_type_error', 'chats.2.messages'],
  ['a message that is not an object', (c) => (c.messages[1] = 'hi' as never), 'data_type_error', 'chats.2.messages.1'],
  ['an unknown message field', (c) => (message(c).text = 'x'), 'unexpected_parameters', 'chats.2.messages.1.text'],
  ['a message without date_time', (c) => delete message(c).date_time, 'required_parameter_missed', 'chats.2.messages.1.date_time'],
  ['a message date with a T', (c) => (message(c).date_time = '2024-05-20T10:02:40'), 'invalid_parameter_value', 'chats.2.messages.1.date_time'],
  ['a message in the future', (c) => (message(c).date_time = '2024-06-02 00:00:00'), 'invalid_parameter_value', 'chats.2.messages.1.date_time'],
  ['a message before the chat start', (c) => (message(c).date_time = '2024-05-20 10:01:59'), 'invalid_parameter_value', 'chats.2.messages.1.date_time'],
  ['an unknown source', (c) => (message(c).source = 'bot'), 'invalid_parameter_value', 'chats.2.messages.1.source'],
  ['an operator message without employee', (c) => delete message(c).employee_id, 'required_parameter_missed', 'chats.2.messages.1.employee_id'],
  ['an unknown employee', (c) => (message(c).employee_id = 1), 'invalid_parameter_value', 'chats.2.messages.1.employee_id'],
  ['a missing text', (c) => delete message(c).message, 'required_parameter_missed', 'chats.2.messages.1.message'],
  ['an empty text', (c) => (message(c).message = '  '), 'invalid_parameter_value', 'chats.2.messages.1.message'],
];

describe('sandbox: upload.chats validation', () => {
  it.each(RULES)('refuses the whole request for %s, naming the index', async (_name, change, mnemonic, field) => {
    const { sandbox } = await start();
    const chats = batchWith(change);
    const reply = await upload(sandbox.url, sandbox.demoKey, chats);
    expect(outcome(reply)).toEqual({ mnemonic, field });
    expect(reply.error?.code).toBe(-32602);
    expect(sandbox.store.count()).toBe(0);
  });

  it('returns the value as sent in data.value', async () => {
    const { sandbox } = await start();
    const reply = await upload(sandbox.url, sandbox.demoKey, batchWith((c) => (message(c, 0).date_time = '20.05.2024 10:02')));
    expect(reply.error?.data).toMatchObject({ field: 'chats.2.messages.0.date_time', value: '20.05.2024 10:02' });
    const missing = await upload(sandbox.url, sandbox.demoKey, batchWith((c) => delete c.status));
    expect(missing.error?.data).not.toHaveProperty('value');
  });

  it('names the first bad chat when several are bad', async () => {
    const { sandbox } = await start();
    const chats = [validChat(0), validChat(1, { status: 'won' }), validChat(2, { phone: 'x' })];
    expect(outcome(await upload(sandbox.url, sandbox.demoKey, chats))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'chats.1.status' });
  });

  it('takes 1 to 500 chats', async () => {
    const { sandbox } = await start();
    expect(outcome(await call(sandbox.url, 'upload.chats', { access_token: sandbox.demoKey }))).toEqual({ mnemonic: 'required_parameter_missed', field: 'chats' });
    expect(outcome(await upload(sandbox.url, sandbox.demoKey, {}))).toEqual({ mnemonic: 'data_type_error', field: 'chats' });
    expect(outcome(await upload(sandbox.url, sandbox.demoKey, []))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'chats' });
    const tooMany = Array.from({ length: 501 }, (_, n) => validChat(n));
    expect(outcome(await upload(sandbox.url, sandbox.demoKey, tooMany))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'chats' });
    const full = await upload(sandbox.url, sandbox.demoKey, tooMany.slice(0, 500));
    expect(full.result?.data).toHaveLength(500);
  });

  it('accepts the edge cases the rules allow', async () => {
    const { sandbox } = await start();
    const chats = [
      validChat(0, { phone: undefined, email: 'anna@shop.example', campaign_id: 202 }),
      validChat(1, { site_id: undefined, campaign_id: 203 }),
      validChat(2, { site_id: undefined, visitor_session_id: 5550001, start_date_time: '2024-05-20 10:02:00', initiator: 'autoinvite' }),
      validChat(3, { start_date_time: '2024-06-01 12:00:00', messages: [{ date_time: '2024-06-01 12:00:00', source: 'system', message: 'Can I help?' }] }),
      validChat(4, { status: 'lost', messages: [{ date_time: '2024-05-20 10:04:00', source: 'visitor', message: 'Anyone?', employee_id: 3202 }] }),
    ];
    const reply = await upload(sandbox.url, sandbox.demoKey, JSON.parse(JSON.stringify(chats)));
    expect(outcome(reply)).toBe('ok');
    expect(sandbox.store.count()).toBe(5);
  });
});

describe('sandbox: upload.chats success', () => {
  it('returns ids in input order and stores every chat as sent, on the dataapi channel', async () => {
    const { sandbox } = await start();
    const chats = Array.from({ length: 7 }, (_, n) => validChat(n));
    const first = await upload(sandbox.url, sandbox.demoKey, chats);
    const ids = (first.result?.data as { id: number }[]).map((d) => d.id);
    expect(ids).toEqual([100001, 100002, 100003, 100004, 100005, 100006, 100007]);
    const stored = sandbox.store.list();
    expect(stored.map((s) => s.id)).toEqual(ids);
    stored.forEach((s, i) => expect(s.chat).toEqual(chats[i]));
    const second = await upload(sandbox.url, sandbox.demoKey, [validChat(8)]);
    expect(second.result?.data).toEqual([{ id: 100008 }]);
    const report = await call(sandbox.url, 'get.chats_report', {
      access_token: sandbox.demoKey, date_from: '2024-05-20 00:00:00', date_till: '2024-05-21 00:00:00', fields: ['id', 'chat_channel_type'],
    });
    expect(report.result?.data).toEqual([...ids, 100008].map((id) => ({ id, chat_channel_type: 'dataapi' })));
  });

  it('the store accessors hand out copies and can be cleared', async () => {
    const { sandbox } = await start();
    await upload(sandbox.url, sandbox.demoKey, [validChat(0)]);
    const copy = sandbox.store.list();
    (copy[0]?.chat as { name?: string }).name = 'changed';
    expect(sandbox.store.list()[0]?.chat.name).toBe('Visitor 0');
    expect(sandbox.store.clear().ok).toBe(true);
    expect(sandbox.store.count()).toBe(0);
    const next = await upload(sandbox.url, sandbox.demoKey, [validChat(1)]);
    expect(next.result?.data).toEqual([{ id: 100002 }]);
  });
});
