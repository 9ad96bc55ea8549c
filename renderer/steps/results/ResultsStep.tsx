import type { Step, WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { ChatReport } from './ChatReport.tsx';
import { ExportReport } from './ExportReport.tsx';
import { UndoImport } from './UndoImport.tsx';
import { UploadAgain } from './UploadAgain.tsx';

interface ResultsStepProps {
  state: Extract<Step, { step: 'results' }>;
  dispatch: (action: WizardAction) => void;
}

export function ResultsStep({ state, dispatch }: ResultsStepProps) {
  const { t } = useLanguage();
  const s = state.summary;
  // Forward with Results kept as history: Back returns here until the next upload starts.
  const fixFailed = () =>
    dispatch({ type: 'go', to: { step: 'review', chosen: state.chosen, ...state.reviewed, retry: { journalDir: state.journalDir, failed: s.rejected, uploaded: s.accepted } } });
  return (
    <StepLayout
      title={t.results.title}
      intro={t.results.ended[state.ended](state.file)}
      actions={
        <button type="button" className="primary" onClick={() => dispatch({ type: 'restart' })}>
          {t.results.again}
        </button>
      }
    >
      <dl className="summary-tiles" data-testid="results-summary">
        <div className="tile tile-ok">
          <dt>{t.upload.accepted}</dt>
          <dd data-testid="result-accepted">{s.accepted.toLocaleString()}</dd>
        </div>
        <div className={`tile ${s.rejected > 0 ? 'tile-error' : ''}`}>
          <dt>{t.upload.rejected}</dt>
          <dd data-testid="result-rejected">{s.rejected.toLocaleString()}</dd>
        </div>
        <div className={`tile ${s.unknown > 0 ? 'tile-warning' : ''}`}>
          <dt>{t.upload.unknown}</dt>
          <dd>{s.unknown.toLocaleString()}</dd>
        </div>
        <div className="tile">
          <dt>{t.results.notSent}</dt>
          <dd data-testid="result-not-sent">{s.pending.toLocaleString()}</dd>
        </div>
        {s.skipped > 0 && (
          <div className="tile">
            <dt>{t.results.skipped}</dt>
            <dd data-testid="result-skipped">{s.skipped.toLocaleString()}</dd>
          </div>
        )}
        <div className="tile">
          <dt>{t.upload.requests}</dt>
          <dd>{s.requests.toLocaleString()}</dd>
        </div>
      </dl>
      {s.tookMs > 0 && <p className="hint">{t.results.took(Math.max(1, Math.round(s.tookMs / 1000)))}</p>}
      {s.skipped > 0 && <p data-testid="skipped-text">{t.results.skippedHint(s.skipped)}</p>}
      {s.rejected > 0 && <UploadAgain failed={s.rejected} uploaded={s.accepted} onFix={fixFailed} />}
      <ChatReport journalDir={state.journalDir} />
      <ExportReport journalDir={state.journalDir} />
      <UndoImport accountId={state.chosen.account.id} journalDir={state.journalDir} />
    </StepLayout>
  );
}
