import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, type ChannelName, type ReplyOf } from '../../main/contract/channels.ts';
import type { AppEvent } from '../../main/contract/events.ts';
import { Accounts, MemoryStore } from '../../main/credentials/index.ts';
import type { EngineClient } from '../../main/engine/client.ts';
import { accountsPort } from '../../main/handlers/accounts-port.ts';
import { createHandlers, type Handlers } from '../../main/handlers/index.ts';
import { dispatch } from '../../main/handlers/register.ts';
import { recentProjects } from '../../main/project/recent.ts';

export interface TableOptions {
  engine: EngineClient;
  /** The user-data folder: journals, templates, recent projects; save dialogs answer inside it. */
  dir: string;
  /** What the "open a spreadsheet" dialog answers, one path per call. */
  chosen?: string[];
  emit?: (event: AppEvent) => void;
}

/** The handler table as main builds it, on throwaway folders and an in-memory keychain. */
export function handlerTable({ engine, dir, chosen = [], emit = () => undefined }: TableOptions): Handlers {
  return createHandlers({
    engine,
    dialogs: { openSpreadsheet: async () => chosen.shift(), openProject: async () => undefined, openTemplate: async () => undefined, saveFile: async (name) => join(dir, name) },
    accounts: accountsPort(new Accounts({ folder: mkdtempSync(join(tmpdir(), 'accounts-')), store: new MemoryStore() })),
    emit,
    journalsDir: join(dir, 'imports'),
    templatesFile: join(dir, 'templates.json'),
    now: Date.now,
    recent: recentProjects({ folder: dir, now: Date.now, note: () => undefined }),
  });
}

/** A call as the page makes it: through the contract both ways. */
export async function call<K extends ChannelName>(handlers: Handlers, name: K, request: unknown): Promise<ReplyOf<K>> {
  const reply = await dispatch(handlers, name, request);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message.en}`);
  return CHANNELS[name].reply.parse(reply.value) as ReplyOf<K>;
}

/** Waits up to 10 s for what the handlers report through `emit`. */
export async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!predicate()) throw new Error('timed out waiting');
}
