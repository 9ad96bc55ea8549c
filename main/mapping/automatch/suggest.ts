import type { Text } from '../../common/text.ts';
import type { Table } from '../../sheet/types.ts';
import { ALL_FIELDS, CHAT_FIELDS, type FieldName } from '../fields.ts';
import { MAPPING_VERSION, MappingSchema, type Layout, type MappingInput, type Source } from '../model.ts';
import { assign, claimsOf, type ColumnEvidence } from './assign.ts';
import { chatLevel, findGroups } from './groups.ts';
import { scoreHeader } from './header-score.ts';
import { guessLayout } from './layout.ts';
import { profileColumn } from './profile.ts';
import {
  chosenReason,
  messageAtStartReason,
  noneReason,
  onlyDateReason,
  startFromFirstMessageReason,
  visitorSourceReason,
} from './reasons.ts';
import type { Candidate, SuggestOptions, Suggestion, Target } from './types.ts';

const DEFAULT_SAMPLE_ROWS = 2000;
const VISITOR_SOURCE_CONFIDENCE = 0.6;

/** Fields whose values repeat on consecutive rows without marking a chat. */
const NOT_CHATS = new Set<Target>(['employee_id', 'source', 'message', 'date_time', 'status', 'initiator', 'site_id', 'campaign_id']);

/**
 * Propose a mapping for a table from its header names and from what the first rows hold.
 * Fields it cannot place stay `{ kind: 'none' }`: an empty field is easier to notice than a wrong one.
 */
export function suggestMapping(table: Table, options: SuggestOptions = {}): Suggestion {
  const sampleRows = Math.max(1, Math.floor(options.sampleRows ?? DEFAULT_SAMPLE_ROWS));
  const columns = table.headers.map((_, i) => profileColumn(table, i, sampleRows));
  const headers = columns.map((stats) => scoreHeader(stats.header));
  const notChats = new Set<number>();
  headers.forEach((matches, i) => {
    const best = matches[0];
    if (best && best.score >= 0.8 && NOT_CHATS.has(best.target)) notChats.add(i);
  });
  const groups = findGroups(table, columns, notChats);
  const evidence: ColumnEvidence[] = columns.map((stats, i) => ({
    stats,
    headers: headers[i] ?? [],
    context: {
      chatLevel: chatLevel(table, groups, stats),
      grouped: groups.column >= 0,
      units: groups.column >= 0 ? groups.starts.length : stats.nonEmpty,
    },
  }));
  const claims = evidence.flatMap(claimsOf);
  const chosen = assign(claims);
  const layout = guessLayout(chosen, groups, columns);

  const confidence = Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<FieldName, number>;
  const reasons = {} as Record<FieldName, Text>;
  const sources = new Map<FieldName, Source>();
  const headerOf = (column: number): string => table.headers[column] ?? '';

  for (const field of ALL_FIELDS) {
    const claim = chosen.get(field);
    if (!claim) continue;
    sources.set(field, { kind: 'column', column: headerOf(claim.column) });
    confidence[field] = round(claim.score);
    reasons[field] = chosenReason(claim, headerOf(claim.column), evidence[claim.column]?.headers ?? []);
  }

  // One date column: it is the chat start when each row is a chat (the message was written then),
  // and the message time when rows are messages (the chat starts at its first message). The
  // engine fills the other field from it, so it is not mapped twice.
  const start = chosen.get('start_date_time');
  const time = chosen.get('date_time');
  const only = start && !time ? start : time && !start ? time : undefined;
  const wanted: FieldName = layout.kind === 'chat-per-row' ? 'start_date_time' : 'date_time';
  if (only && only.target !== wanted && (wanted === 'start_date_time' || (evidence[only.column]?.context.chatLevel ?? 1) < 0.5)) {
    sources.delete(only.target as FieldName);
    confidence[only.target as FieldName] = 0;
    sources.set(wanted, { kind: 'column', column: headerOf(only.column) });
    confidence[wanted] = round(only.score);
    reasons[wanted] = onlyDateReason(wanted, headerOf(only.column));
  }

  if (layout.kind === 'chat-per-row' && sources.has('message') && !sources.has('source')) {
    // One message per chat and nobody named as its writer: it is the visitor's, who opened the chat.
    sources.set('source', { kind: 'constant', value: 'visitor' });
    confidence.source = VISITOR_SOURCE_CONFIDENCE;
    reasons.source = visitorSourceReason();
  }

  for (const field of ALL_FIELDS) {
    if (sources.has(field)) continue;
    if (field === 'start_date_time' && layout.kind !== 'chat-per-row' && sources.has('date_time')) {
      reasons[field] = startFromFirstMessageReason();
    } else if (field === 'date_time' && layout.kind === 'chat-per-row' && sources.has('start_date_time')) {
      reasons[field] = messageAtStartReason();
    } else {
      reasons[field] = noneReason(field, rivalFor(field, claims, chosen, headerOf));
    }
  }

  const layoutValue: Layout =
    layout.kind === 'messages-by-key'
      ? { kind: 'messages-by-key', chatKey: headerOf(chosen.get('chatKey')!.column) }
      : { kind: layout.kind };
  const source = (f: FieldName): Source => sources.get(f) ?? { kind: 'none' };
  const input: MappingInput = {
    version: MAPPING_VERSION,
    layout: layoutValue,
    chat: Object.fromEntries(CHAT_FIELDS.map((f) => [f, source(f)])) as MappingInput['chat'],
    message: {
      date_time: source('date_time'),
      source: source('source'),
      employee_id: source('employee_id'),
      message: source('message'),
    },
  };
  return {
    mapping: MappingSchema.parse(input),
    confidence,
    reasons: Object.fromEntries(ALL_FIELDS.map((f) => [f, reasons[f]])) as Record<FieldName, Text>,
    layout: { kind: layout.kind, confidence: round(layout.confidence), reason: layout.reason },
  };
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

/** The best claim on a field whose column went to something else, if it was a serious one. */
function rivalFor(
  field: FieldName,
  claims: readonly Candidate[],
  chosen: ReadonlyMap<Target, Candidate>,
  headerOf: (column: number) => string,
): { header: string; target: Target } | undefined {
  let best: Candidate | undefined;
  for (const c of claims) if (c.target === field && c.score >= 0.5 && (!best || c.score > best.score)) best = c;
  if (!best) return undefined;
  for (const [target, claim] of chosen) {
    if (claim.column === best.column && target !== field) return { header: headerOf(best.column), target };
  }
  return undefined;
}
