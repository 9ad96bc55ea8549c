import { Fragment, useState, type ReactNode } from 'react';
import { fileKind } from '../../main/common/file-kinds.ts';
import type { ProjectStatusView } from '../../main/contract/projects.ts';
import { api } from '../api.ts';
import type { Step, WizardAction } from '../app/wizard.ts';
import { useAppEvents } from '../ui/useAppEvents.ts';
import { accountFor } from './accountFor.ts';
import { ProjectContext, type ProjectActions, type ProjectNotice } from './context.ts';
import { openedSteps } from './openedSteps.ts';
import { ProjectBar } from './ProjectBar.tsx';

interface ProjectProviderProps {
  current: Step;
  dispatch: (action: WizardAction) => void;
  children: ReactNode;
}

/**
 * Saving and opening projects for every step: from the project bar, the File step, the File menu
 * and files the OS hands the app. An opened project replaces the steps wholesale, so the step on
 * screen is mounted afresh (`generation`) even when it is the Review it was already on.
 */
export function ProjectProvider({ current, dispatch, children }: ProjectProviderProps) {
  const [status, setStatus] = useState<ProjectStatusView>({ path: null, unsaved: false });
  const [notice, setNotice] = useState<ProjectNotice>({ kind: 'none' });
  const [generation, setGeneration] = useState(0);
  const chosen = 'chosen' in current ? current.chosen : undefined;

  const open = async (path?: string, sourcePath?: string) => {
    setNotice({ kind: 'busy', doing: 'opening' });
    const reply = await api().openProject({ ...(path === undefined ? {} : { path }), ...(sourcePath === undefined ? {} : { sourcePath }) });
    if (!reply.ok) return setNotice({ kind: 'failed', problem: reply.error });
    const opened = reply.value;
    if (opened === null) return setNotice({ kind: 'none' });
    if (opened.status === 'moved') return setNotice({ kind: 'moved', path: opened.path, missing: opened.missing });
    const account = await accountFor(opened.account, chosen);
    if (account === undefined) return setNotice(opened.account === undefined ? { kind: 'no-account' } : { kind: 'no-account', wanted: opened.account });
    dispatch({ type: 'jump', ...openedSteps(opened, account) });
    setGeneration((g) => g + 1);
    setNotice(opened.changed === undefined ? { kind: 'none' } : { kind: 'changed', problem: opened.changed });
  };

  const save = async (as: boolean) => {
    setNotice({ kind: 'busy', doing: 'saving' });
    const path = as ? null : status.path;
    const reply = await api().saveProject(path === null ? {} : { path });
    setNotice(reply.ok ? { kind: 'none' } : { kind: 'failed', problem: reply.error });
  };

  const find = async () => {
    if (notice.kind !== 'moved') return;
    const chosenFile = await api().chooseSpreadsheet({});
    if (!chosenFile.ok) return setNotice({ kind: 'failed', problem: chosenFile.error });
    if (chosenFile.value !== null) await open(notice.path, chosenFile.value.path);
  };

  useAppEvents((event) => {
    if (event.type === 'project') setStatus(event.status);
    if (event.type === 'open-file' && fileKind(event.path) === 'project') void open(event.path);
    if (event.type !== 'menu') return;
    if (event.command === 'open-project') void open();
    if (event.command === 'save-project') void save(false);
    if (event.command === 'save-project-as') void save(true);
  });

  const actions: ProjectActions = {
    status,
    notice,
    open: (path) => void open(path),
    save: (as) => void save(as),
    find: () => void find(),
    dismiss: () => setNotice({ kind: 'none' }),
  };
  return (
    <ProjectContext.Provider value={actions}>
      <ProjectBar step={current.step} />
      <Fragment key={generation}>{children}</Fragment>
    </ProjectContext.Provider>
  );
}
