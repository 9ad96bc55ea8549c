import { text, type Text } from '../common/text.ts';

/**
 * What the caller should do about an error (callgear-data-api.md §4.3): resend later, wait for the
 * limit window, fix the data, ask the person, or stop because our request is malformed.
 */
export type Action = 'retry' | 'wait' | 'fix' | 'user' | 'bug';

/**
 * Whether the server may have acted on the request. Only writes care: an `upload.chats` whose
 * outcome is unknown must be reconciled before it is sent again, never resent blindly.
 */
export type Outcome = 'not-processed' | 'unknown';

/** Where a data error points inside `upload.chats` params, when the API names an index. */
export interface ChatLocation {
  chat: number;
  message?: number;
  /** The field below the chat or message, e.g. `date_time`. */
  leaf?: string;
}

/** The API answered with a JSON-RPC error. */
export interface ApiError {
  kind: 'api';
  /** Stable code for programs: `api.<mnemonic>`. */
  code: string;
  method: string;
  mnemonic: string;
  /** The JSON-RPC code: a fallback grouping only, since mnemonics drift between codes. */
  rpcCode: number;
  action: Action;
  outcome: Outcome;
  /** Words a person can act on. */
  message: Text;
  /** The API's own English text, with any secret we hold removed. */
  serverMessage: string;
  field?: string;
  value?: string | number | boolean | null;
  params: Readonly<Record<string, unknown>>;
  location?: ChatLocation;
  /** For `limit_exceeded`: which budget ran out. */
  window?: 'minute' | 'day';
}

export type TransportReason = 'timeout' | 'aborted' | 'refused' | 'dns' | 'tls' | 'reset' | 'http' | 'not-json' | 'bad-reply' | 'network';

/** No usable JSON-RPC reply: the network, a proxy or the server failed before answering. */
export interface TransportError {
  kind: 'transport';
  code: string;
  method: string;
  reason: TransportReason;
  status?: number;
  action: Action;
  outcome: Outcome;
  message: Text;
}

/** A local refusal before anything was sent (bad endpoint, no customer chosen, …). */
export interface ClientError {
  kind: 'client';
  code: string;
  method: string;
  action: Action;
  outcome: 'not-processed';
  message: Text;
}

export type CallGearError = ApiError | TransportError | ClientError;

/** Methods that change data: their transport failures leave the outcome unknown. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['upload.chats', 'delete.chats']);

/** `chats.12.messages.3.date_time` or `chats[12].messages[3].date_time` → indexes (§7.2). */
export function locateField(field: string | undefined): ChatLocation | undefined {
  if (field === undefined) return undefined;
  const match = /^chats(?:\.(\d+)|\[(\d+)\])(?:\.messages(?:\.(\d+)|\[(\d+)\]))?(?:\.(\w+))?$/.exec(field);
  if (match === null) return undefined;
  const chat = Number(match[1] ?? match[2]);
  const messageText = match[3] ?? match[4];
  const location: ChatLocation = { chat };
  if (messageText !== undefined) location.message = Number(messageText);
  if (match[5] !== undefined) location.leaf = match[5];
  return location;
}

export function clientError(method: string, code: string, message: Text, action: Action = 'user'): ClientError {
  return { kind: 'client', code, method, action, outcome: 'not-processed', message };
}

export function isUnknownOutcome(error: CallGearError): boolean {
  return error.outcome === 'unknown';
}

/** A one-line description for logs: codes and numbers only, never values or secrets. */
export function logLine(error: CallGearError): string {
  if (error.kind === 'api') return `${error.method} ${error.code} (${error.rpcCode}) action=${error.action}`;
  if (error.kind === 'transport') return `${error.method} ${error.code}${error.status ? ` http=${error.status}` : ''} outcome=${error.outcome}`;
  return `${error.method} ${error.code}`;
}

export const unknownOutcomeNote = text(
  'The request may have reached CallGear and been carried out; the chats are checked in CallGear before anything is sent again.',
  'Запрос мог дойти до CallGear и быть выполнен; перед повторной отправкой чаты будут проверены в CallGear.',
);
