import { useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { NEVER_SENT_CODES } from '../../../main/contract/offline.ts';
import type { Summary } from '../../../main/contract/upload-events.ts';
import { api } from '../../api.ts';
import type { UploadRunState } from '../../app/runs.ts';
import { useUploadRun } from '../../app/useRuns.ts';
import type { Step, WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { BatchLog } from './BatchLog.tsx';
import { Decision } from './Decision.tsx';
import { OfflineNotice } from './OfflineNotice.tsx';
import { UploadProgress } from './UploadProgress.tsx';

interface UploadStepProps {
  state: Extract<Step, { step: 'upload' }>;
  dispatch: (action: WizardAction) => void;
}

/** A stopped run has no summary of its own: its last progress says where it got to. */
function summaryOf(run: UploadRunState): Summary {
  const phase = run.phase;
  if (phase.kind === 'finished' || phase.kind === 'cancelled') return phase.summary;
  const p = run.progress;
  return { accepted: p?.accepted ?? 0, rejected: p?.rejected ?? 0, skipped: p?.skipped ?? 0, unknown: p?.unknown ?? 0, pending: p?.pending ?? 0, tookMs: 0, requests: p?.requests ?? 0 };
}

export function UploadStep({ state, dispatch }: UploadStepProps) {
  const { t, lang } = useLanguage();
  const run = useUploadRun(state.runId);
  const [problem, setProblem] = useState<ProblemView | undefined>();
  const control = async (call: 'pauseUpload' | 'resumeUpload' | 'cancelUpload') => {
    const reply = await api()[call]({ runId: state.runId });
    setProblem(reply.ok ? undefined : reply.error);
  };
  const phase = run.phase;
  const ended = phase.kind === 'finished' || phase.kind === 'cancelled' || phase.kind === 'stopped';
  const results = () =>
    dispatch({ type: 'commit', to: { step: 'results', chosen: state.chosen, file: state.file, journalDir: state.journalDir, summary: summaryOf(run), ended: phase.kind === 'finished' ? 'finished' : phase.kind === 'cancelled' ? 'cancelled' : 'stopped', reviewed: state.reviewed } });
  const restarted = (runId: string) => dispatch({ type: 'commit', to: { ...state, runId } });
  // The journal knows what was accepted: starting again on it sends only the rest.
  const retry = async () => {
    const started = await api().startUpload({ accountId: state.chosen.account.id, journalDir: state.journalDir });
    if (!started.ok) return setProblem(started.error);
    restarted(started.value.runId);
  };

  return (
    <StepLayout
      title={t.upload.title}
      intro={t.upload.intro(state.file, state.chosen.account.name)}
      actions={
        ended ? (
          <button type="button" className="primary" onClick={results}>
            {t.upload.toResults} →
          </button>
        ) : (
          <>
            {phase.kind === 'paused' ? (
              <button type="button" onClick={() => void control('resumeUpload')}>
                {t.upload.resume}
              </button>
            ) : (
              <button type="button" onClick={() => void control('pauseUpload')} disabled={phase.kind === 'needs-decision'}>
                {t.upload.pause}
              </button>
            )}
            <button type="button" className="danger" onClick={() => void control('cancelUpload')}>
              {t.upload.cancel}
            </button>
          </>
        )
      }
    >
      <UploadProgress run={run} />
      {problem !== undefined && <ProblemNote problem={problem} />}
      {phase.kind === 'stopped' &&
        (NEVER_SENT_CODES.has(phase.error.code) ? (
          <OfflineNotice problem={phase.error} accepted={run.progress?.accepted ?? 0} onRetry={() => void retry()} />
        ) : (
          <p className="note note-error" role="alert">
            {phase.error.message[lang]}
          </p>
        ))}
      {phase.kind === 'needs-decision' && <Decision state={state} chats={phase.chats} message={phase.error.message[lang]} onRestarted={restarted} />}
      <BatchLog log={run.log} />
    </StepLayout>
  );
}
