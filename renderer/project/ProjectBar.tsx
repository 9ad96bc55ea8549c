import type { StepName } from '../app/wizard.ts';
import { useLanguage } from '../i18n/language.tsx';
import { ProblemNote } from '../ui/ProblemNote.tsx';
import { useProject } from './context.ts';

/** Saving makes sense once the columns are mapped; before that main has nothing to keep. */
const SAVABLE: readonly StepName[] = ['mapping', 'review', 'upload', 'results'];

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** The project line above the step: where the import is saved, Save and Save as, and what opening said. */
export function ProjectBar({ step }: { step: StepName }) {
  const { t } = useLanguage();
  const { status, notice, save } = useProject();
  const busy = notice.kind === 'busy';
  const said = status.path === null ? t.project.notSaved : status.unsaved ? t.project.unsaved(fileName(status.path)) : t.project.savedTo(fileName(status.path));
  return (
    <>
      {SAVABLE.includes(step) && (
        <div className="project-bar">
          <span className={status.unsaved ? 'project-status project-unsaved' : 'project-status'} data-testid="project-status" title={status.path ?? undefined}>
            {said}
          </span>
          <button type="button" onClick={() => save(false)} disabled={busy}>
            {t.project.save}
          </button>
          <button type="button" onClick={() => save(true)} disabled={busy}>
            {t.project.saveAs}
          </button>
        </div>
      )}
      <ProjectNoticeLine />
    </>
  );
}

function ProjectNoticeLine() {
  const { t, lang } = useLanguage();
  const { notice, find, dismiss } = useProject();
  switch (notice.kind) {
    case 'none':
      return null;
    case 'busy':
      return (
        <p className="note" role="status">
          {notice.doing === 'opening' ? t.project.opening : t.saving}
        </p>
      );
    case 'failed':
      return <ProblemNote problem={notice.problem} />;
    case 'no-account':
      return (
        <p className="note note-error" role="alert">
          {notice.wanted === undefined ? t.project.noAccount : t.project.needAccount(notice.wanted)}
        </p>
      );
    case 'moved':
      return (
        <div className="note note-warning project-notice" role="alert" data-code="project.source_missing">
          <span>{t.project.moved(fileName(notice.missing))}</span>
          <button type="button" onClick={find}>
            {t.project.find}
          </button>
          <button type="button" onClick={dismiss}>
            {t.project.dismiss}
          </button>
        </div>
      );
    case 'changed':
      return (
        <div className="note note-warning project-notice" role="status" data-code={notice.problem.code}>
          <span>
            {notice.problem.message[lang]} {t.project.changed}
          </span>
          <button type="button" onClick={dismiss}>
            {t.project.dismiss}
          </button>
        </div>
      );
  }
}
