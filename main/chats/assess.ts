import type { Table } from '../sheet/types.ts';
import type { ChatField, FieldName } from '../mapping/fields.ts';
import type { CellIssue, FieldColumn } from './columns.ts';
import type { Picked } from './field-column.ts';
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
  /** The site each of the account's campaigns runs on, where known. */
  campaignSites?: ReadonlyMap<number, number>;
}

export interface Assessment {
  findings: FindingList;
  drafts: (ChatDraft | undefined)[];
  /** Per chat, the characters of its sendable messages' texts: a cheap bound on its size. */
  textLengths: Float64Array;
}

/** Apply every per-chat and per-message rule of upload.chats (callgear-data-api.md §5). */
export function assessChats(input: AssessInput): Assessment {
  const findings = new FindingList(input.table);
  const drafts: (ChatDraft | undefined)[] = [];
  for (const r of input.grouping.keyless) {
    findings.add('chat_key.missing', [r], { column: input.columns.message.column });
  }
  const textLengths = new Float64Array(input.grouping.chatCount);
  const assessor = new ChatAssessor(input, findings, textLengths);
  for (let chat = 0; chat < input.grouping.chatCount; chat++) drafts.push(assessor.assess(chat));
  return { findings, drafts, textLengths };
}

const TARGETS = ['visitor_session_id', 'campaign_id', 'site_id'] as const;

/**
 * The rules for one chat at a time. A class rather than closures: this runs for every chat of a
 * million-row file, and per-chat closures showed up as allocation and GC time in profiles.
 */
class ChatAssessor {
  private readonly columns: Columns;
  private readonly rowsOf: Int32Array;
  private readonly timed: boolean;
  private chat = 0;
  /** The chat's rows are `rowsOf[from, to)`. */
  private from = 0;
  private to = 0;
  private list: number[] | undefined;

  constructor(
    private readonly input: AssessInput,
    private readonly findings: FindingList,
    private readonly textLengths: Float64Array,
  ) {
    this.columns = input.columns;
    this.rowsOf = input.grouping.rowsOf;
    this.timed = input.mapped.has('date_time');
  }

  /** The chat's rows as a list, made only when a finding names them. */
  private get rows(): number[] {
    this.list ??= Array.from(this.rowsOf.subarray(this.from, this.to));
    return this.list;
  }

  assess(chat: number): ChatDraft | undefined {
    const { grouping, mapped } = this.input;
    this.chat = chat;
    this.from = grouping.starts[chat] as number;
    this.to = grouping.starts[chat + 1] as number;
    this.list = undefined;
    const before = this.findings.items.length;

    const status = this.chatField<string>('status');
    if (status.value === undefined) {
      if (status.issue) this.issueFinding('status', status);
      else this.add('status.missing', this.rows, 'status');
    }
    const initiator = this.chatField<string>('initiator');
    if (initiator.value === undefined && initiator.issue) this.issueFinding('initiator', initiator);
    const { phone, email } = this.contact();
    const targets = [this.target(TARGETS[0]), this.target(TARGETS[1]), this.target(TARGETS[2])];
    let anyTarget = false;
    for (const p of targets) if (p.value !== undefined || p.issue) anyTarget = true;
    if (!anyTarget) this.findings.add('target.missing', this.rows, { chat });
    this.campaignOnSite(targets[1]?.value, targets[2]?.value);
    const name = mapped.has('name') ? this.chatField<string>('name').value : undefined;
    const messages = this.messages();
    const start = this.start(messages);
    if (start !== undefined) this.messagesAfter(start, messages);

    if (this.hasErrorSince(before)) return undefined;
    const draft: ChatDraft = {
      chat,
      start: start as number,
      status: status.value as string,
      messageRows: messages.rows,
      messageTimes: messages.times,
    };
    if (name !== undefined) draft.name = name;
    if (phone !== undefined) draft.phone = phone;
    if (email !== undefined) draft.email = email;
    if (initiator.value !== undefined) draft.initiator = initiator.value;
    const [session, campaign, site] = targets;
    if (session?.value !== undefined) draft.visitor_session_id = session.value;
    if (campaign?.value !== undefined) draft.campaign_id = campaign.value;
    if (site?.value !== undefined) draft.site_id = site.value;
    return draft;
  }

  private add(code: FindingCode, rows: number[], field: FieldName, detail = {}, fix?: string): void {
    this.findings.add(code, rows, { field, column: this.columns[field].column, chat: this.chat }, detail, fix);
  }

  private hasErrorSince(before: number): boolean {
    const items = this.findings.items;
    for (let i = before; i < items.length; i++) if (items[i]?.severity === 'error') return true;
    return false;
  }

  /** A chat-level field may be written on every row of the chat or on one: take the first value. */
  private pick<T extends string | number>(field: ChatField): Picked<T> {
    return this.columns[field].pick(this.rowsOf, this.from, this.to) as Picked<T>;
  }

  private chatField<T extends string | number>(field: ChatField): Picked<T> {
    const p = this.pick<T>(field);
    if (p.conflictRow !== undefined) this.add('chat.conflicting_values', [p.conflictRow], field, { value: String(p.value) });
    return p;
  }

  private issueFinding(field: FieldName, p: Picked<string | number>, code?: FindingCode): void {
    const issue = p.issue as CellIssue;
    this.add(code ?? issue.code, p.issueRows.length ? p.issueRows : this.rows, field, issue, issue.fix);
  }

  /** A phone or an e-mail; a bad one is only a warning when the other is good. */
  private contact(): { phone?: string; email?: string } {
    const phone = this.chatField<string>('phone');
    const email = this.chatField<string>('email');
    if (phone.value !== undefined && phone.issue?.code === 'phone.repaired') {
      const repaired = this.rows.filter((r) => this.columns.phone.issue(r) === phone.issue);
      this.add('phone.repaired', repaired, 'phone', phone.issue);
    }
    if (phone.value === undefined && email.value === undefined) {
      if (phone.issue) this.issueFinding('phone', phone);
      if (email.issue) this.issueFinding('email', email);
      if (!phone.issue && !email.issue) this.findings.add('contact.missing', this.rows, { chat: this.chat });
    } else {
      if (phone.value === undefined && phone.issue) this.issueFinding('phone', phone, 'phone.dropped');
      if (email.value === undefined && email.issue) this.issueFinding('email', email, 'email.dropped');
    }
    return { phone: phone.value, email: email.value };
  }

  private target(field: (typeof TARGETS)[number]): Picked<number> {
    const p = this.chatField<number>(field);
    if (p.value === undefined && p.issue) this.issueFinding(field, p);
    return p;
  }

  /** CallGear refuses a chat whose campaign runs on another site than the chat's. */
  private campaignOnSite(campaign: number | undefined, site: number | undefined): void {
    if (campaign === undefined || site === undefined) return;
    const itsSite = this.input.campaignSites?.get(campaign);
    if (itsSite === undefined || itsSite === site) return;
    this.add('campaign.other_site', this.rows, 'campaign_id', { value: String(campaign), normalised: String(site), other: String(itsSite) });
  }

  /** The chat's start: its own column when it has a value, else its first message's time. */
  private start(messages: { rows: number[]; times: number[] }): number | undefined {
    const { mapped, latest } = this.input;
    const p = this.pick<number>('start_date_time');
    let earliest: number | undefined;
    for (const time of messages.times) if (earliest === undefined || time < earliest) earliest = time;
    let start = p.value;
    if (start === undefined) {
      if (p.issue) {
        this.add(p.issue.code, p.issueRows, 'start_date_time', p.issue);
        return undefined;
      }
      if (earliest === undefined) {
        if (messages.rows.length === 0 && this.to > this.from && !this.timed) {
          this.add('date_time.missing', this.rows, 'date_time');
        }
        return undefined;
      }
      if (mapped.has('start_date_time')) {
        this.add('start_date_time.missing', this.rows, 'start_date_time', { normalised: formatWall(earliest) });
      }
      start = earliest;
    } else if (p.conflictRow !== undefined) {
      this.add('chat.conflicting_values', [p.conflictRow], 'start_date_time', { value: formatWall(start) });
    }
    if (start > latest) this.add('date.future', this.rows, 'start_date_time', { normalised: formatWall(start) });
    return start;
  }

  private messagesAfter(start: number, messages: { rows: number[]; times: number[] }): void {
    for (let i = 0; i < messages.rows.length; i++) {
      const time = messages.times[i] as number;
      if (time >= start) continue;
      const detail = { normalised: formatWall(time), other: formatWall(start) };
      // No suggested fix: the message's time or the chat's start may be the wrong one, and only the
      // person knows which (its own time rewritten would still be before the start).
      this.add('message.before_start', [messages.rows[i] as number], 'date_time', detail);
    }
  }

  /** Check every message row; return the sendable ones sorted by time (stable). */
  private messages(): { rows: number[]; times: number[] } {
    const { columns, rowsOf } = this;
    const keptRows: number[] = [];
    const keptTimes: number[] = [];
    let sorted = true;
    let textCount = 0;
    let textLength = 0;
    for (let i = this.from; i < this.to; i++) {
      const r = rowsOf[i] as number;
      const text = columns.message.value(r);
      if (text === undefined) {
        this.add('message.empty', [r], 'message');
        continue;
      }
      textCount++;
      const time = this.messageTime(r);
      this.messageSource(r);
      if (time === undefined) continue;
      if (keptTimes.length && time < (keptTimes[keptTimes.length - 1] as number)) sorted = false;
      keptRows.push(r);
      keptTimes.push(time);
      textLength += String(text).length;
    }
    this.textLengths[this.chat] = textLength;
    if (textCount === 0) this.findings.add('chat.no_messages', this.rows, { chat: this.chat });
    // Exports are nearly always in time order already: sort only when they are not.
    if (sorted) return { rows: keptRows, times: keptTimes };
    const order = keptRows.map((_, i) => i).sort((a, b) => (keptTimes[a] as number) - (keptTimes[b] as number) || a - b);
    return { rows: order.map((i) => keptRows[i] as number), times: order.map((i) => keptTimes[i] as number) };
  }

  private messageSource(r: number): void {
    const { columns } = this;
    const source = columns.source.value(r);
    if (source === undefined) {
      const issue = columns.source.issue(r);
      if (issue) this.add(issue.code, [r], 'source', issue, issue.fix);
      else this.add('source.missing', [r], 'source');
    } else if (source === 'operator' && columns.employee_id.value(r) === undefined) {
      const issue = columns.employee_id.issue(r);
      if (issue) this.add(issue.code, [r], 'employee_id', issue, issue.fix);
      else this.add('employee.missing', [r], 'employee_id');
    }
  }

  private messageTime(r: number): number | undefined {
    const { columns, timed } = this;
    const { latest } = this.input;
    // One row per chat with no message time: the message was written when the chat started.
    const time = timed ? columns.date_time.value(r) : columns.start_date_time.value(r);
    if (time === undefined) {
      const issue = columns.date_time.issue(r);
      if (issue) this.add(issue.code, [r], 'date_time', issue);
      else if (timed) this.add('date_time.missing', [r], 'date_time');
      return undefined;
    }
    if ((time as number) > latest) this.add('date.future', [r], 'date_time', { normalised: formatWall(time as number) });
    return time as number;
  }
}
