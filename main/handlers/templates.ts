import { fail, ok, type Result } from '../common/text.ts';
import type { AppliedTemplate, TemplateView } from '../contract/templates.ts';
import type { Layout } from '../mapping/model.ts';
import { headerKey } from '../templates/headers.ts';
import { findMatch, type Match } from '../templates/match.ts';
import type { Template } from '../templates/model.ts';
import { placeMapping } from '../templates/place.ts';
import type { TemplateStore } from '../templates/store.ts';
import type { HandlerDeps } from './ports.ts';
import type { HandlerGroup } from './types.ts';

const view = (template: Template): TemplateView => ({
  id: template.id,
  name: template.name,
  columns: template.headers.length,
  createdAt: template.createdAt,
  updatedAt: template.updatedAt,
});

const fileSafe = (name: string) => name.replace(/[^\p{L}\p{N} ,()._-]+/gu, '_').trim() || 'template';

function applied(match: Match, headers: string[]): AppliedTemplate {
  const { candidate } = match;
  const remembered = candidate.kind === 'template' ? candidate.template.mapping : candidate.past.mapping;
  // Every mapped column is in the file (findMatch demands it), so the layout is never replaced.
  const placed = placeMapping(remembered, headers, remembered.layout);
  const from: AppliedTemplate['from'] =
    candidate.kind === 'template' ? { kind: 'template', id: candidate.template.id, name: candidate.template.name } : { kind: 'past', file: candidate.past.file, savedAt: candidate.past.savedAt };
  return { from, how: match.how, matched: match.matched, total: match.total, mapping: placed.mapping, unplaced: placed.unplaced };
}

function chosen(template: Template, headers: string[], layout: Layout): AppliedTemplate {
  const placed = placeMapping(template.mapping, headers, layout);
  const theirs = new Set(template.headers.map(headerKey));
  return {
    from: { kind: 'template', id: template.id, name: template.name },
    how: 'chosen',
    matched: headers.filter((header) => theirs.has(headerKey(header))).length,
    total: headers.length,
    mapping: placed.mapping,
    unplaced: placed.unplaced,
  };
}

const viewed = (result: Result<Template>): Result<TemplateView> => (result.ok ? ok(view(result.value)) : result);

/** Named mapping templates: saved, renamed, deleted, moved between computers, and found for a file. */
export function templateHandlers(
  deps: HandlerDeps,
  templates: TemplateStore,
): HandlerGroup<'listTemplates' | 'matchTemplate' | 'applyTemplate' | 'saveTemplate' | 'renameTemplate' | 'deleteTemplate' | 'exportTemplate' | 'importTemplate'> {
  return {
    async listTemplates() {
      const { templates: list, problem } = templates.list();
      return ok({ templates: list.map(view), ...(problem ? { problem } : {}) });
    },
    async matchTemplate({ headers }) {
      const candidates = templates.candidates();
      if (!candidates.ok) return candidates;
      const match = findMatch(headers, candidates.value);
      return ok(match === undefined ? null : applied(match, headers));
    },
    async applyTemplate({ id, headers, layout }) {
      const found = templates.get(id);
      return found.ok ? ok(chosen(found.value, headers, layout)) : found;
    },
    saveTemplate: async (draft) => viewed(templates.save(draft)),
    renameTemplate: async ({ id, name }) => viewed(templates.rename(id, name)),
    async deleteTemplate({ id }) {
      const removed = templates.remove(id);
      return removed.ok ? ok(null) : removed;
    },
    async exportTemplate({ id, path }) {
      const found = templates.get(id);
      if (!found.ok) return found;
      const target = path ?? (await deps.dialogs.saveFile(`${fileSafe(found.value.name)}.json`, 'json'));
      if (target === undefined) return ok(null);
      const written = templates.exportTo(id, target);
      return written.ok ? ok({ path: target }) : fail(written.error);
    },
    async importTemplate({ path }) {
      const chosenPath = path ?? (await deps.dialogs.openTemplate());
      if (chosenPath === undefined) return ok(null);
      return viewed(templates.importFrom(chosenPath));
    },
  };
}
