import { ok, type Result } from '../common/text.ts';
import type { CallGearError } from './errors.ts';

/** How an account proves itself: a key from the client area, or a user's login and password. */
export type Credentials = { kind: 'key'; accessKey: string } | { kind: 'login'; login: string; password: string };

export interface Session {
  token: string;
  /** Unix milliseconds after which the token no longer works. */
  expiresAt: number;
}

export type LoginCall = (login: string, password: string) => Promise<Result<Session, CallGearError>>;

/** Renew this long before `expire_at`, so a request never leaves with a token about to die. */
const RENEW_MARGIN_MS = 60_000;

/**
 * Hands out the token to put in `access_token`. A key is used as it is; a login gets a session
 * token from `login.user`, renewed before it expires and at most once after the API calls it
 * invalid (callgear-data-api.md §2.2). Concurrent callers share one login request.
 */
export class Auth {
  private session: Session | undefined;
  private loggingIn: Promise<Result<Session, CallGearError>> | undefined;

  constructor(
    private readonly credentials: Credentials,
    private readonly login: LoginCall,
    private readonly now: () => number,
  ) {}

  get renewable(): boolean {
    return this.credentials.kind === 'login';
  }

  /** Every secret this account holds, for scrubbing texts that come back from the server. */
  secrets(): string[] {
    const out = this.credentials.kind === 'key' ? [this.credentials.accessKey] : [this.credentials.password, this.credentials.login];
    if (this.session !== undefined) out.push(this.session.token);
    return out;
  }

  async token(): Promise<Result<string, CallGearError>> {
    if (this.credentials.kind === 'key') return ok(this.credentials.accessKey);
    if (this.session !== undefined && this.now() < this.session.expiresAt - RENEW_MARGIN_MS) return ok(this.session.token);
    const session = await this.startSession(this.credentials.login, this.credentials.password);
    return session.ok ? ok(session.value.token) : session;
  }

  /** The API refused `token`; the next `token()` logs in again (unless a newer one exists). */
  invalidate(token: string): void {
    if (this.session?.token === token) this.session = undefined;
  }

  /** Forgets the session (after `logout.user`). */
  clear(): Session | undefined {
    const session = this.session;
    this.session = undefined;
    return session;
  }

  current(): Session | undefined {
    return this.session;
  }

  private startSession(login: string, password: string): Promise<Result<Session, CallGearError>> {
    this.loggingIn ??= this.login(login, password).then((result) => {
      this.loggingIn = undefined;
      if (result.ok) this.session = result.value;
      return result;
    });
    return this.loggingIn;
  }
}
