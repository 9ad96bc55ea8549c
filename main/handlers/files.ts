import { fail, ok, text } from '../common/text.ts';
import type { Stage } from '../engine/protocol.ts';
import type { HandlerDeps } from './ports.ts';
import { forgetReview, type ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';

export const noFileOpen = () => fail({ code: 'file.none_open', message: text('Open a spreadsheet first.', 'Сначала откройте таблицу.') });

/** Opening a spreadsheet, its text settings, its sheet and header row. */
export function fileHandlers(deps: HandlerDeps, session: ImportSession): HandlerGroup<'openFile' | 'reopenFile' | 'selectSheet' | 'previewSheet'> {
  const progress = (stage: Stage, done: number, total: number) => deps.emit({ type: 'engine-progress', stage, done, total });
  return {
    async openFile({ path }) {
      const chosen = path ?? (await deps.dialogs.openSpreadsheet());
      if (chosen === undefined) return ok(null);
      const opened = await deps.engine.request({ type: 'open', path: chosen }, progress);
      if (opened.ok) {
        Object.assign(session, { path: chosen, text: {}, sheet: undefined, headerRow: undefined });
        forgetReview(session);
      }
      return opened;
    },
    async reopenFile({ encoding, delimiter }) {
      if (session.path === undefined) return noFileOpen();
      const opened = await deps.engine.request({ type: 'open', path: session.path, encoding, delimiter }, progress);
      if (opened.ok) {
        session.text = { ...(encoding ? { encoding } : {}), ...(delimiter ? { delimiter } : {}) };
        forgetReview(session);
      }
      return opened;
    },
    async selectSheet({ sheet, headerRow }) {
      const table = await deps.engine.request({ type: 'table', sheet, headerRow }, progress);
      if (table.ok) {
        Object.assign(session, { sheet: table.value.sheet, headerRow: table.value.headerRow });
        forgetReview(session);
      }
      return table;
    },
    previewSheet: ({ sheet, count }) => deps.engine.request({ type: 'preview', sheet, count }),
  };
}
