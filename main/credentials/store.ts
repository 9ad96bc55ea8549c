import { ok, type Problem, type Result } from '../common/text.ts';

/**
 * Where secrets live, one entry per account id. Every call answers with a value: a keychain that
 * is locked or missing is a Problem (`keychain.*`), never an exception and never a fallback.
 */
export interface CredentialStore {
  /** The secret, or undefined when the store holds none for this account. */
  get(accountId: string): Promise<Result<string | undefined, Problem>>;
  /** Creates or replaces the account's secret. */
  set(accountId: string, secret: string): Promise<Result<void, Problem>>;
  /** Whether there was a secret to delete. */
  delete(accountId: string): Promise<Result<boolean, Problem>>;
  /** The ids of the accounts that have a secret (the secrets themselves stay in the store). */
  list(): Promise<Result<string[], Problem>>;
}

/** A store in this process's memory, for tests and for a keychain-free rehearsal. */
export class MemoryStore implements CredentialStore {
  private readonly secrets = new Map<string, string>();

  async get(accountId: string): Promise<Result<string | undefined, Problem>> {
    return ok(this.secrets.get(accountId));
  }

  async set(accountId: string, secret: string): Promise<Result<void, Problem>> {
    this.secrets.set(accountId, secret);
    return ok(undefined);
  }

  async delete(accountId: string): Promise<Result<boolean, Problem>> {
    return ok(this.secrets.delete(accountId));
  }

  async list(): Promise<Result<string[], Problem>> {
    return ok([...this.secrets.keys()]);
  }
}
