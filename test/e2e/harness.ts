import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHANNEL_NAMES, type ChannelName } from '../../main/contract/channels.ts';
import type { AppEvent } from '../../main/contract/events.ts';
import { Accounts, MemoryStore } from '../../main/credentials/index.ts';
import { EngineClient } from '../../main/engine/client.ts';
import { accountsPort } from '../../main/handlers/accounts-port.ts';
import { createHandlers } from '../../main/handlers/index.ts';
import { dispatch } from '../../main/handlers/register.ts';
import { diskPickerCache } from '../../main/pickers/cache.ts';
import { recentProjects } from '../../main/project/recent.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import type { PageGlobals } from './page-globals.ts';
import { serveFolder, type StaticServer } from './server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'out/screenshots');

/** Whether the suite can run here; in CI a missing browser is a failure, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs the Debian package chromium`);
  console.warn(`\n[e2e] skipped: ${CHROMIUM} is not installed (apt-get install chromium).\n`);
  return false;
}

/**
 * The page as the person sees it, built by the same Vite config as the app's, into a folder of
 * this run's own so that suites running side by side never serve each other's half-built page.
 */
export function buildRenderer(): string {
  const outDir = join(ROOT, 'out/e2e-renderer', String(process.pid));
  execFileSync('npm', ['run', '--silent', 'build:renderer', '--', '--outDir', outDir], { cwd: ROOT, stdio: 'pipe' });
  return outDir;
}

/** Shared by every test: the browser, the page server and the engine worker. */
export interface Suite {
  browser: Browser;
  server: StaticServer;
  engine: EngineClient;
  close(): Promise<void>;
}

/** `engineHeapMb`: the tests' files fit in 1 GiB; the benchmark's million rows do not. */
export async function startSuite(options: { engineHeapMb?: number } = {}): Promise<Suite> {
  const page = buildRenderer();
  const server = await serveFolder(page);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const engine = new EngineClient({ maxHeapMb: options.engineHeapMb ?? 1024 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    server,
    engine,
    async close() {
      await browser.close();
      await server.close();
      await engine.close();
      rmSync(page, { recursive: true, force: true });
    },
  };
}

export interface AppOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  sandbox?: Parameters<typeof startSandbox>[0];
}

/** One person's session: a fresh user-data folder, its own sandbox, the handlers main would run. */
export interface App {
  page: Page;
  context: BrowserContext;
  sandbox: Sandbox;
  /** The throwaway user-data folder: accounts.json, imports/, exported files. */
  dir: string;
  /** What the native dialogs answer next: a spreadsheet to open, a path to save to. */
  dialogs: { open: string[]; saved: string[] };
  events: AppEvent[];
  /** An event from main's side that no handler sends: a file the OS hands over, a menu command. */
  send(event: AppEvent): void;
  /** Throws in the handler table or uncaught in the page: a test never passes over one unseen. */
  faults: string[];
  close(): Promise<void>;
}

export async function openApp(suite: Suite, options: AppOptions = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  const sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 }, ...options.sandbox });
  const context = await suite.browser.newContext({ locale: options.locale ?? 'en-US', colorScheme: options.colorScheme ?? 'light', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const dialogs = { open: [] as string[], saved: [] as string[] };
  const events: AppEvent[] = [];
  const faults: string[] = [];
  page.on('pageerror', (error) => faults.push(`page: ${error.message}`));
  const emit = (event: AppEvent) => {
    events.push(event);
    void page.evaluate((e) => (globalThis as unknown as PageGlobals).__chatImporterEmit?.(e), event).catch(() => undefined);
  };
  const accounts = new Accounts({ folder: dir, store: new MemoryStore() });
  const handlers = createHandlers({
    engine: suite.engine,
    dialogs: {
      openSpreadsheet: async () => dialogs.open.shift(),
      openProject: async () => dialogs.open.shift(),
      openTemplate: async () => dialogs.open.shift(),
      saveFile: async (name) => {
        const path = join(dir, name);
        dialogs.saved.push(path);
        return path;
      },
    },
    accounts: accountsPort(accounts),
    emit,
    journalsDir: join(dir, 'imports'),
    templatesFile: join(dir, 'templates.json'),
    now: Date.now,
    recent: recentProjects({ folder: dir, now: Date.now, note: (event, detail) => faults.push(`${event}: ${detail}`) }),
    pickerCache: diskPickerCache(join(dir, 'pickers'), (event, fields) => faults.push(`${event}: ${fields.kind} ${fields.code}`)),
  });
  await page.exposeBinding('__chatImporterCall', (_source, name: ChannelName, request: unknown) =>
    dispatch(handlers, name, request, (channel, error) => faults.push(`${channel}: ${error instanceof Error ? error.stack : String(error)}`)),
  );
  // Under tsx (the benchmark drives the page through this file too) esbuild's keepNames wraps
  // functions in the code sent to the page in calls to a `__name` helper only Node has.
  await page.addInitScript('globalThis.__name = (target) => target');
  // The preload's object, rebuilt in the page: one method per contract call, and the event feed.
  await page.addInitScript((names: string[]) => {
    type Listener = (event: unknown) => void;
    const listeners = new Set<Listener>();
    const call = (globalThis as unknown as PageGlobals).__chatImporterCall;
    const api: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, (request: unknown) => call(name, request ?? {})]));
    api.onEvent = (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    // Before Electron 32 a dropped File carried its `path`; a test's File carries one the same way.
    api.pathForFile = (file: { path?: unknown }) => (typeof file.path === 'string' ? file.path : '');
    Object.defineProperty(globalThis, 'chatImporter', { value: Object.freeze(api) });
    Object.defineProperty(globalThis, '__chatImporterEmit', { value: (event: unknown) => listeners.forEach((listener) => listener(event)) });
  }, CHANNEL_NAMES);
  await page.goto(suite.server.url);
  return {
    page,
    context,
    sandbox,
    dir,
    dialogs,
    events,
    send: emit,
    faults,
    async close() {
      await context.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
