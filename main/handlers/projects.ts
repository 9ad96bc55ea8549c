import { basename } from 'node:path';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import type { ReplyOf } from '../contract/channels.ts';
import { PROJECT_EXTENSION, PROJECT_VERSION, type Project } from '../project/index.ts';
import { checkSource, readProject, sourceOf, writeProject } from '../project/file.ts';
import { noFileOpen } from './files.ts';
import type { HandlerDeps } from './ports.ts';
import { replayImport } from './restore.ts';
import { forgetReview, type AccountLists, type ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';

type Opened = Extract<NonNullable<ReplyOf<'openProject'>>, { status: 'opened' }>;

const notMapped = () => fail({ code: 'project.not_mapped', message: { en: 'Map the columns before saving a project.', ru: 'Перед сохранением проекта сопоставьте столбцы.' } });

function unreadable(path: string, code: string): Problem {
  return { code: 'project.source_unreadable', file: basename(path), message: { en: `${path} cannot be read (${code}).`, ru: `Не удаётся прочитать ${path} (${code}).` } };
}

/** The account's site and campaign ids the project kept, if it kept any. */
function keptIds(project: Project): AccountLists | undefined {
  if (project.sites === undefined && project.campaigns === undefined) return undefined;
  return { ...(project.sites ? { sites: project.sites } : {}), ...(project.campaigns ? { campaigns: project.campaigns } : {}) };
}

/** Saving and opening `.chatimport` projects: the import on screen, written down or brought back. */
export function projectHandlers(deps: HandlerDeps, session: ImportSession): HandlerGroup<'saveProject' | 'openProject'> {
  /** Replays a project in the engine: file, sheet, mapping, then the person's edits and exclusions. */
  async function replay(project: Project, source: string, projectPath: string, changed: Problem | undefined): Promise<Result<Opened>> {
    const employees = project.employees.map((e) => ({ id: e.id, full_name: e.full_name, email: e.email ?? null }));
    const accountIds = keptIds(project);
    const replayed = await replayImport(deps.engine, { ...project, path: source, employees, accountIds });
    if (!replayed.ok) return replayed;
    const { workbook, table, validation } = replayed.value;
    // A project always names its sheet and mapping, so the replay went all the way.
    if (table === undefined || validation === undefined) throw new Error('a project replay stopped before validating');
    Object.assign(session, { path: source, text: { ...project.text }, sheet: project.sheet, headerRow: project.headerRow, employees, accountIds });
    Object.assign(session, { mapping: validation.mapping, edits: [...project.edits], excluded: new Set(project.excluded), account: project.account, journal: project.journal });
    const opened: Opened = { status: 'opened', path: projectPath, workbook, table, validation };
    if (changed) opened.changed = changed;
    if (project.account) opened.account = project.account;
    if (project.journal) opened.journal = project.journal;
    return ok(opened);
  }

  return {
    async saveProject({ path }) {
      if (session.path === undefined) return noFileOpen();
      if (session.mapping === undefined || session.sheet === undefined || session.headerRow === undefined) return notMapped();
      const stem = basename(session.path).replace(/\.[^.]+$/, '');
      const target = path ?? (await deps.dialogs.saveFile(`${stem}${PROJECT_EXTENSION}`, 'chatimport'));
      if (target === undefined) return ok(null);
      const source = await sourceOf(session.path);
      if (!source.ok) return fail(unreadable(session.path, source.error));
      const project: Project = {
        version: PROJECT_VERSION,
        source: source.value,
        sheet: session.sheet,
        headerRow: session.headerRow,
        text: { ...session.text },
        mapping: session.mapping,
        employees: session.employees.map((e) => ({ id: e.id, full_name: e.full_name, email: e.email ?? null })),
        ...(session.accountIds?.sites ? { sites: [...session.accountIds.sites] } : {}),
        ...(session.accountIds?.campaigns ? { campaigns: session.accountIds.campaigns.map((c) => ({ ...c })) } : {}),
        edits: [...session.edits],
        excluded: [...session.excluded].sort((a, b) => a - b),
        savedAt: new Date(deps.now()).toISOString(),
        ...(session.account ? { account: session.account } : {}),
        ...(session.journal ? { journal: session.journal } : {}),
      };
      const written = writeProject(target, project);
      if (!written.ok) return written;
      deps.recent.remember(target, session.path);
      return ok({ path: target });
    },
    async openProject({ path, sourcePath }) {
      const chosen = path ?? (await deps.dialogs.openProject());
      if (chosen === undefined) return ok(null);
      const project = readProject(chosen);
      if (!project.ok) return project;
      const located = sourcePath === undefined ? project.value : { ...project.value, source: { ...project.value.source, path: sourcePath } };
      const check = await checkSource(located, chosen);
      if (!check.ok) return check;
      if (check.value.status === 'moved') {
        return ok({ status: 'moved', path: chosen, missing: check.value.path, problem: check.value.problem });
      }
      forgetReview(session);
      const opened = await replay(located, check.value.path, chosen, check.value.status === 'changed' ? check.value.warning : undefined);
      if (opened.ok) deps.recent.remember(chosen, check.value.path);
      return opened;
    },
  };
}
