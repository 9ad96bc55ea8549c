import type { ChatReportRow } from '../callgear/schemas.ts';
import type { ChatProbe } from './plan.ts';

export interface Candidate {
  key: string;
  probe: ChatProbe;
}

export interface Matched {
  found: [string, number][];
  missing: string[];
}

const lower = (value: string | undefined) => value?.toLowerCase() ?? '';
/** Phones may come back with or without `+`, spaces or dashes. */
const digits = (value: string | undefined) => value?.replace(/\D/g, '') ?? '';

function fullKey(start: string, phone: string | undefined, email: string | undefined): string {
  return `${start}|${digits(phone)}|${lower(email)}`;
}

function hasContact(row: ChatReportRow): boolean {
  return row.visitor_phone_number !== undefined || row.visitor_email !== undefined;
}

/**
 * Finds chats whose upload outcome was unknown among the chats CallGear holds. A chat matches a
 * report row by its start time and the visitor's phone and e-mail; where the report carries no
 * contact fields, by start time and message count. Ids already claimed by this import are never
 * matched twice, and each row matches one chat at most, so a resend can only follow "not found".
 */
export function matchReport(candidates: readonly Candidate[], rows: readonly ChatReportRow[], claimed: ReadonlySet<number>): Matched {
  const pool = new Map<string, number[]>();
  for (const row of rows) {
    if (claimed.has(row.id) || row.date_time === undefined) continue;
    if (row.chat_channel_type !== undefined && row.chat_channel_type !== 'dataapi') continue;
    const key = hasContact(row) ? fullKey(row.date_time, row.visitor_phone_number, row.visitor_email) : `${row.date_time}#${row.messages_count ?? ''}`;
    const ids = pool.get(key) ?? [];
    ids.push(row.id);
    pool.set(key, ids);
  }
  const found: [string, number][] = [];
  const missing: string[] = [];
  for (const candidate of candidates) {
    const { start, phone, email, messages } = candidate.probe;
    const ids = pool.get(fullKey(start, phone, email)) ?? pool.get(`${start}#${messages}`);
    const id = ids?.shift();
    if (id === undefined) missing.push(candidate.key);
    else found.push([candidate.key, id]);
  }
  return { found, missing };
}

/** The report's window: from the earliest to the latest chat start, whole seconds, inclusive. */
export function reportWindow(candidates: readonly Candidate[]): { dateFrom: string; dateTill: string } {
  let from = candidates[0]?.probe.start ?? '';
  let till = from;
  for (const { probe } of candidates) {
    if (probe.start < from) from = probe.start;
    if (probe.start > till) till = probe.start;
  }
  return { dateFrom: from, dateTill: till };
}
