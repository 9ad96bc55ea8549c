import { fail, ok, type Result } from '../common/text.ts';
import { CHAT_STATUSES, INITIATORS, SOURCES, UploadedChatSchema, type UploadedChat } from './chat-model.ts';
import { isDateTime } from './datetime.ts';
import { isRecord } from './envelope.ts';
import type { ReferenceData, VisitorSession } from './reference-data.ts';
import { badValue, combination, missing, rpcError, unexpected, wrongType, type RpcError } from './rpc-errors.ts';

/**
 * The rules of `upload.chats` (callgear-data-api.md §5), checked in input order so the first
 * error names the first bad chat: `data.field` carries its index, e.g. `chats.12.messages.3.date_time`.
 * One bad chat rejects the whole request, as the real API most likely does (§7.1).
 */
export const MAX_CHATS = 500;

export interface UploadContext {
  reference: ReferenceData;
  /** The account's current wall time: dates after it are in the future. */
  now: string;
}

type Raw = Record<string, unknown>;
type Check = (value: never) => string | undefined;

interface FieldRule {
  key: string;
  type: 'string' | 'integer' | 'array';
  required?: boolean;
  /** Why the value is wrong, or undefined when it is fine. */
  check?: Check;
}

const PHONE = /^[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const oneOf = (values: readonly string[]) => (v: string) => (values.includes(v) ? undefined : `must be one of ${values.join(', ')}`);
const known = (ids: ReadonlySet<number>, what: string) => (v: number) => (ids.has(v) ? undefined : `no such ${what} in the account`);
const pastDateTime = (now: string) => (v: string) =>
  !isDateTime(v) ? 'must be a date-time as YYYY-MM-DD hh:mm:ss' : v > now ? "can't be in the future" : undefined;

function chatRules(ctx: UploadContext): FieldRule[] {
  const ref = ctx.reference;
  return [
    { key: 'start_date_time', type: 'string', required: true, check: pastDateTime(ctx.now) },
    { key: 'name', type: 'string' },
    // Digits only, as the reference says to send (§5.1, §7.10): a '+' is refused here although the real API may take it.
    { key: 'phone', type: 'string', check: (v: string) => (PHONE.test(v) ? undefined : 'must be an E.164 number: 7 to 15 digits with the country code') },
    { key: 'email', type: 'string', check: (v: string) => (v.length <= 254 && EMAIL.test(v) ? undefined : 'must be an e-mail address') },
    { key: 'status', type: 'string', required: true, check: oneOf(CHAT_STATUSES) },
    { key: 'initiator', type: 'string', check: oneOf(INITIATORS) },
    { key: 'visitor_session_id', type: 'integer', check: known(new Set(ref.visitorSessions.map((s) => s.id)), 'visitor session') },
    { key: 'campaign_id', type: 'integer', check: known(new Set(ref.campaigns.map((c) => c.id)), 'campaign') },
    { key: 'site_id', type: 'integer', check: known(new Set(ref.sites.map((s) => s.id)), 'site') },
    { key: 'messages', type: 'array', required: true, check: (v: unknown[]) => (v.length ? undefined : 'must hold at least one message') },
  ];
}

function messageRules(ctx: UploadContext): FieldRule[] {
  return [
    { key: 'date_time', type: 'string', required: true, check: pastDateTime(ctx.now) },
    { key: 'source', type: 'string', required: true, check: oneOf(SOURCES) },
    { key: 'employee_id', type: 'integer', check: known(new Set(ctx.reference.employees.map((e) => e.id)), 'employee') },
    // ASSUME: "required" means a text to show; an empty message is refused.
    { key: 'message', type: 'string', required: true, check: (v: string) => (v.trim() ? undefined : 'must not be empty') },
  ];
}

function typeError(value: unknown, type: FieldRule['type'], path: string): RpcError | undefined {
  if (type === 'string') return typeof value === 'string' ? undefined : wrongType(path, value, 'a string');
  if (type === 'array') return Array.isArray(value) ? undefined : wrongType(path, value, 'an array');
  if (typeof value !== 'number') return wrongType(path, value, 'a number');
  return Number.isInteger(value) ? undefined : badValue(path, value, 'must be a whole number');
}

/** Unknown keys first, then each documented field in the page's order. */
function checkFields(raw: Raw, rules: readonly FieldRule[], path: string): RpcError | undefined {
  const extra = Object.keys(raw).find((k) => !rules.some((r) => r.key === k));
  if (extra !== undefined) return unexpected(`${path}.${extra}`, raw[extra]);
  for (const rule of rules) {
    const field = `${path}.${rule.key}`;
    const value = raw[rule.key];
    if (value === undefined) {
      if (rule.required) return missing(field);
      continue;
    }
    const problem = typeError(value, rule.type, field);
    if (problem) return problem;
    const why = rule.check?.(value as never);
    if (why) return badValue(field, value, why);
  }
  return undefined;
}

/** Rule A: a session, campaign or site, and when several are given they must agree (§5). */
function checkPlacement(raw: Raw, ref: ReferenceData, path: string): RpcError | undefined {
  const session = ref.visitorSessions.find((s) => s.id === raw.visitor_session_id);
  const campaign = ref.campaigns.find((c) => c.id === raw.campaign_id);
  const siteId = raw.site_id;
  if (!session && !campaign && siteId === undefined) {
    const params = { one_of: ['visitor_session_id', 'campaign_id', 'site_id'] };
    return rpcError('required_parameter_missed', `One of visitor_session_id, campaign_id or site_id is required in ${path}`, { field: path, params });
  }
  if (campaign && siteId !== undefined && campaign.site_id !== siteId) {
    return combination(`${path}.campaign_id`, campaign.id, `the campaign belongs to site ${campaign.site_id}, not ${String(siteId)}`);
  }
  return session ? checkSession(raw, session, path) : undefined;
}

function checkSession(raw: Raw, session: VisitorSession, path: string): RpcError | undefined {
  if (raw.site_id !== undefined && raw.site_id !== session.site_id) {
    return combination(`${path}.visitor_session_id`, session.id, `the session is on site ${session.site_id}`);
  }
  if (raw.campaign_id !== undefined && raw.campaign_id !== session.campaign_id) {
    return combination(`${path}.visitor_session_id`, session.id, `the session came from campaign ${session.campaign_id}`);
  }
  // The RU page: a chat starts after its visitor session began (§5.1; the EN text reads the other way).
  const start = raw.start_date_time as string;
  if (start < session.start_time) return combination(`${path}.start_date_time`, start, "can't be earlier than the visitor session's start");
  return undefined;
}

interface Rules {
  chat: readonly FieldRule[];
  message: readonly FieldRule[];
}

function checkMessages(messages: unknown[], start: string, rules: readonly FieldRule[], path: string): RpcError | undefined {
  for (const [j, message] of messages.entries()) {
    const at = `${path}.messages.${j}`;
    if (!isRecord(message)) return wrongType(at, message, 'an object');
    const problem = checkFields(message, rules, at);
    if (problem) return problem;
    if (message.source === 'operator' && message.employee_id === undefined) return missing(`${at}.employee_id`);
    const sent = message.date_time as string;
    if (sent < start) return badValue(`${at}.date_time`, sent, "can't be earlier than the chat's start_date_time");
  }
  return undefined;
}

function checkChat(raw: unknown, ctx: UploadContext, rules: Rules, path: string): RpcError | undefined {
  if (!isRecord(raw)) return wrongType(path, raw, 'an object');
  const problem = checkFields(raw, rules.chat, path) ?? checkPlacement(raw, ctx.reference, path);
  if (problem) return problem;
  if (raw.phone === undefined && raw.email === undefined) {
    return rpcError('required_parameter_missed', `One of phone or email is required in ${path}`, { field: path, params: { one_of: ['phone', 'email'] } });
  }
  return checkMessages(raw.messages as unknown[], raw.start_date_time as string, rules.message, path);
}

/** The chats of an `upload.chats` request, or the first error in input order. */
export function validateChats(chats: unknown, ctx: UploadContext): Result<UploadedChat[], RpcError> {
  if (chats === undefined) return fail(missing('chats'));
  if (!Array.isArray(chats)) return fail(wrongType('chats', chats, 'an array'));
  if (chats.length === 0) return fail(badValue('chats', chats, 'must hold at least one chat'));
  if (chats.length > MAX_CHATS) return fail(badValue('chats', undefined, `at most ${MAX_CHATS} chats per request, got ${chats.length}`));
  const rules: Rules = { chat: chatRules(ctx), message: messageRules(ctx) };
  const valid: UploadedChat[] = [];
  for (const [i, raw] of chats.entries()) {
    const problem = checkChat(raw, ctx, rules, `chats.${i}`);
    if (problem) return fail(problem);
    // The checks above are the rules; the schema only turns the checked value into a typed one.
    const typed = UploadedChatSchema.safeParse(raw);
    if (!typed.success) return fail(rpcError('internal_error', `Internal error while reading chats.${i}`));
    valid.push(typed.data);
  }
  return ok(valid);
}
