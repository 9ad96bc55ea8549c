import { useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Export = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; path: string; rows: number } | { kind: 'failed'; problem: ProblemView };

/** The per-chat report: CallGear's chat id, or why a chat was refused. */
export function ExportReport({ journalDir }: { journalDir: string }) {
  const { t, lang } = useLanguage();
  const [state, setState] = useState<Export>({ kind: 'idle' });
  const save = async (format: 'xlsx' | 'csv') => {
    setState({ kind: 'busy' });
    const reply = await api().exportReport({ journalDir, format, language: lang });
    if (!reply.ok) return setState({ kind: 'failed', problem: reply.error });
    setState(reply.value === null ? { kind: 'idle' } : { kind: 'saved', ...reply.value });
  };
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t.results.report}</h2>
      <p className="hint">{t.results.reportHint}</p>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void save('xlsx')}>
        {t.results.exportAs('XLSX')}
      </button>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void save('csv')}>
        {t.results.exportAs('CSV')}
      </button>
      <div aria-live="polite">
        {state.kind === 'saved' && (
          <p className="note note-ok" data-testid="report-saved">
            {t.savedTo(state.rows, state.path)}
          </p>
        )}
        {state.kind === 'failed' && <ProblemNote problem={state.problem} />}
      </div>
    </section>
  );
}
