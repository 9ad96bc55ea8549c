import type { HandlerDeps } from './ports.ts';
import type { HandlerGroup } from './types.ts';

/**
 * The Results step's report and the rows of the chats CallGear refused. Both are built in the
 * engine worker from the journal (read once per change of it), so a report of 100,000 chats
 * never holds up main.
 */
export function resultHandlers(deps: Pick<HandlerDeps, 'engine'>): HandlerGroup<'pageResults' | 'pageFailedRows'> {
  return {
    pageResults: (request) => deps.engine.request({ type: 'results', ...request }),
    pageFailedRows: (request) => deps.engine.request({ type: 'failedRows', ...request }),
  };
}
