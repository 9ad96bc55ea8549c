import type { Employee } from '../chats/normalise/employees.ts';
import type { Mapping } from '../mapping/model.ts';

/** What main remembers about the import on screen, between calls. */
export interface ImportSession {
  /** The open spreadsheet's path (main keeps paths; the page only sees file names). */
  path?: string;
  mapping?: Mapping;
  /** Employees of the account chosen for the mapping, to turn names into employee ids. */
  employees: Employee[];
}

export function newSession(): ImportSession {
  return { employees: [] };
}
