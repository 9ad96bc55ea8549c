import type { Credentials } from '../callgear/auth.ts';
import { CallGearClient } from '../callgear/client.ts';
import { resolveEndpoint } from '../callgear/endpoints.ts';
import type { CallGearError } from '../callgear/errors.ts';
import type { LogEntry } from '../callgear/rpc.ts';
import { ok, text, type Result, type Text } from '../common/text.ts';
import type { CustomerChoice } from './account.ts';

export type ConnectionOutcome = 'ok' | 'wrong-key' | 'ip-not-whitelisted' | 'component-missing' | 'no-rights' | 'offline' | 'failed';

/** What "Test connection" shows. Holds no secret: the client scrubs them from every error text. */
export interface ConnectionReport {
  outcome: ConnectionOutcome;
  /** `connection.ok`, or the client's code of what went wrong (`api.ip_not_whitelisted`, `transport.refused`, …). */
  code: string;
  message: Text;
  /** When CallGear answered `get.account` / `get.customer_users`. */
  account?: { role: 'customer' | 'agent'; name: string | undefined; timezone: string | undefined };
  /** An agent's customers, to choose the one to import for. */
  customers?: CustomerChoice[];
  /** The address CallGear refused, for the whitelist. */
  ip?: string;
}

export interface ConnectionTestDeps {
  fetch?: typeof fetch;
  now?: () => number;
  /** Per request (default 15 s: a person is waiting for the answer). */
  timeoutMs?: number;
  log?: (entry: LogEntry) => void;
}

interface Identity {
  role: 'customer' | 'agent';
  name: string | undefined;
  timezone: string | undefined;
  customers: CustomerChoice[];
}

const REJECTED = new Set(['access_token_invalid', 'access_token_expired', 'access_token_blocked', 'auth_error']);
const COMPONENT = new Set(['method_component_disabled', 'component_disabled', 'parameter_component_disabled']);
const OFFLINE = new Set(['refused', 'dns', 'timeout', 'reset', 'network']);

/** Whether CallGear refused the key or password itself (the account's secret is then "rejected"). */
export function isRejection(error: CallGearError): boolean {
  return error.kind === 'api' && REJECTED.has(error.mnemonic);
}

function outcomeOf(error: CallGearError): ConnectionOutcome {
  if (isRejection(error)) return 'wrong-key';
  if (error.kind === 'transport') return OFFLINE.has(error.reason) ? 'offline' : 'failed';
  if (error.kind !== 'api') return 'failed';
  if (error.mnemonic === 'ip_not_whitelisted') return 'ip-not-whitelisted';
  if (COMPONENT.has(error.mnemonic)) return 'component-missing';
  return error.mnemonic === 'forbidden' ? 'no-rights' : 'failed';
}

function failure(error: CallGearError): ConnectionReport {
  const report: ConnectionReport = { outcome: outcomeOf(error), code: error.code, message: error.message };
  if (error.kind === 'api' && typeof error.params.ip === 'string') report.ip = error.params.ip;
  return report;
}

const isForbidden = (error: CallGearError) => error.kind === 'api' && error.mnemonic === 'forbidden';

/**
 * Who the key belongs to. The docs list `get.customer_users` for agents only, so its `forbidden`
 * (or an empty list) means a customer, who must then be able to read `get.account`.
 */
async function identify(client: CallGearClient): Promise<Result<Identity, CallGearError>> {
  const users = await client.getCustomerUsers();
  if (!users.ok && !isForbidden(users.error)) return users;
  if (users.ok && users.value.length > 0) {
    const customers = users.value.map((u) => ({ userId: u.id, name: u.name ?? u.login ?? String(u.id) }));
    return ok({ role: 'agent', name: undefined, timezone: undefined, customers });
  }
  const account = await client.getAccount();
  return account.ok ? ok({ role: 'customer', name: account.value.name, timezone: account.value.timezone, customers: [] }) : account;
}

/**
 * `get.account` passes with the upload component off, so an empty `upload.chats` asks whether
 * uploads would be admitted. ASSUME: the API checks components and rights before params (as the
 * sandbox does), so it refuses the empty list itself and nothing is stored.
 */
async function uploadRefusal(client: CallGearClient): Promise<CallGearError | undefined> {
  const reply = await client.uploadChats([], 0);
  if (reply.ok || reply.error.kind !== 'api') return undefined;
  return COMPONENT.has(reply.error.mnemonic) || isForbidden(reply.error) || isRejection(reply.error) ? reply.error : undefined;
}

function greeting(who: Identity, probed: boolean): Text {
  if (who.role === 'customer') {
    const zone = who.timezone === undefined ? text('', '') : text(`, time zone ${who.timezone}`, `, часовой пояс ${who.timezone}`);
    return text(`Connected to "${who.name ?? '?'}"${zone.en}. Uploads are admitted.`, `Подключено к «${who.name ?? '?'}»${zone.ru}. Загрузка допускается.`);
  }
  const n = who.customers.length;
  return probed
    ? text(`Connected as an agent with ${n} customers; uploads for the chosen customer are admitted.`, `Подключено как агент, клиентов: ${n}; загрузка для выбранного клиента допускается.`)
    : text(`Connected as an agent with ${n} customers. Choose the customer to import for.`, `Подключено как агент, клиентов: ${n}. Выберите клиента, для которого загружать чаты.`);
}

/**
 * "Test connection": who the credentials belong to and whether an upload would be admitted, in
 * words a person can act on. Never throws; a login session it opens is closed again.
 */
export async function testConnection(
  target: { endpoint: string; customer?: CustomerChoice | undefined },
  credentials: Credentials,
  deps: ConnectionTestDeps = {},
): Promise<ConnectionReport> {
  const endpoint = resolveEndpoint(target.endpoint);
  if (!endpoint.ok) return { outcome: 'failed', code: endpoint.error.code, message: endpoint.error.message };
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const client = new CallGearClient({ endpoint: endpoint.value, credentials, userId: target.customer?.userId, timeoutMs, uploadTimeoutMs: timeoutMs, fetch: deps.fetch, now: deps.now, log: deps.log });
  try {
    const who = await identify(client);
    if (!who.ok) return failure(who.error);
    const probed = who.value.role === 'customer' || (target.customer !== undefined && who.value.customers.some((c) => c.userId === target.customer?.userId));
    const refusal = probed ? await uploadRefusal(client) : undefined;
    const account = { role: who.value.role, name: who.value.name, timezone: who.value.timezone };
    if (refusal !== undefined) return { ...failure(refusal), account };
    const report: ConnectionReport = { outcome: 'ok', code: 'connection.ok', message: greeting(who.value, probed), account };
    if (who.value.role === 'agent') report.customers = who.value.customers;
    return report;
  } finally {
    await client.logout();
  }
}
