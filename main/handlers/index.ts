import { randomUUID } from 'node:crypto';
import { TemplateStore } from '../templates/store.ts';
import { accountHandlers } from './accounts.ts';
import { bulkFixHandlers } from './bulk-fix.ts';
import { fileHandlers } from './files.ts';
import type { HandlerDeps } from './ports.ts';
import { withProjectStatus } from './project-status.ts';
import { projectHandlers } from './projects.ts';
import { recentProjectHandlers } from './recent-projects.ts';
import { rememberingImports } from './remember-imports.ts';
import { restoringEngine } from './restore.ts';
import { resultHandlers } from './results.ts';
import { reviewHandlers } from './review.ts';
import { newSession } from './session.ts';
import { templateHandlers } from './templates.ts';
import type { Handlers } from './types.ts';
import { uploadHandlers } from './uploads.ts';

/**
 * The handler table behind every contract call: plain functions, no Electron. Main registers it
 * on IPC; the end-to-end harness calls the same table from the test process.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const session = newSession();
  const withImport: HandlerDeps = { ...deps, engine: restoringEngine(deps.engine, session) };
  const templates = new TemplateStore({ file: deps.templatesFile, now: deps.now, newId: randomUUID });
  const handlers: Handlers = {
    ...fileHandlers(withImport, session),
    ...reviewHandlers(withImport, session),
    ...bulkFixHandlers(withImport, session),
    ...accountHandlers(deps, session),
    ...uploadHandlers(withImport, session),
    ...projectHandlers(withImport, session),
    ...recentProjectHandlers(deps),
    ...resultHandlers(withImport),
    ...templateHandlers(deps, templates),
  };
  return withProjectStatus(rememberingImports(handlers, session, templates), session, deps.emit);
}

export type { HandlerDeps } from './ports.ts';
export type { Handlers } from './types.ts';
