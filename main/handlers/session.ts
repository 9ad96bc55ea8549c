import type { Employee } from '../chats/normalise/employees.ts';
import type { AccountIds } from '../chats/account-ids.ts';
import type { EngineRequest } from '../engine/protocol.ts';
import type { Mapping, MappingInput } from '../mapping/model.ts';
import type { Delimiter, TextEncoding } from '../sheet/types.ts';

/** What main remembers about the import on screen, between calls. */
export interface ImportSession {
  /** The open spreadsheet's path (main keeps paths; the page only sees file names). */
  path?: string;
  text: { encoding?: TextEncoding; delimiter?: Delimiter };
  sheet?: string;
  headerRow?: number;
  mapping?: Mapping;
  /** Employees of the account chosen for the mapping, to turn names into employee ids. */
  employees: Employee[];
  /** Site and campaign ids of the account whose lists the mapping step loaded last. */
  accountIds?: AccountLists;
  /** The person's edits and exclusions, in the order made: what a project file keeps. */
  edits: { row: number; column: number; value: string }[];
  excluded: Set<number>;
  /** The account last used for pickers or an upload, by name (never its secret). */
  account?: string;
  journal?: string;
}

/**
 * The account's ids and which account they are of. No `accountId`: the lists a project kept; the
 * Mapping step's first list replaces them.
 */
export interface AccountLists extends AccountIds {
  accountId?: string;
}

/** The engine's validation of `mapping` against the account's employees, sites and campaigns. */
export function validateRequest(
  mapping: MappingInput,
  lists: Pick<ImportSession, 'employees' | 'accountIds'>,
): Extract<EngineRequest, { type: 'validate' }> {
  const { sites, campaigns } = lists.accountIds ?? {};
  return { type: 'validate', mapping, employees: lists.employees, sites, campaigns };
}

export function newSession(): ImportSession {
  return { employees: [], text: {}, edits: [], excluded: new Set() };
}

/** A new file or sheet starts a new review: earlier edits belonged to other rows. */
export function forgetReview(session: ImportSession): void {
  session.mapping = undefined;
  session.edits = [];
  session.excluded = new Set();
  session.journal = undefined;
}
