import { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import type { UploadChat } from '../chats/params.ts';
import { Auth, type Credentials, type Session } from './auth.ts';
import { type CallGearError, type TransportError } from './errors.ts';
import { LimitsTracker, type Pacing } from './limits.ts';
import { fetchAll, type PageOptions } from './paging.ts';
import { reachable } from './reachable.ts';
import { redactorFor } from './redact.ts';
import { idMaker, rpcCall, type LogEntry, type RpcReply, type Wire } from './rpc.ts';
import {
  AccountSchema,
  CampaignSchema,
  ChatReportRowSchema,
  CustomerUserSchema,
  DeletedSchema,
  EmployeeSchema,
  LoginDataSchema,
  SiteSchema,
  UploadedSchema,
  type Account,
  type Campaign,
  type ChatReportRow,
  type CustomerUser,
  type Employee,
  type Site,
} from './schemas.ts';
import { badReply } from './bad-reply.ts';

const AccountReplySchema = z.union([AccountSchema, z.array(AccountSchema).min(1)]);

export interface ClientOptions {
  endpoint: URL;
  credentials: Credentials;
  /** The customer an agent acts for (`get.customer_users`' id); customers leave it out. */
  userId?: number | undefined;
  fetch?: typeof fetch;
  now?: () => number;
  /** Shared per account, so every client of one account paces against one budget. */
  limits?: LimitsTracker;
  log?: (entry: LogEntry) => void;
  /** For reads; uploads get `uploadTimeoutMs`. */
  timeoutMs?: number;
  uploadTimeoutMs?: number;
}

export interface Signal {
  signal?: AbortSignal | undefined;
}

/** Methods that act for the account itself and take no `user_id` (callgear-data-api.md §2.4). */
const ACCOUNT_METHODS: ReadonlySet<string> = new Set(['login.user', 'logout.user', 'get.customer_users', 'get.account']);

const READ_TIMEOUT_MS = 30_000;
/** ASSUME (§1): no timeout is documented; 500 chats can take a while to store. */
const UPLOAD_TIMEOUT_MS = 120_000;

export type Call<T> = Promise<Result<T, CallGearError>>;

/**
 * The Data API for one account: typed methods over JSON-RPC, sessions renewed as needed, limits
 * recorded from every reply. It never throws and never sleeps: pacing is the caller's decision
 * (`pacing()`), so an upload can show why it waits.
 */
export class CallGearClient {
  readonly limits: LimitsTracker;
  private readonly auth: Auth;
  private readonly wire: Wire;
  /** The customer an agent acts for, if any. */
  readonly userId: number | undefined;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;

  constructor(options: ClientOptions) {
    const now = options.now ?? Date.now;
    this.limits = options.limits ?? new LimitsTracker(now);
    this.userId = options.userId;
    this.timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? UPLOAD_TIMEOUT_MS;
    this.auth = new Auth(options.credentials, (login, password) => this.loginUser(login, password), now);
    this.wire = {
      endpoint: options.endpoint,
      fetch: options.fetch ?? fetch,
      redact: redactorFor(() => this.auth.secrets()),
      log: options.log ?? (() => undefined),
      newId: idMaker(),
      now,
    };
  }

  get endpoint(): URL {
    return this.wire.endpoint;
  }

  pacing(method: string): Pacing {
    return this.limits.pace(this.limits.weightOf(method));
  }

  /** Starts a session now (for "Test connection"); other calls log in on their own when needed. */
  async login(): Call<Session> {
    const token = await this.auth.token();
    if (!token.ok) return token;
    return ok(this.auth.current() ?? { token: token.value, expiresAt: Number.POSITIVE_INFINITY });
  }

  async logout(options: Signal = {}): Call<void> {
    const session = this.auth.clear();
    if (session === undefined) return ok(undefined);
    const reply = await this.send('logout.user', { access_token: session.token }, options);
    return reply.ok ? ok(undefined) : reply;
  }

  /** Whether the server answers at all, before starting something that would only fail offline. */
  reachable(timeoutMs?: number): Promise<Result<void, TransportError>> {
    return reachable(this.wire.endpoint, this.wire.fetch, timeoutMs);
  }

  /** ASSUME: the docs do not say whether `data` is the object or a one-element list; both are read. */
  async getAccount(options: Signal = {}): Call<Account> {
    const reply = this.parse('get.account', await this.call('get.account', {}, options), AccountReplySchema);
    return reply.ok ? ok(Array.isArray(reply.value) ? (reply.value[0] as Account) : reply.value) : reply;
  }

  getCustomerUsers(options: PageOptions = {}): Call<CustomerUser[]> {
    return this.list('get.customer_users', CustomerUserSchema, {}, options);
  }

  getSites(options: PageOptions = {}): Call<Site[]> {
    return this.list('get.sites', SiteSchema, { fields: ['id', 'domain_name'] }, options);
  }

  getCampaigns(options: PageOptions = {}): Call<Campaign[]> {
    return this.list('get.campaigns', CampaignSchema, { fields: ['id', 'name', 'status', 'site_id', 'site_domain_name', 'type'] }, options);
  }

  getEmployees(options: PageOptions = {}): Call<Employee[]> {
    return this.list('get.employees', EmployeeSchema, { fields: ['id', 'full_name', 'first_name', 'last_name', 'patronymic', 'email', 'status'] }, options);
  }

  /**
   * Uploads up to 500 chats, given as objects or as their JSON array already serialised by the
   * batch planner. The ids come back in input order; a reply of another length cannot be mapped
   * to chats, so it is an unknown outcome for the caller to reconcile (§7.4).
   */
  async uploadChats(chats: readonly UploadChat[] | Uint8Array, count: number, options: Signal = {}): Call<number[]> {
    const json = chats instanceof Uint8Array ? chats : Buffer.from(JSON.stringify(chats), 'utf8');
    const reply = await this.call('upload.chats', {}, { ...options, timeoutMs: this.uploadTimeoutMs, raw: { key: 'chats', json } });
    if (!reply.ok) return reply;
    const ids = UploadedSchema.safeParse(reply.value.data);
    if (!ids.success || ids.data.length !== count) return fail(badReply('upload.chats', this.wire.endpoint.host));
    return ok(ids.data.map((row) => row.id));
  }

  /** Chats in a time window (account wall time, `YYYY-MM-DD hh:mm:ss`), for reconciliation. */
  getChatsReport(
    window: { dateFrom: string; dateTill: string },
    filter: Record<string, unknown> | undefined,
    options: PageOptions = {},
  ): Call<ChatReportRow[]> {
    const params: Record<string, unknown> = { date_from: window.dateFrom, date_till: window.dateTill };
    if (filter !== undefined) params.filter = filter;
    return this.list('get.chats_report', ChatReportRowSchema, params, options);
  }

  /** Deletes one chat uploaded through the Data API (the method takes a single id). */
  async deleteChat(id: number, options: Signal = {}): Call<void> {
    const reply = await this.call('delete.chats', { id }, options);
    if (!reply.ok) return reply;
    return DeletedSchema.safeParse(reply.value.data).success ? ok(undefined) : fail(badReply('delete.chats', this.wire.endpoint.host));
  }

  private list<S extends z.ZodType>(method: string, schema: S, params: Record<string, unknown>, options: PageOptions): Call<z.infer<S>[]> {
    return fetchAll((page) => this.call(method, { ...params, ...page }, options), schema, method, this.wire.endpoint.host, options);
  }

  private parse<S extends z.ZodType>(method: string, reply: Result<RpcReply, CallGearError>, schema: S): Result<z.infer<S>, CallGearError> {
    if (!reply.ok) return reply;
    const parsed = schema.safeParse(reply.value.data);
    return parsed.success ? ok(parsed.data) : fail(badReply(method, this.wire.endpoint.host));
  }

  /** A method call with the account's token and, for an agent, the customer's `user_id`. */
  private async call(method: string, params: Record<string, unknown>, options: Signal & { timeoutMs?: number; raw?: { key: string; json: Uint8Array } }): Call<RpcReply> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.auth.token();
      if (!token.ok) return token;
      const full: Record<string, unknown> = { access_token: token.value, ...params };
      if (this.userId !== undefined && !ACCOUNT_METHODS.has(method)) full.user_id = this.userId;
      const reply = await this.send(method, full, options);
      // A session token may die early (server restart, logout elsewhere): log in once more.
      if (!reply.ok && reply.error.kind === 'api' && reply.error.mnemonic === 'access_token_invalid' && this.auth.renewable && attempt === 0) {
        this.auth.invalidate(token.value);
        continue;
      }
      return reply;
    }
  }

  private async send(method: string, params: Record<string, unknown>, options: Signal & { timeoutMs?: number; raw?: { key: string; json: Uint8Array } }): Call<RpcReply> {
    const ticket = this.limits.begin(method);
    const reply = await rpcCall(this.wire, method, params, { signal: options.signal, timeoutMs: options.timeoutMs ?? this.timeoutMs, raw: options.raw });
    if (reply.ok) {
      this.limits.end(method, ticket, reply.value.limits, true);
      return reply;
    }
    this.limits.end(method, ticket, reply.error.limits, false);
    const error = reply.error.error;
    if (error.kind === 'api' && error.mnemonic === 'limit_exceeded') this.limits.exhausted(error.window ?? 'minute', reply.error.limits);
    return fail(error);
  }

  private async loginUser(login: string, password: string): Call<Session> {
    const reply = await this.send('login.user', { login, password }, {});
    if (!reply.ok) return reply;
    const data = LoginDataSchema.safeParse(reply.value.data);
    if (!data.success) return fail(badReply('login.user', this.wire.endpoint.host));
    return ok({ token: data.data.access_token, expiresAt: data.data.expire_at * 1000 });
  }
}
