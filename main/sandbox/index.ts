import { ok, text, type Problem, type Result } from '../common/text.ts';
import { Sessions } from './auth.ts';
import type { StoredChat } from './chat-model.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ControlTarget } from './control.ts';
import { FaultPlanner, type Faults } from './faults.ts';
import { API_PATH, listen, type HttpServer } from './http-server.ts';
import { LimitMeter } from './limits.ts';
import type { World } from './method.ts';
import { DEFAULT_UPLOAD_WEIGHT, defaultWeights } from './methods.ts';
import { loadState, saveState, type SandboxState } from './persistence.ts';
import { pipeline } from './pipeline.ts';
import { DEMO, referenceData, type ReferenceData } from './reference-data.ts';
import { SandboxError } from './sandbox-error.ts';
import { ChatStore, type Persist } from './store.ts';
import type { Switches } from './switches.ts';

export { manualClock, type Clock, type ManualClock } from './clock.ts';
export { FaultsSchema, type FaultKind, type FaultRule, type Faults } from './faults.ts';
export { SwitchesSchema, type Switches } from './switches.ts';
export { SandboxError } from './sandbox-error.ts';
export { DEMO, type ReferenceData } from './reference-data.ts';
export type { StoredChat, UploadedChat, UploadedMessage } from './chat-model.ts';

export interface SandboxLimits {
  /** Points per minute (default 1000). */
  perMinute?: number;
  /** Points per account-local day (default 100000). */
  perDay?: number;
  /** Points one `upload.chats` call costs (default 10). */
  uploadWeight?: number;
  /** Points per method, over the defaults (get.* 1, login/logout 0). */
  weights?: Record<string, number>;
}

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A JSON file that keeps the uploaded chats across restarts. */
  statePath?: string;
  /** Time source for sessions, limits and "not in the future"; inject one to move time in tests. */
  clock?: Clock;
  /** The demo account's IANA zone (default Europe/Moscow). */
  timezone?: string;
  /** Lifetime of `login.user` sessions in seconds (default 3600). */
  sessionLifetimeSeconds?: number;
  limits?: SandboxLimits;
  faults?: Faults;
  switches?: Switches;
  /** Rows `get.employees` holds: the 9 named staff, then generated ones (default 9). */
  employees?: number;
  /** Serve the `sandbox.*` control methods (default true). */
  controlMethods?: boolean;
  /** The first id given to an uploaded chat in a fresh state (default 100001). */
  firstChatId?: number;
}

export interface SandboxStore {
  /** The uploaded chats with their full content, in id order (copies: changing them changes nothing). */
  list(): StoredChat[];
  count(): number;
  clear(): Result<void, Problem>;
}

export interface Sandbox {
  /** The endpoint to give the app or the CLI: `http://127.0.0.1:PORT/v2.0`. */
  url: string;
  port: number;
  /** The demo customer's permanent access key. */
  demoKey: string;
  /** The demo agent's permanent access key; agents add `user_id` from `get.customer_users`. */
  agentKey: string;
  credentials: { login: string; password: string; agentLogin: string; agentPassword: string };
  reference: ReferenceData;
  /** Changes the given parts of the faults; `expireSessions` and `budget` act once, now. */
  setFaults(faults: Faults): void;
  /** Changes the given switches and keeps the others. */
  setSwitches(switches: Switches): void;
  store: SandboxStore;
  close(): Promise<void>;
}

function openStore(options: SandboxOptions): ChatStore {
  const firstId = options.firstChatId ?? 100_001;
  const path = options.statePath;
  if (path === undefined) return new ChatStore({ nextId: firstId, chats: [] }, () => ok(undefined));
  const loaded = loadState(path, firstId);
  if (!loaded.ok) throw new SandboxError(loaded.error);
  const persist: Persist = (state: SandboxState) => saveState(path, state);
  // Written once at start so an unwritable path fails now, not on the first upload.
  const first = persist(loaded.value);
  if (!first.ok) throw new SandboxError(first.error);
  return new ChatStore(loaded.value, persist);
}

function checkedZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    throw new SandboxError({ code: 'sandbox.bad_timezone', message: text(`${timezone} is not an IANA time zone.`, `${timezone} — не часовой пояс IANA.`) });
  }
}

function buildWorld(options: SandboxOptions, switches: () => Switches): World {
  const clock = options.clock ?? systemClock;
  const timezone = checkedZone(options.timezone ?? 'Europe/Moscow');
  return {
    clock,
    reference: referenceData({ timezone, employees: options.employees ?? 0 }),
    sessions: new Sessions(clock, options.sessionLifetimeSeconds ?? 3600),
    limits: new LimitMeter(clock, timezone, { perMinute: options.limits?.perMinute ?? 1000, perDay: options.limits?.perDay ?? 100_000 }),
    store: openStore(options),
    switches,
  };
}

async function listenOn(port: number, handler: Parameters<typeof listen>[1]): Promise<HttpServer> {
  try {
    return await listen(port, handler);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SandboxError({ code: 'sandbox.listen_failed', message: text(`The sandbox cannot listen on 127.0.0.1:${port}: ${why}`, `Песочница не может слушать 127.0.0.1:${port}: ${why}`) });
  }
}

/** Starts a CallGear-compatible Data API on 127.0.0.1. Throws SandboxError when it cannot start. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let switches: Switches = { ...options.switches };
  const world = buildWorld(options, () => switches);
  const faults = new FaultPlanner();
  const weights = { ...defaultWeights(options.limits?.uploadWeight ?? DEFAULT_UPLOAD_WEIGHT), ...options.limits?.weights };
  const setFaults = (f: Faults) => {
    faults.set(f);
    if (f.expireSessions) world.sessions.expireAll();
    if (f.budget) world.limits.setRemaining(f.budget);
  };
  const setSwitches = (s: Switches) => {
    switches = { ...switches, ...s };
  };
  const controls: ControlTarget = {
    setFaults,
    setSwitches,
    status: () => ({ chat_count: world.store.count(), faults: faults.describe(), switches, limits: world.limits.snapshot() }),
    listChats: () => world.store.list(),
    clearChats: () => world.store.clear(),
  };
  if (options.faults) setFaults(options.faults);
  const handler = pipeline({
    dispatch: { world, weightOf: (m) => weights[m] ?? 1 },
    faults,
    controls: options.controlMethods === false ? undefined : controls,
  });
  const server = await listenOn(options.port ?? 0, handler);
  return {
    url: `http://127.0.0.1:${server.port}${API_PATH}`,
    port: server.port,
    demoKey: DEMO.customerKey,
    agentKey: DEMO.agentKey,
    credentials: { login: DEMO.login, password: DEMO.password, agentLogin: DEMO.agentLogin, agentPassword: DEMO.agentPassword },
    reference: world.reference,
    setFaults,
    setSwitches,
    store: { list: () => structuredClone(world.store.list()), count: () => world.store.count(), clear: () => world.store.clear() },
    close: () => server.close(),
  };
}
