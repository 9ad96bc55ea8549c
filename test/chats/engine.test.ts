import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '../../main/sheet/types.ts';
import { MappingSchema, type Mapping, type MappingInput } from '../../main/mapping/model.ts';
import { batchesOf, ValidationSession, type Validation } from '../../main/chats/engine.ts';
import type { AccountIds } from '../../main/chats/account-ids.ts';
import { UploadChatSchema } from '../../main/chats/params.ts';

const HEADERS = ['Chat', 'Started', 'Visitor', 'Phone', 'Email', 'Status', 'Sent', 'From', 'Operator', 'Text'];
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);
const employees = [
  { id: 11, full_name: 'Anna Smirnova', email: 'anna@shop.example' },
  { id: 12, full_name: 'Boris Petrov', email: 'boris@shop.example' },
];

function table(rows: Cell[][]): Table {
  return { file: 'chats.xlsx', sheet: 'Chats', headers: HEADERS, headerRow: 1, rows };
}

const col = (column: string) => ({ kind: 'column' as const, column });

function mapping(overrides: Partial<MappingInput> = {}): Mapping {
  return MappingSchema.parse({
    version: 1,
    layout: { kind: 'messages-by-key', chatKey: 'Chat' },
    chat: {
      start_date_time: col('Started'),
      name: col('Visitor'),
      phone: col('Phone'),
      email: col('Email'),
      status: col('Status'),
      site_id: { kind: 'constant', value: 77 },
    },
    message: { date_time: col('Sent'), source: col('From'), employee_id: col('Operator'), message: col('Text') },
    options: { fileTimeZone: 'Europe/Moscow', accountTimeZone: 'Europe/Moscow', phoneCountry: 'RU' },
    ...overrides,
  });
}

function run(rows: Cell[][], m: Mapping = mapping()): Validation {
  const result = new ValidationSession(table(rows), { employees, now: () => NOW }).validate(m);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

const chat1: Cell[][] = [
  ['c1', '01.03.2024 10:15', 'Анна', '+7 (999) 123-45-67', '', 'Состоявшийся', '01.03.2024 10:15', 'Клиент', '', 'Здравствуйте'],
  ['c1', '', '', '', '', '', '01.03.2024 10:16', 'Оператор', 'Anna Smirnova', 'Добрый день!'],
];

const codes = (v: Validation) => v.findings.map((f) => f.code);
const paramsOf = (v: Validation) => [...batchesOf(v)].flatMap((b) => b.chats);

describe('validating chats for upload.chats', () => {
  it('turns a clean chat into the exact documented params', () => {
    const v = run(chat1);
    expect(v.findings).toEqual([]);
    expect(v.validChats).toBe(1);
    const [chat] = paramsOf(v);
    expect(chat).toEqual({
      start_date_time: '2024-03-01 10:15:00',
      name: 'Анна',
      phone: '79991234567',
      status: 'succeed',
      site_id: 77,
      messages: [
        { date_time: '2024-03-01 10:15:00', source: 'visitor', message: 'Здравствуйте' },
        { date_time: '2024-03-01 10:16:00', source: 'operator', employee_id: 11, message: 'Добрый день!' },
      ],
    });
    expect(UploadChatSchema.safeParse(chat).success).toBe(true);
  });

  it('converts times from the file zone into the account zone', () => {
    const v = run(chat1, mapping({ options: { fileTimeZone: 'UTC', accountTimeZone: 'Europe/Moscow' } }));
    expect(paramsOf(v)[0]?.start_date_time).toBe('2024-03-01 13:15:00');
  });

  it('blocks a chat with neither phone nor e-mail and names its rows', () => {
    const rows = chat1.map((r) => r.slice());
    rows[0]![3] = '';
    const v = run(rows);
    expect(v.validChats).toBe(0);
    const finding = v.findings.find((f) => f.code === 'contact.missing');
    expect(finding).toMatchObject({ severity: 'error', rows: [2, 3], chat: 0 });
    expect(finding?.message.ru).toMatch(/телефона/);
  });

  it('keeps a chat whose bad phone is backed by a valid e-mail, with a warning', () => {
    const rows = chat1.map((r) => r.slice());
    rows[0]![3] = 'no phone';
    rows[0]![4] = 'anna@example.com';
    const v = run(rows);
    expect(v.validChats).toBe(1);
    expect(v.findings).toMatchObject([{ code: 'phone.dropped', severity: 'warning', rows: [2], column: 'Phone' }]);
    expect(paramsOf(v)[0]).toMatchObject({ email: 'anna@example.com' });
    expect(paramsOf(v)[0]).not.toHaveProperty('phone');
  });

  it('refuses an unknown status and suggests the value map', () => {
    const rows = chat1.map((r) => r.slice());
    rows[0]![5] = 'Maybe';
    const v = run(rows);
    expect(codes(v)).toEqual(['status.invalid']);
    expect(v.findings[0]).toMatchObject({ field: 'status', column: 'Status', rows: [2] });
  });

  it('requires an employee for operator messages and suggests the closest one', () => {
    const rows = chat1.map((r) => r.slice());
    rows[1]![8] = '';
    expect(codes(run(rows))).toEqual(['employee.missing']);
    rows[1]![8] = 'Ana Smirnova';
    const unknown = run(rows).findings[0];
    expect(unknown?.code).toBe('employee.unknown');
    expect(unknown?.fix?.value).toBe('11');
  });

  it('refuses messages before the chat start and times in the future', () => {
    const rows = chat1.map((r) => r.slice());
    rows[1]![6] = '01.03.2024 09:00';
    const early = run(rows);
    expect(codes(early)).toEqual(['message.before_start']);
    // Which of the two times is wrong only the person knows: no fix is suggested.
    expect(early.findings[0]?.fix).toBeUndefined();
    rows[1]![6] = '01.07.2024 09:00';
    expect(codes(run(rows))).toEqual(['date.future']);
  });

  it('starts a chat at its first message when the start column is empty, and says so', () => {
    const rows = chat1.map((r) => r.slice());
    rows[0]![1] = '';
    const v = run(rows);
    expect(codes(v)).toEqual(['start_date_time.missing']);
    expect(paramsOf(v)[0]?.start_date_time).toBe('2024-03-01 10:15:00');
  });

  it('needs a site, a campaign or a visitor session', () => {
    const m = mapping();
    m.chat.site_id = { kind: 'none' };
    expect(codes(run(chat1, m))).toEqual(['target.missing']);
  });

  it('refuses the same chat twice in one file, keeping the first', () => {
    const rows = [...chat1, ...chat1.map((r) => ['c2', ...r.slice(1)])];
    const v = run(rows);
    expect(v.chatCount).toBe(2);
    expect(v.validChats).toBe(1);
    expect(v.findings).toMatchObject([{ code: 'chat.duplicate', rows: [4, 5], chat: 1 }]);
    expect(v.findings[0]?.message.en).toContain('row 2');
  });

  it('leaves out empty messages and blocks a chat left with none', () => {
    const rows = chat1.map((r) => r.slice());
    rows[1]![9] = '  ';
    const v = run(rows);
    expect(codes(v)).toEqual(['message.empty']);
    expect(paramsOf(v)[0]?.messages).toHaveLength(1);
    rows[0]![9] = '';
    expect(codes(run(rows))).toEqual(['message.empty', 'message.empty', 'chat.no_messages']);
  });

  it('skips blank rows without shifting row numbers', () => {
    const rows = [chat1[0]!, [], [null, null, '  '], chat1[1]!];
    rows[3] = rows[3]!.slice();
    rows[3]![9] = '';
    const v = run(rows);
    expect(v.blankRows).toBe(2);
    expect(v.findings).toMatchObject([{ code: 'message.empty', rows: [5] }]);
  });

  it('reports a row without a chat key', () => {
    const rows = [...chat1, ['', '', '', '', '', '', '01.03.2024 10:17', 'Клиент', '', 'Спасибо']];
    expect(run(rows).findings).toMatchObject([{ code: 'chat_key.missing', rows: [4] }]);
  });

  it('groups consecutive rows of the same visitor when there is no chat key', () => {
    const m = mapping({ layout: { kind: 'messages-consecutive' } });
    const second = chat1.map((r) => ['', ...r.slice(1)]);
    second[0]![3] = '+7 999 765-43-21';
    second[0]![1] = '02.03.2024 11:00';
    second[0]![6] = '02.03.2024 11:00';
    second[1]![6] = '02.03.2024 11:01';
    const v = run([...chat1.map((r) => ['', ...r.slice(1)]), ...second], m);
    expect(v.chatCount).toBe(2);
    expect(v.validChats).toBe(2);
  });

  it('reads one row per chat, dating the message at the chat start', () => {
    const m = mapping({ layout: { kind: 'chat-per-row' } });
    m.message.date_time = { kind: 'none' };
    const v = run([chat1[0]!], m);
    expect(paramsOf(v)[0]?.messages).toEqual([{ date_time: '2024-03-01 10:15:00', source: 'visitor', message: 'Здравствуйте' }]);
  });

  it('names a mapping column the sheet does not have', () => {
    const m = mapping();
    m.chat.phone = col('Mobile');
    const result = new ValidationSession(table(chat1), { employees, now: () => NOW }).validate(m);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'mapping.unknown_column', column: 'Mobile', field: 'phone' });
  });

  it('re-validates after a mapping change reusing the columns that did not change', () => {
    const session = new ValidationSession(table(chat1), { employees, now: () => NOW });
    const first = session.validate(mapping());
    const changed = mapping();
    changed.chat.status = { kind: 'constant', value: 'lost' };
    const second = session.validate(changed);
    if (!first.ok || !second.ok) throw new Error('validation failed');
    expect(second.value.columns.message).toBe(first.value.columns.message);
    expect(second.value.columns.status).not.toBe(first.value.columns.status);
    expect(paramsOf(second.value)[0]?.status).toBe('lost');
  });
});

describe('batches', () => {
  function manyChats(count: number, text = 'hello'): Cell[][] {
    return Array.from({ length: count }, (_, i) => [
      `c${i}`, '01.03.2024 10:15', 'V', `+7 999 ${String(1000000 + i)}`, '', 'lost', '01.03.2024 10:15', 'visitor', '', `${text} ${i}`,
    ]);
  }

  it('holds at most 500 chats each, in file order', () => {
    const batches = [...batchesOf(run(manyChats(1201)))];
    expect(batches.map((b) => b.chats.length)).toEqual([500, 500, 201]);
    expect(batches.flatMap((b) => b.chatIndexes)).toEqual(Array.from({ length: 1201 }, (_, i) => i));
  });

  it('stays under 512 KB of JSON each', () => {
    const batches = [...batchesOf(run(manyChats(300, 'ж'.repeat(2000))))];
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) {
      expect(b.bytes).toBe(Buffer.byteLength(JSON.stringify(b.chats)));
      expect(b.bytes).toBeLessThanOrEqual(512 * 1024 - 2048);
    }
  });

  it('refuses a chat too large for any request', () => {
    const v = run(manyChats(1, 'ж'.repeat(300_000)));
    expect(codes(v)).toEqual(['chat.too_large']);
  });
});

describe('batch JSON', () => {
  it('is exactly the chats serialised, and its byte count is true', () => {
    const rows: Cell[][] = Array.from({ length: 3 }, (_, i) => [
      `c${i}`, '01.03.2024 10:15', 'Ёжик "в тумане"', `+7 999 ${String(1000000 + i)}`, '', 'lost', '01.03.2024 10:15', 'visitor', '', `текст\n${i}`,
    ]);
    const [batch] = [...batchesOf(run(rows))];
    expect(JSON.parse(batch!.json.toString('utf8'))).toEqual(batch!.chats);
    expect(batch!.bytes).toBe(batch!.json.length);
  });
});

describe('operators without an employee list', () => {
  it('says the list is missing rather than that the employee is unknown', () => {
    const v = new ValidationSession(table(chat1), { employees: [], now: () => NOW }).validate(mapping());
    if (!v.ok) throw new Error(v.error.message.en);
    expect(v.value.findings).toMatchObject([{ code: 'employee.no_directory', rows: [3], column: 'Operator' }]);
    expect(v.value.findings[0]?.message.en).toContain('--employees');
  });
});

describe('site and campaign ids the account does not have', () => {
  const HEADERS_WITH_SITE = [...HEADERS, 'Site', 'Campaign'];
  /** chat1 under another key and another visitor's phone, so no two are the same chat. */
  const chatOn = (key: string, site: Cell, campaign: Cell = ''): Cell[][] =>
    chat1.map((row, i) =>
      i === 0 ? [key, row[1]!, row[2]!, `+7 999 000-00-${key.slice(1).padStart(2, '0')}`, ...row.slice(4), site, campaign] : [key, ...row.slice(1), '', ''],
    );
  const bySite = mapping({
    chat: { ...mapping().chat, site_id: col('Site'), campaign_id: col('Campaign') },
  } as Partial<MappingInput>);

  function validate(rows: Cell[][], m: Mapping, lists: AccountIds): Validation {
    const sheet: Table = { file: 'chats.xlsx', sheet: 'Chats', headers: HEADERS_WITH_SITE, headerRow: 1, rows };
    const result = new ValidationSession(sheet, { employees, now: () => NOW, ...lists }).validate(m);
    if (!result.ok) throw new Error(result.error.message.en);
    return result.value;
  }

  it('blocks the chat whose site is not one of the account’s, naming the row, the column and the id', () => {
    const rows = [...chatOn('c1', 12), ...chatOn('c2', '77')];
    const v = validate(rows, bySite, { sites: [12, 14], campaigns: [] });
    expect(v.validChats).toBe(1);
    expect(v.findings).toMatchObject([{ code: 'site.unknown', severity: 'error', field: 'site_id', column: 'Site', rows: [4] }]);
    expect(v.findings[0]?.message.en).toBe('The site "77" in "Site" is not one of this account\'s sites, so CallGear would refuse the chat.');
    expect(v.findings[0]?.message.ru).toContain('нет среди сайтов этого аккаунта');
    expect(paramsOf(v).map((chat) => chat.site_id)).toEqual([12]);
  });

  it('blocks every chat when the site set for all of them is another account’s, and says where to change it', () => {
    const v = validate([...chatOn('c1', ''), ...chatOn('c2', '')], mapping(), { sites: [12, 14] });
    expect(v.validChats).toBe(0);
    expect(codes(v)).toEqual(['site.unknown', 'site.unknown']);
    expect(v.findings[0]?.message.en).toBe(
      "The site 77 set for all chats is not one of this account's sites, so CallGear would refuse every chat: choose one of its sites in the mapping.",
    );
  });

  it('checks campaigns against the account’s campaigns', () => {
    const rows = [...chatOn('c1', 12, 5), ...chatOn('c2', 12, 6)];
    const v = validate(rows, bySite, { sites: [12], campaigns: [{ id: 5 }] });
    expect(v.findings).toMatchObject([{ code: 'campaign.unknown', column: 'Campaign', rows: [4] }]);
    expect(v.validChats).toBe(1);
  });

  it('blocks a chat whose campaign runs on another site than the chat’s', () => {
    const rows = [...chatOn('c1', 12, 5), ...chatOn('c2', 14, 5), ...chatOn('c3', '', 5)];
    const v = validate(rows, bySite, { sites: [12, 14], campaigns: [{ id: 5, siteId: 12 }] });
    expect(v.findings).toMatchObject([{ code: 'campaign.other_site', severity: 'error', field: 'campaign_id', column: 'Campaign', rows: [4, 5] }]);
    expect(v.findings[0]?.message.en).toBe(
      "The campaign 5 runs on site 12, but this chat's site is 14; CallGear refuses a chat whose campaign and site disagree: correct one of them, or leave one out.",
    );
    // A campaign alone places the chat on its own site.
    expect(paramsOf(v).map((chat) => [chat.site_id, chat.campaign_id])).toEqual([[12, 5], [undefined, 5]]);
  });

  it('checks only the shape of ids while the account’s lists are unknown (offline, or the CLI)', () => {
    const rows = [...chatOn('c1', 12, 5), ...chatOn('c2', '77', 6)];
    expect(validate(rows, bySite, {}).validChats).toBe(2);
    expect(codes(validate(rows, bySite, { campaigns: [{ id: 5 }, { id: 6 }] }))).toEqual([]);
  });
});
