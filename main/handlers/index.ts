import { accountHandlers } from './accounts.ts';
import { fileHandlers } from './files.ts';
import type { HandlerDeps } from './ports.ts';
import { projectHandlers } from './projects.ts';
import { reviewHandlers } from './review.ts';
import { newSession } from './session.ts';
import type { Handlers } from './types.ts';
import { uploadHandlers } from './uploads.ts';

/**
 * The handler table behind every contract call: plain functions, no Electron. Main registers it
 * on IPC; the end-to-end harness calls the same table from the test process.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const session = newSession();
  return {
    ...fileHandlers(deps, session),
    ...reviewHandlers(deps, session),
    ...accountHandlers(deps, session),
    ...uploadHandlers(deps, session),
    ...projectHandlers(deps, session),
  };
}

export type { HandlerDeps } from './ports.ts';
export type { Handlers } from './types.ts';
