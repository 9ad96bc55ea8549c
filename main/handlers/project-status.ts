import type { ChannelName, ReplyOf, RequestOf } from '../contract/channels.ts';
import type { AppEvent } from '../contract/events.ts';
import type { ProjectStatusView } from '../contract/projects.ts';
import { observeCalls, type CallObserver } from './observe.ts';
import type { ImportSession } from './session.ts';
import type { Handlers } from './types.ts';

/** What a project file keeps of the session, as one string to compare with the last save. */
function fingerprint(session: ImportSession): string {
  const { path, sheet, headerRow, text, mapping, edits, excluded, account, journal } = session;
  // Edits are only ever appended (or all forgotten), so their count and the last one tell a change.
  return JSON.stringify([path, sheet, headerRow, text, mapping, edits.length, edits.at(-1), [...excluded], account, journal]);
}

type Saved = { path: string; source: string | undefined; key: string | undefined };

/**
 * Calls that only read: the grid, the report and the bulk-fix options are asked for many times a
 * second while the person scrolls, and comparing the session after each would be wasted work.
 */
const READS: ReadonlySet<ChannelName> = new Set<ChannelName>(['pageRows', 'pageFailedRows', 'pageResults', 'bulkFixOptions', 'previewSheet']);

/**
 * Wraps the handler table so that main tells the page, with a `project` event, which project
 * file the import on screen belongs to and whether it has changes not yet saved there. Watching
 * every call's outcome keeps the other handler groups unaware of projects.
 */
export function withProjectStatus(handlers: Handlers, session: ImportSession, emit: (event: AppEvent) => void): Handlers {
  let saved: Saved | undefined;
  let told = '';

  const settle: CallObserver = (name, request, result) => {
    if (READS.has(name)) return;
    const projectCall = result.ok && (name === 'saveProject' || name === 'openProject');
    if (projectCall) {
      const reply = result.value as ReplyOf<'saveProject'> | ReplyOf<'openProject'>;
      const opened = reply !== null && (!('status' in reply) || reply.status === 'opened');
      // A relocated or changed spreadsheet differs from what the file says until it is saved again.
      const stale = name === 'openProject' && reply !== null && (((request as RequestOf<'openProject'>).sourcePath !== undefined) || ('changed' in reply && reply.changed !== undefined));
      if (opened) saved = { path: reply.path, source: session.path, key: stale ? undefined : fingerprint(session) };
    } else if (saved !== undefined && session.path !== saved.source) {
      // Another spreadsheet is another import, not a change to this project.
      saved = undefined;
    }
    const status: ProjectStatusView = saved === undefined ? { path: null, unsaved: session.mapping !== undefined } : { path: saved.path, unsaved: fingerprint(session) !== saved.key };
    const key = JSON.stringify(status);
    // Saves and opens are always told: a page loaded afresh has not heard the status before.
    if (key !== told || projectCall) {
      told = key;
      emit({ type: 'project', status });
    }
  };

  return observeCalls(handlers, settle);
}
