import type { Result } from '../common/text.ts';
import type { CallGearClient } from '../callgear/client.ts';
import type { AccountChange, AccountInput, AccountView, ConnectionReport } from '../contract/accounts.ts';
import type { AccountsListing } from '../credentials/index.ts';
import type { AppEvent } from '../contract/events.ts';
import type { EngineReplies, EngineRequest } from '../engine/protocol.ts';
import type { ProgressListener } from '../engine/client.ts';
import type { RecentProjects } from '../project/recent.ts';
import type { PickerCache } from '../pickers/cache.ts';

/** The engine as the handlers use it: the worker in the app, the same worker in tests. */
export interface EnginePort {
  /** Changes when the worker holding the open file stops: see EngineClient.generation. */
  readonly generation: number;
  request<T extends EngineRequest['type']>(request: Extract<EngineRequest, { type: T }>, onProgress?: ProgressListener): Promise<Result<EngineReplies[T]>>;
}

/** Native dialogs; `undefined` when the person cancels. */
export interface DialogsPort {
  openSpreadsheet(): Promise<string | undefined>;
  saveFile(suggestedName: string, format: 'xlsx' | 'csv' | 'chatimport' | 'json'): Promise<string | undefined>;
  openProject(): Promise<string | undefined>;
  /** A mapping template exported from this app (JSON). */
  openTemplate(): Promise<string | undefined>;
}

/** Accounts with their secrets in the keychain; only views (never secrets) come back. */
export interface AccountsPort {
  list(): Promise<Result<AccountsListing>>;
  add(input: AccountInput): Promise<Result<AccountView>>;
  update(change: AccountChange): Promise<Result<AccountView>>;
  remove(id: string): Promise<Result<void>>;
  test(id: string): Promise<Result<ConnectionReport>>;
  /** A client for the account, for main's own use: pickers and uploads. */
  client(id: string): Promise<Result<CallGearClient>>;
}

export interface HandlerDeps {
  engine: EnginePort;
  dialogs: DialogsPort;
  accounts: AccountsPort;
  emit(event: AppEvent): void;
  /** Where journals go when the person does not choose (the user-data folder's `imports/`). */
  journalsDir: string;
  now(): number;
  /** Mapping templates and past imports (the user-data folder's `templates.json`). */
  templatesFile: string;
  /** The projects saved or opened lately (the user-data folder's `recent-projects.json`). */
  recent: RecentProjects;
  /** Where lists picked from accounts are kept for offline use; without it, only while the app runs. */
  pickerCache?: PickerCache;
}
