import { useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import type { Step } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

interface DecisionProps {
  state: Extract<Step, { step: 'upload' }>;
  chats: number;
  message: string;
  onRestarted(runId: string): void;
}

/** Chats whose fate CallGear could not confirm: only the person can say send again or not. */
export function Decision({ state, chats, message, onRestarted }: DecisionProps) {
  const { t } = useLanguage();
  const [problem, setProblem] = useState<ProblemView | undefined>();
  const decide = async (as: 'resend' | 'uploaded') => {
    const decided = await api().decideDoubtful({ journalDir: state.journalDir, as });
    if (!decided.ok) return setProblem(decided.error);
    const started = await api().startUpload({ accountId: state.chosen.account.id, journalDir: state.journalDir });
    if (!started.ok) return setProblem(started.error);
    onRestarted(started.value.runId);
  };
  return (
    <div className="card decision" role="alert">
      <p>{t.upload.doubt(chats)}</p>
      <p className="hint">{message}</p>
      <button type="button" onClick={() => void decide('resend')}>
        {t.upload.resend}
      </button>
      <button type="button" onClick={() => void decide('uploaded')}>
        {t.upload.markUploaded}
      </button>
      {problem !== undefined && <ProblemNote problem={problem} />}
    </div>
  );
}
