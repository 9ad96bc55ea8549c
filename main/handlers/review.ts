import { ok } from '../common/text.ts';
import type { Stage } from '../engine/protocol.ts';
import type { HandlerDeps } from './ports.ts';
import { validateRequest, type ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Mapping, validation and the review grid: every change re-validates in the engine. */
export function reviewHandlers(
  deps: HandlerDeps,
  session: ImportSession,
): HandlerGroup<'applyMapping' | 'pageRows' | 'editCell' | 'excludeRows' | 'exportProblems'> {
  const progress = (stage: Stage, done: number, total: number) => deps.emit({ type: 'engine-progress', stage, done, total });
  return {
    async applyMapping({ mapping }) {
      const validated = await deps.engine.request(validateRequest(mapping, session), progress);
      if (validated.ok) session.mapping = validated.value.mapping;
      return validated;
    },
    pageRows: (request) => deps.engine.request({ type: 'rows', ...request }),
    async editCell({ row, column, value }) {
      const edited = await deps.engine.request({ type: 'edit', edits: [{ row, column, value }] }, progress);
      if (edited.ok) session.edits.push({ row, column, value });
      return edited;
    },
    async excludeRows({ rows, excluded }) {
      const changed = await deps.engine.request({ type: 'exclude', rows, excluded }, progress);
      if (changed.ok) {
        for (const row of rows) {
          if (excluded) session.excluded.add(row);
          else session.excluded.delete(row);
        }
      }
      return changed;
    },
    async exportProblems({ format, path, language }) {
      const stem = baseName(session.path ?? 'chats').replace(/\.[^.]+$/, '');
      const target = path ?? (await deps.dialogs.saveFile(`${stem} - problems.${format}`, format));
      if (target === undefined) return ok(null);
      return deps.engine.request({ type: 'exportProblems', path: target, format, lang: language });
    },
  };
}
