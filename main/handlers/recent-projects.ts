import { ok } from '../common/text.ts';
import type { HandlerDeps } from './ports.ts';
import type { HandlerGroup } from './types.ts';

/** The recent projects list, and the dialog that finds a project's moved spreadsheet. */
export function recentProjectHandlers(deps: HandlerDeps): HandlerGroup<'listRecentProjects' | 'chooseSpreadsheet'> {
  return {
    listRecentProjects: async () => ok({ projects: deps.recent.list() }),
    async chooseSpreadsheet() {
      const path = await deps.dialogs.openSpreadsheet();
      return ok(path === undefined ? null : { path });
    },
  };
}
