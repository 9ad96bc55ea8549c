import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { BulkAction } from '../../../main/contract/bulk-fix.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import type { BulkFixTarget } from './BulkFixDialog.tsx';

type Phase =
  | { kind: 'choosing' }
  | { kind: 'working' }
  | { kind: 'done'; changed: number; noFix: number; noColumn: number }
  | { kind: 'failed'; problem: ProblemView };

interface BulkFixFormProps {
  target: BulkFixTarget;
  onBusy(busy: boolean): void;
  onClose(): void;
  onFixed(summary: ValidationSummaryView): void;
}

/** Choose the suggested fix or one value, confirm, and read what changed. */
export function BulkFixForm({ target, onBusy, onClose, onFixed }: BulkFixFormProps) {
  const { t } = useLanguage();
  const { code, option } = target;
  const suggestions = option.findings - option.noColumn - option.noFix;
  const [kind, setKind] = useState<BulkAction['kind']>(suggestions > 0 ? 'suggested' : 'value');
  const [value, setValue] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPhase({ kind: 'working' });
    onBusy(true);
    const action: BulkAction = kind === 'suggested' ? { kind } : { kind, value };
    const reply = await api().bulkFix({ code, action });
    onBusy(false);
    if (!reply.ok) return setPhase({ kind: 'failed', problem: reply.error });
    const { changed, noFix, noColumn, validation } = reply.value;
    setPhase({ kind: 'done', changed, noFix, noColumn });
    onFixed(validation);
  };

  const settled = phase.kind === 'done';
  const close = useRef<HTMLButtonElement>(null);
  const apply = useRef<HTMLButtonElement>(null);
  // The pressed button was disabled while the fix ran, which drops the focus: give it back, to
  // the one way out once done, or to the button to try again after a failure.
  useEffect(() => {
    if (phase.kind === 'done') close.current?.focus();
    if (phase.kind === 'failed') apply.current?.focus();
  }, [phase.kind]);
  return (
    <form onSubmit={(event) => void submit(event)}>
      <h2 id="bulk-fix-title">{t.bulkFix.title(code)}</h2>
      <p>{t.bulkFix.scope(option.findings - option.noColumn, option.columns)}</p>
      {option.noColumn > 0 && <p className="hint">{t.bulkFix.noColumn(option.noColumn)}</p>}
      <fieldset disabled={phase.kind === 'working' || settled}>
        <legend>{t.bulkFix.choose}</legend>
        {suggestions > 0 && (
          <div className="bulk-fix-choice">
            <label>
              <input type="radio" name="bulk-fix-kind" checked={kind === 'suggested'} onChange={() => setKind('suggested')} aria-describedby="bulk-fix-example" />{' '}
              {t.bulkFix.suggested}
            </label>
            <p className="hint" id="bulk-fix-example">
              {option.example !== undefined && <span className="bulk-fix-example">{t.bulkFix.example(option.example.row, option.example.column, option.example.before, option.example.after)}</span>}{' '}
              {t.bulkFix.willFix(suggestions)}
              {option.noFix > 0 && ` ${t.bulkFix.noFixNote(option.noFix)}`}
            </p>
          </div>
        )}
        <div className="bulk-fix-choice">
          <label>
            <input type="radio" name="bulk-fix-kind" checked={kind === 'value'} onChange={() => setKind('value')} /> {t.bulkFix.value}
          </label>
          <label className="bulk-fix-value">
            {t.bulkFix.valueLabel}
            <input type="text" value={value} disabled={kind !== 'value'} onChange={(e) => setValue(e.target.value)} aria-describedby="bulk-fix-value-hint" />
          </label>
          <p className="hint" id="bulk-fix-value-hint">
            {t.bulkFix.valueHint}
          </p>
        </div>
      </fieldset>
      <div role="status" className="bulk-fix-outcome" data-testid="bulk-fix-outcome">
        {phase.kind === 'working' && t.bulkFix.working}
        {phase.kind === 'done' && t.bulkFix.done(phase.changed, phase.noFix, phase.noColumn)}
      </div>
      {phase.kind === 'failed' && <ProblemNote problem={phase.problem} />}
      <div className="form-actions">
        {settled ? (
          <button type="button" className="primary" onClick={onClose} ref={close}>
            {t.bulkFix.close}
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={phase.kind === 'working'}>
              {t.cancel}
            </button>
            <button type="submit" className="primary" disabled={phase.kind === 'working'} ref={apply}>
              {t.bulkFix.apply}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
