import { useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Export = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; path: string; rows: number } | { kind: 'failed'; problem: ProblemView };

/** The rows with problems, with a reason column, to fix in a spreadsheet program. */
export function ExportProblems() {
  const { t, lang } = useLanguage();
  const [state, setState] = useState<Export>({ kind: 'idle' });
  const save = async (format: 'xlsx' | 'csv') => {
    setState({ kind: 'busy' });
    const reply = await api().exportProblems({ format, language: lang });
    if (!reply.ok) return setState({ kind: 'failed', problem: reply.error });
    setState(reply.value === null ? { kind: 'idle' } : { kind: 'saved', ...reply.value });
  };
  return (
    <div className="export-problems">
      <span>{t.review.exportProblems}</span>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void save('xlsx')}>
        XLSX
      </button>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void save('csv')}>
        CSV
      </button>
      <span aria-live="polite">
        {state.kind === 'saved' && <span className="note note-ok">{t.savedTo(state.rows, state.path)}</span>}
        {state.kind === 'failed' && <ProblemNote problem={state.problem} />}
      </span>
    </div>
  );
}
