import { createContext, useContext } from 'react';
import type { ProblemView } from '../../main/contract/api.ts';
import type { ProjectStatusView } from '../../main/contract/projects.ts';

/** What the project bar says under the status line; one thing at a time. */
export type ProjectNotice =
  | { kind: 'none' }
  | { kind: 'busy'; doing: 'opening' | 'saving' }
  | { kind: 'failed'; problem: ProblemView }
  /** The project's spreadsheet is not where the project says: ask the person where it went. */
  | { kind: 'moved'; path: string; missing: string }
  /** The spreadsheet's bytes changed since the save: said, and the rows were validated again. */
  | { kind: 'changed'; problem: ProblemView }
  /** No account to open the project with; `wanted` is the one the project names, if any. */
  | { kind: 'no-account'; wanted?: string };

export interface ProjectActions {
  status: ProjectStatusView;
  notice: ProjectNotice;
  /** Opens a project: the one at `path`, or the one chosen in the open dialog. */
  open(path?: string): void;
  /** Saves to the project's file, or asks where (always, with `as`). */
  save(as: boolean): void;
  /** For a moved spreadsheet: asks where it is now and opens the project with it. */
  find(): void;
  dismiss(): void;
}

export const ProjectContext = createContext<ProjectActions | undefined>(undefined);

export function useProject(): ProjectActions {
  const actions = useContext(ProjectContext);
  if (actions === undefined) throw new Error('useProject outside ProjectProvider');
  return actions;
}
