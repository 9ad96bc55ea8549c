import type { Clock } from './clock.ts';
import { newToken } from './random.ts';
import { DEMO } from './reference-data.ts';

/** Who is calling: a customer acts on its own account, an agent (partner) on a customer's. */
export type Role = 'customer' | 'agent';

export interface Principal {
  role: Role;
  /** Session tokens come from `login.user`; permanent keys are configured in the client area. */
  session: boolean;
}

export interface Session {
  access_token: string;
  /** Unix time in seconds, as `login.user` reports it. */
  expire_at: number;
  role: Role;
}

const PERMANENT_KEYS: ReadonlyMap<string, Role> = new Map([
  [DEMO.customerKey, 'customer'],
  [DEMO.agentKey, 'agent'],
]);

const USERS: ReadonlyMap<string, { password: string; role: Role }> = new Map([
  [DEMO.login, { password: DEMO.password, role: 'customer' }],
  [DEMO.agentLogin, { password: DEMO.agentPassword, role: 'agent' }],
]);

/** Keys and session tokens. Sessions live in memory: a restarted sandbox forgets them, as a re-login fixes. */
export class Sessions {
  private readonly live = new Map<string, { role: Role; expiresAtMs: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeSeconds: number,
  ) {}

  /** A new session for matching credentials; undefined for anything else, without saying which part was wrong. */
  login(login: string, password: string): Session | undefined {
    const user = USERS.get(login);
    if (!user || user.password !== password) return undefined;
    const token = newToken();
    const expiresAtMs = this.clock() + this.lifetimeSeconds * 1000;
    this.live.set(token, { role: user.role, expiresAtMs });
    return { access_token: token, expire_at: Math.floor(expiresAtMs / 1000), role: user.role };
  }

  logout(token: string): void {
    this.live.delete(token);
  }

  resolve(token: string): Principal | undefined {
    const permanent = PERMANENT_KEYS.get(token);
    if (permanent) return { role: permanent, session: false };
    const session = this.live.get(token);
    if (!session) return undefined;
    if (this.clock() >= session.expiresAtMs) {
      this.live.delete(token);
      return undefined;
    }
    return { role: session.role, session: true };
  }

  /** Every session token stops working at once, as after a server-side expiry. */
  expireAll(): void {
    this.live.clear();
  }
}
