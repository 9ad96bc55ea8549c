import { fail, ok, type Problem, type Result } from '../common/text.ts';
import { keychainFailed, keychainLocked, keychainUnavailable } from './problems.ts';
import type { CredentialStore } from './store.ts';

/** The part of keytar this store uses (injectable, so its failures can be rehearsed). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** The keychain service every entry of the app is filed under. */
export const KEYCHAIN_SERVICE = 'chat-importer';

/** An entry written and removed by `list()` on Linux; never an account id (those are UUIDs). */
const PROBE_ENTRY = 'keychain-probe';

export interface KeytarStoreOptions {
  /** Files entries under `chat-importer-<suffix>`, so tests never touch a person's real ones. */
  suffix?: string;
  /** Defaults to the real keytar, loaded on first use. */
  keytar?: KeytarApi;
  platform?: NodeJS.Platform;
}

/**
 * keytar is loaded lazily: it is a native module, and a machine without libsecret must get a
 * `keychain.unavailable` Problem, not an app that fails to start. Under ESM its functions sit on
 * `default` (CommonJS exports that Node's lexer cannot list).
 */
async function loadKeytar(): Promise<Result<KeytarApi, Problem>> {
  try {
    const mod = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
    return ok(mod.default ?? mod);
  } catch (error) {
    return fail(keychainUnavailable(`keytar could not load: ${detailOf(error)}`));
  }
}

function detailOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'no details';
}

/** Sorts what libsecret, macOS and Windows throw into the three things a person can act on. */
export function keychainProblemOf(error: unknown): Problem {
  const detail = detailOf(error);
  if (/locked|dismissed|cancel|interaction is not allowed|user name or passphrase/i.test(detail)) return keychainLocked(detail);
  if (/d-?bus|secrets|secret service|X11|DISPLAY|autolaunch|object does not exist|no such|not provided by any|keychain could not be found|cannot find/i.test(detail)) {
    return keychainUnavailable(detail);
  }
  return keychainFailed(detail);
}

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, Secret Service. */
export class KeytarStore implements CredentialStore {
  readonly service: string;
  private readonly platform: NodeJS.Platform;
  private api: Promise<Result<KeytarApi, Problem>> | undefined;

  constructor(options: KeytarStoreOptions = {}) {
    this.service = options.suffix === undefined ? KEYCHAIN_SERVICE : `${KEYCHAIN_SERVICE}-${options.suffix}`;
    this.platform = options.platform ?? process.platform;
    if (options.keytar !== undefined) this.api = Promise.resolve(ok(options.keytar));
  }

  async get(accountId: string): Promise<Result<string | undefined, Problem>> {
    const found = await this.run((k) => k.getPassword(this.service, accountId));
    return found.ok ? ok(found.value ?? undefined) : found;
  }

  set(accountId: string, secret: string): Promise<Result<void, Problem>> {
    return this.run((k) => k.setPassword(this.service, accountId, secret));
  }

  delete(accountId: string): Promise<Result<boolean, Problem>> {
    return this.run((k) => k.deletePassword(this.service, accountId));
  }

  async list(): Promise<Result<string[], Problem>> {
    // findCredentials kills the process on a locked Linux keyring (node-keytar issue 477). A write
    // first fails cleanly there, or makes the desktop ask the person to unlock the keyring.
    if (this.platform === 'linux') {
      const probe = await this.run(async (k) => {
        await k.setPassword(this.service, PROBE_ENTRY, PROBE_ENTRY);
        await k.deletePassword(this.service, PROBE_ENTRY);
      });
      if (!probe.ok) return probe;
    }
    const found = await this.run((k) => k.findCredentials(this.service));
    return found.ok ? ok(found.value.map((entry) => entry.account).filter((account) => account !== PROBE_ENTRY)) : found;
  }

  private async run<T>(operation: (keytar: KeytarApi) => Promise<T>): Promise<Result<T, Problem>> {
    this.api ??= loadKeytar();
    const api = await this.api;
    if (!api.ok) return api;
    try {
      return ok(await operation(api.value));
    } catch (error) {
      return fail(keychainProblemOf(error));
    }
  }
}
