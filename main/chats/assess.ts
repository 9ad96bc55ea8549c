import type { Table } from '../sheet/types.ts';
import type { ChatField, FieldName } from '../mapping/fields.ts';
import type { FieldColumn, CellIssue } from './columns.ts';
import type { Grouping } from './group.ts';
import { FindingList } from './report.ts';
import { formatWall } from './normalise/datetime.ts';
import type { FindingCode } from './codes.ts';

/** A chat that passed every rule, ready to become `upload.chats` params. */
export interface ChatDraft {
  chat: number;
  start: number;
  name?: string;
  phone?: string;
  email?: string;
  status: string;
  initiator?: string;
  visitor_session_id?: number;
  campaign_id?: number;
  site_id?: number;
  /** Data rows of the messages, in the order they are sent (by time, then file order). */
  messageRows: number[];
  /** Each message's time (account wall ms), same order. */
  messageTimes: number[];
}

export type Columns = Record<FieldName, FieldColumn>;

export interface AssessInput {
  table: Table;
  grouping: Grouping;
  columns: Columns;
  /** The fields that have a column or a constant. */
  mapped: ReadonlySet<FieldName>;
  /** The newest time accepted (account wall ms): now plus a small clock-skew margin. */
  latest: number;
}

export interface Assessment {
  findings: FindingList;
  drafts: (ChatDraft | undefined)[];
}

/** Apply every per-chat and per-message rule of upload.chats (callgear-data-api.md §5). */
export function assessChats(input: AssessInput): Assessment {
  const findings = new FindingList(input.table);
  const drafts: (ChatDraft | undefined)[] = new Array(input.grouping.chatCount);
  const { grouping } = input;
  for (const r of grouping.keyless) {
    findings.add('chat_key.missing', [r], { column: input.columns.message.column });
  }
  for (let chat = 0; chat < grouping.chatCount; chat++) {
    const rows = Array.from(grouping.rowsOf.subarray(grouping.starts[chat], grouping.starts[chat + 1]));
    drafts[chat] = assessChat(input, findings, chat, rows);
  }
  return { findings, drafts };
}

interface Picked<T> {
  value?: T;
  issue?: CellIssue;
  issueRows: number[];
  conflictRow?: number;
}

/** A chat-level field may be written on every row of the chat or on one: take the first value. */
function pick<T extends string | number>(column: FieldColumn, rows: number[]): Picked<T> {
  const picked: Picked<T> = { issueRows: [] };
  for (const r of rows) {
    const value = column.values[r] as T | undefined;
    const issue = column.issues[r];
    if (issue) {
      picked.issue ??= issue;
      if (value === undefined) picked.issueRows.push(r);
    }
    if (value === undefined) continue;
    if (picked.value === undefined) picked.value = value;
    else if (value !== picked.value && picked.conflictRow === undefined) picked.conflictRow = r;
  }
  return picked;
}

function assessChat(input: AssessInput, findings: FindingList, chat: number, rows: number[]): ChatDraft | undefined {
  const { columns, mapped } = input;
  const before = findings.items.length;
  const where = (field: FieldName) => ({ field, column: columns[field].column, chat });
  const issueFinding = (field: FieldName, p: Picked<string | number>, code?: FindingCode) => {
    const issue = p.issue as CellIssue;
    findings.add(code ?? issue.code, p.issueRows.length ? p.issueRows : rows, where(field), issue, issue.fix);
  };
  const chatField = <T extends string | number>(field: ChatField): Picked<T> => {
    const p = pick<T>(columns[field], rows);
    if (p.conflictRow !== undefined) {
      findings.add('chat.conflicting_values', [p.conflictRow], where(field), { value: String(p.value) });
    }
    return p;
  };

  const status = chatField<string>('status');
  if (status.value === undefined) {
    if (status.issue) issueFinding('status', status);
    else findings.add('status.missing', rows, where('status'));
  }
  const initiator = chatField<string>('initiator');
  if (initiator.value === undefined && initiator.issue) issueFinding('initiator', initiator);

  const phone = chatField<string>('phone');
  const email = chatField<string>('email');
  if (phone.value !== undefined && phone.issue?.code === 'phone.repaired') {
    findings.add('phone.repaired', rows.filter((r) => columns.phone.issues[r] === phone.issue), where('phone'), phone.issue);
  }
  if (phone.value === undefined && email.value === undefined) {
    if (phone.issue) issueFinding('phone', phone);
    if (email.issue) issueFinding('email', email);
    if (!phone.issue && !email.issue) findings.add('contact.missing', rows, { chat });
  } else {
    if (phone.value === undefined && phone.issue) issueFinding('phone', phone, 'phone.dropped');
    if (email.value === undefined && email.issue) issueFinding('email', email, 'email.dropped');
  }

  const targets = (['visitor_session_id', 'campaign_id', 'site_id'] as const).map((field) => {
    const p = chatField<number>(field);
    if (p.value === undefined && p.issue) issueFinding(field, p);
    return p;
  });
  if (targets.every((p) => p.value === undefined && !p.issue)) findings.add('target.missing', rows, { chat });

  const name = mapped.has('name') ? chatField<string>('name').value : undefined;
  const messages = assessMessages(input, findings, chat, rows);
  const start = chatStart(input, findings, chat, rows, messages);
  if (start !== undefined) {
    for (let i = 0; i < messages.rows.length; i++) {
      const time = messages.times[i]!;
      if (time < start) {
        findings.add('message.before_start', [messages.rows[i]!], where('date_time'), {
          normalised: formatWall(time),
          other: formatWall(start),
        }, formatWall(time));
      }
    }
  }

  if (findings.items.length > before && findings.items.slice(before).some((f) => f.severity === 'error')) return undefined;
  const draft: ChatDraft = {
    chat,
    start: start as number,
    status: status.value as string,
    messageRows: messages.rows,
    messageTimes: messages.times,
  };
  if (name !== undefined) draft.name = name;
  if (phone.value !== undefined) draft.phone = phone.value;
  if (email.value !== undefined) draft.email = email.value;
  if (initiator.value !== undefined) draft.initiator = initiator.value;
  const [session, campaign, site] = targets;
  if (session?.value !== undefined) draft.visitor_session_id = session.value;
  if (campaign?.value !== undefined) draft.campaign_id = campaign.value;
  if (site?.value !== undefined) draft.site_id = site.value;
  return draft;
}

/** The chat's start: its own column when it has a value, else its first message's time. */
function chatStart(
  input: AssessInput,
  findings: FindingList,
  chat: number,
  rows: number[],
  messages: { rows: number[]; times: number[] },
): number | undefined {
  const column = input.columns.start_date_time;
  const where = { field: 'start_date_time' as const, column: column.column, chat };
  const p = pick<number>(column, rows);
  let earliest: number | undefined;
  for (const time of messages.times) if (earliest === undefined || time < earliest) earliest = time;
  let start = p.value;
  if (start === undefined) {
    if (p.issue) {
      findings.add(p.issue.code, p.issueRows, where, p.issue);
      return undefined;
    }
    if (earliest === undefined) {
      if (messages.rows.length === 0 && rows.length > 0 && !input.mapped.has('date_time')) {
        findings.add('date_time.missing', rows, { field: 'date_time', column: input.columns.date_time.column, chat });
      }
      return undefined;
    }
    if (input.mapped.has('start_date_time')) {
      findings.add('start_date_time.missing', rows, where, { normalised: formatWall(earliest) });
    }
    start = earliest;
  } else if (p.conflictRow !== undefined) {
    findings.add('chat.conflicting_values', [p.conflictRow], where, { value: formatWall(start) });
  }
  if (start > input.latest) findings.add('date.future', rows, where, { normalised: formatWall(start) });
  return start;
}

/** Check every message row; return the sendable ones sorted by time (stable). */
function assessMessages(
  input: AssessInput,
  findings: FindingList,
  chat: number,
  rows: number[],
): { rows: number[]; times: number[] } {
  const { columns } = input;
  const where = (field: FieldName) => ({ field, column: columns[field].column, chat });
  const kept: { row: number; time: number }[] = [];
  let textCount = 0;
  for (const r of rows) {
    if (columns.message.values[r] === undefined) {
      findings.add('message.empty', [r], where('message'));
      continue;
    }
    textCount++;
    const time = messageTime(input, findings, chat, r);
    const source = columns.source.values[r];
    if (source === undefined) {
      const issue = columns.source.issues[r];
      if (issue) findings.add(issue.code, [r], where('source'), issue, issue.fix);
      else findings.add('source.missing', [r], where('source'));
    } else if (source === 'operator' && columns.employee_id.values[r] === undefined) {
      const issue = columns.employee_id.issues[r];
      if (issue) findings.add(issue.code, [r], where('employee_id'), issue, issue.fix);
      else findings.add('employee.missing', [r], where('employee_id'));
    }
    if (time !== undefined) kept.push({ row: r, time });
  }
  if (textCount === 0) findings.add('chat.no_messages', rows, { chat });
  kept.sort((a, b) => a.time - b.time);
  return { rows: kept.map((m) => m.row), times: kept.map((m) => m.time) };
}

function messageTime(input: AssessInput, findings: FindingList, chat: number, r: number): number | undefined {
  const { columns, mapped } = input;
  const column = columns.date_time;
  const where = { field: 'date_time' as const, column: column.column, chat };
  // One row per chat with no message time: the message was written when the chat started.
  const time = mapped.has('date_time') ? column.values[r] : columns.start_date_time.values[r];
  if (time === undefined) {
    const issue = column.issues[r];
    if (issue) findings.add(issue.code, [r], where, issue);
    else if (mapped.has('date_time')) findings.add('date_time.missing', [r], where);
    return undefined;
  }
  if ((time as number) > input.latest) findings.add('date.future', [r], where, { normalised: formatWall(time as number) });
  return time as number;
}
