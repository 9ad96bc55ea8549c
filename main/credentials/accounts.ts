import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Credentials } from '../callgear/auth.ts';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import { accountFrom, AccountInputSchema, CustomerChoiceSchema, parseWith, sameName, type Account, type AccountInput, type AccountView, type SecretStatus } from './account.ts';
import { accountNotFound, nameTaken, secretInvalid, secretMissing } from './problems.ts';
import { readSettings, writeSettings, type Settings, type StoredAccount } from './settings-file.ts';
import type { CredentialStore } from './store.ts';
import { testConnection, type ConnectionReport, type ConnectionTestDeps } from './test-connection.ts';

/** Changes to an account: fields left out stay; `customer: null` forgets an agent's customer. */
export const AccountChangesSchema = AccountInputSchema.partial().extend({ customer: CustomerChoiceSchema.nullable().optional() });
export type AccountChanges = z.infer<typeof AccountChangesSchema>;

/** A pasted 4 KB secret is fine; more is a paste gone wrong, and some keychains refuse it anyway. */
export const MAX_SECRET_LENGTH = 8192;

export interface AccountsOptions {
  /** The user-data folder; the accounts live in `accounts.json` there. */
  folder: string;
  store: CredentialStore;
  newId?: () => string;
  /** Hears every secret that passes through, so the log can hide it (`Logger.hideSecret`). */
  onSecret?: (secret: string) => void;
}

/** The listing; `keychain` is set when the secrets' status could not be read (each is then `unknown`). */
export interface AccountsListing {
  accounts: AccountView[];
  keychain?: Problem;
}

/** For the main process only: everything a `CallGearClient` needs. Never send this to the renderer. */
export interface AccountCredentials {
  account: Account;
  endpoint: string;
  credentials: Credentials;
  userId: number | undefined;
}

function publicView(stored: StoredAccount, hasSecret: boolean | undefined): AccountView {
  const { secretRejected, ...account } = stored;
  const secret: SecretStatus = hasSecret === undefined ? 'unknown' : !hasSecret ? 'missing' : secretRejected ? 'rejected' : 'present';
  return { ...account, secret };
}

/** Keys are trimmed (they are pasted); passwords are taken as typed. */
function cleanSecret(auth: Account['auth'], secret: string): Result<string> {
  const clean = auth === 'key' ? secret.trim() : secret;
  return clean.length === 0 || clean.length > MAX_SECRET_LENGTH ? fail(secretInvalid(auth, MAX_SECRET_LENGTH)) : ok(clean);
}

function inputOf(account: Account, changes: AccountChanges): unknown {
  const merged: Record<string, unknown> = { name: account.name, brand: account.brand, endpoint: account.endpoint, auth: account.auth, login: account.login, customer: account.customer };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value ?? undefined;
  if (merged.auth === 'key') merged.login = undefined;
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

/**
 * The person's CallGear accounts: non-secret data in the settings file, secrets in the
 * credential store. Calls run one at a time, so two quick edits cannot lose each other.
 */
export class Accounts {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly newId: () => string;

  constructor(private readonly options: AccountsOptions) {
    this.newId = options.newId ?? randomUUID;
  }

  list(): Promise<Result<AccountsListing>> {
    return this.exclusive(async () => {
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      const ids = await this.options.store.list();
      const held = ids.ok ? new Set(ids.value) : undefined;
      const accounts = settings.value.accounts.map((a) => publicView(a, held?.has(a.id)));
      return ok(ids.ok ? { accounts } : { accounts, keychain: ids.error });
    });
  }

  /** Saves the secret first: if the keychain refuses it, no account is half-created. */
  add(input: unknown, secret: string): Promise<Result<AccountView>> {
    return this.exclusive(async () => {
      const parsed = parseWith(AccountInputSchema, input);
      if (!parsed.ok) return parsed;
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      const account = this.checked(settings.value, this.newId(), parsed.value);
      if (!account.ok) return account;
      const clean = cleanSecret(account.value.auth, secret);
      if (!clean.ok) return clean;
      const saved = await this.saveSecret(account.value.id, clean.value);
      if (!saved.ok) return saved;
      const written = writeSettings(this.options.folder, { ...settings.value, accounts: [...settings.value.accounts, account.value] });
      if (!written.ok) await this.options.store.delete(account.value.id);
      return written.ok ? ok(publicView(account.value, true)) : written;
    });
  }

  /** A new secret clears "rejected"; switching between key and login needs one. */
  update(id: string, changes: unknown, secret?: string): Promise<Result<AccountView>> {
    return this.exclusive(async () => {
      const parsedChanges = parseWith(AccountChangesSchema, changes);
      if (!parsedChanges.ok) return parsedChanges;
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      const stored = settings.value.accounts.find((a) => a.id === id);
      if (stored === undefined) return fail(accountNotFound(id));
      const input = parseWith(AccountInputSchema, inputOf(stored, parsedChanges.value));
      if (!input.ok) return input;
      const others = { ...settings.value, accounts: settings.value.accounts.filter((a) => a.id !== id) };
      const account = this.checked(others, id, input.value);
      if (!account.ok) return account;
      if (secret === undefined && account.value.auth !== stored.auth) return fail(secretInvalid(account.value.auth, MAX_SECRET_LENGTH));
      const next: StoredAccount = secret === undefined && stored.secretRejected ? { ...account.value, secretRejected: true } : account.value;
      if (secret !== undefined) {
        const clean = cleanSecret(account.value.auth, secret);
        if (!clean.ok) return clean;
        const saved = await this.saveSecret(id, clean.value);
        if (!saved.ok) return saved;
      }
      const written = writeSettings(this.options.folder, { ...settings.value, accounts: settings.value.accounts.map((a) => (a.id === id ? next : a)) });
      if (!written.ok) return written;
      const has = await this.options.store.get(id);
      return ok(publicView(next, has.ok ? has.value !== undefined : undefined));
    });
  }

  /** Deletes the secret first: an account that stays listed is better than a key left behind. */
  remove(id: string): Promise<Result<void>> {
    return this.exclusive(async () => {
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      if (!settings.value.accounts.some((a) => a.id === id)) return fail(accountNotFound(id));
      const deleted = await this.options.store.delete(id);
      if (!deleted.ok) return deleted;
      return writeSettings(this.options.folder, { ...settings.value, accounts: settings.value.accounts.filter((a) => a.id !== id) });
    });
  }

  /** The account with its secret, for building a client in the main process. */
  credentialsFor(id: string): Promise<Result<AccountCredentials>> {
    return this.exclusive(async () => {
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      const stored = settings.value.accounts.find((a) => a.id === id);
      if (stored === undefined) return fail(accountNotFound(id));
      const secret = await this.options.store.get(id);
      if (!secret.ok) return secret;
      if (secret.value === undefined) return fail(secretMissing(stored.name, stored.auth));
      this.options.onSecret?.(secret.value);
      const { secretRejected: _rejected, ...account } = stored;
      const credentials: Credentials =
        account.auth === 'login' && account.login !== undefined ? { kind: 'login', login: account.login, password: secret.value } : { kind: 'key', accessKey: secret.value };
      return ok({ account, endpoint: account.endpoint, credentials, userId: account.customer?.userId });
    });
  }

  /** Remembers that CallGear refused the secret: `rejected` until it works again or is replaced. */
  markRejected(id: string): Promise<Result<void>> {
    return this.setRejected(id, true);
  }

  /** CallGear took the secret again. */
  markAccepted(id: string): Promise<Result<void>> {
    return this.setRejected(id, false);
  }

  /** Tests a saved account and records whether CallGear took its secret. */
  async test(id: string, deps: ConnectionTestDeps = {}): Promise<Result<ConnectionReport>> {
    const found = await this.credentialsFor(id);
    if (!found.ok) return found;
    const report = await testConnection(found.value.account, found.value.credentials, deps);
    if (report.outcome === 'wrong-key' || report.outcome === 'ok') {
      const marked = await this.setRejected(id, report.outcome === 'wrong-key');
      if (!marked.ok) return marked;
    }
    return ok(report);
  }

  private setRejected(id: string, rejected: boolean): Promise<Result<void>> {
    return this.exclusive(async () => {
      const settings = readSettings(this.options.folder);
      if (!settings.ok) return settings;
      if (!settings.value.accounts.some((a) => a.id === id)) return fail(accountNotFound(id));
      const accounts = settings.value.accounts.map((a) => (a.id !== id ? a : rejected ? { ...a, secretRejected: true } : withoutRejection(a)));
      return writeSettings(this.options.folder, { ...settings.value, accounts });
    });
  }

  private checked(settings: Settings, id: string, input: AccountInput): Result<Account> {
    if (settings.accounts.some((a) => a.id !== id && sameName(a.name, input.name))) return fail(nameTaken(input.name.trim()));
    return accountFrom(id, input);
  }

  private async saveSecret(id: string, secret: string): Promise<Result<void>> {
    this.options.onSecret?.(secret);
    return this.options.store.set(id, secret);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function withoutRejection(account: StoredAccount): StoredAccount {
  const { secretRejected: _rejected, ...rest } = account;
  return rest;
}
