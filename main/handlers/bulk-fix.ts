import { ok } from '../common/text.ts';
import type { Stage } from '../engine/protocol.ts';
import type { HandlerDeps } from './ports.ts';
import type { ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';

/**
 * Fixing every finding of one rule in one engine request, however many cells. The engine's edits
 * join the person's own, so a project keeps them and they can be edited back like any other.
 */
export function bulkFixHandlers(deps: HandlerDeps, session: ImportSession): HandlerGroup<'bulkFixOptions' | 'bulkFix'> {
  const progress = (stage: Stage, done: number, total: number) => deps.emit({ type: 'engine-progress', stage, done, total });
  return {
    bulkFixOptions: () => deps.engine.request({ type: 'bulkFixOptions' }),
    async bulkFix({ code, action }) {
      const fixed = await deps.engine.request({ type: 'bulkFix', code, action }, progress);
      if (!fixed.ok) return fixed;
      const { edits, noFix, noColumn, validation } = fixed.value;
      // One at a time: a million edits spread into push() would overflow the call stack.
      for (const edit of edits) session.edits.push(edit);
      return ok({ changed: edits.length, noFix, noColumn, validation });
    },
  };
}
