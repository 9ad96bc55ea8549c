import { basename } from 'node:path';
import type { ChannelName, ReplyOf } from '../contract/channels.ts';
import type { TemplateStore } from '../templates/store.ts';
import { observeCalls, type CallObserver } from './observe.ts';
import type { ImportSession } from './session.ts';
import type { Handlers } from './types.ts';

/** The calls after which the mapping on screen is one the person stands by. */
const COMMITTING: readonly ChannelName[] = ['startUpload', 'saveProject'];

/**
 * Wraps the handler table so that starting an upload or saving a project remembers the mapping
 * against the file's header row: the next file with the same headers gets it back. It watches
 * which table is open (a sheet chosen, a project opened) so the other groups need not know.
 */
export function rememberingImports(handlers: Handlers, session: ImportSession, templates: TemplateStore): Handlers {
  let headers: string[] | undefined;

  const settle: CallObserver = (name, _request, result) => {
    if (!result.ok) return;
    if (name === 'openFile' || name === 'reopenFile') headers = undefined;
    if (name === 'selectSheet') headers = (result.value as ReplyOf<'selectSheet'>).headers;
    if (name === 'openProject') {
      const opened = result.value as ReplyOf<'openProject'>;
      if (opened?.status === 'opened') headers = opened.table.headers;
    }
    if (COMMITTING.includes(name) && result.value !== null && headers !== undefined && session.mapping !== undefined && session.path !== undefined) {
      // A failure here must not fail the upload or the save it follows: the store reports it in its listing.
      templates.rememberImport({ headers, mapping: session.mapping, file: basename(session.path) });
    }
  };

  return observeCalls(handlers, settle);
}
