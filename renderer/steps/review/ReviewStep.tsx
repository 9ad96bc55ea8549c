import { useState } from 'react';
import type { ProblemView, Reply } from '../../../main/contract/api.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';
import type { Step, WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { FailedRowsNote } from '../results/FailedRowsNote.tsx';
import { StartFailure } from '../upload/StartFailure.tsx';
import { CellPanel } from './CellPanel.tsx';
import { ExportProblems } from './ExportProblems.tsx';
import { Grid, type ActiveCell } from './Grid.tsx';
import { IssuesPanel } from './IssuesPanel.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';
import { useRowPages } from './useRowPages.ts';

interface ReviewStepProps {
  state: Extract<Step, { step: 'review' }>;
  dispatch: (action: WizardAction) => void;
  back: (() => void) | undefined;
}

type Action = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; problem: ProblemView };

export function ReviewStep({ state, dispatch, back }: ReviewStepProps) {
  const { t } = useLanguage();
  const [summary, setSummary] = useState<ValidationSummaryView>(state.summary);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [code, setCode] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<ActiveCell>({ index: 0, column: 0 });
  const [editing, setEditing] = useState(false);
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const [failedIn, setFailedIn] = useState(state.retry?.journalDir);
  // A rule whose last finding was just fixed filters nothing any more: show every row again.
  const shownCode = code !== undefined && code in summary.byCode ? code : undefined;
  const pages = useRowPages({ onlyProblems, code: shownCode, failedIn, version });
  const headers = state.table.headers;
  const activeCell: ActiveCell = { index: Math.max(0, Math.min(active.index, (pages.total ?? 1) - 1)), column: active.column };
  const activeRow = pages.row(activeCell.index);

  /** Every change answers with the new summary; the grid then refetches what it shows. */
  const changed = async (work: Promise<Reply<ValidationSummaryView>>) => {
    setAction({ kind: 'busy' });
    const reply = await work;
    if (!reply.ok) return setAction({ kind: 'failed', problem: reply.error });
    setAction({ kind: 'idle' });
    setSummary(reply.value);
    setVersion((v) => v + 1);
  };
  const edit = (row: number, column: number, value: string) => {
    setEditing(false);
    void changed(api().editCell({ row, column, value }));
  };
  const exclude = (rows: number[], excluded: boolean) => void changed(api().excludeRows({ rows, excluded }));
  const filter = (next: { onlyProblems: boolean; code: string | undefined; column?: string | undefined }) => {
    setOnlyProblems(next.onlyProblems);
    setCode(next.code);
    setFailedIn(undefined);
    const column = next.column === undefined ? -1 : headers.indexOf(next.column);
    setActive((current) => ({ index: 0, column: column >= 0 ? column : current.column }));
    setEditing(false);
  };

  const upload = async () => {
    setAction({ kind: 'busy' });
    // Again into the same journal: what CallGear accepted is never sent twice.
    const reply = await api().startUpload({ accountId: state.chosen.account.id, ...(state.retry === undefined ? {} : { journalDir: state.retry.journalDir }) });
    if (!reply.ok) return setAction({ kind: 'failed', problem: reply.error });
    const reviewed = { workbook: state.workbook, table: state.table, summary };
    dispatch({ type: 'commit', to: { step: 'upload', chosen: state.chosen, file: state.table.file, runId: reply.value.runId, journalDir: reply.value.journalDir, reviewed } });
  };

  return (
    <StepLayout
      title={t.review.title}
      back={back}
      actions={
        <button type="button" className="primary" disabled={summary.validChats === 0 || action.kind === 'busy'} onClick={() => void upload()}>
          {state.retry === undefined ? t.review.upload(summary.validChats) : t.results.retry.upload} →
        </button>
      }
    >
      <ReviewSummary summary={summary} />
      {state.retry !== undefined && (
        <FailedRowsNote
          retry={state.retry}
          shown={failedIn !== undefined}
          onShow={(shown) => {
            filter({ onlyProblems: false, code: undefined });
            if (shown) setFailedIn(state.retry?.journalDir);
          }}
        />
      )}
      {action.kind === 'failed' && <StartFailure problem={action.problem} onRetry={() => void upload()} />}
      {pages.problem !== undefined && <ProblemNote problem={pages.problem} />}
      <div className="review-layout">
        <IssuesPanel
          summary={summary}
          code={shownCode}
          onCode={(next, column) => filter({ onlyProblems, code: next, column })}
          onFixed={(next) => {
            setSummary(next);
            setVersion((v) => v + 1);
          }}
        />
        <div className="review-main">
          <div className="review-tools">
            <label>
              <input type="checkbox" checked={onlyProblems} onChange={(e) => filter({ onlyProblems: e.target.checked, code: shownCode })} /> {t.review.onlyProblems}
            </label>
            <span className="row-count" role="status">
              {pages.total === undefined ? t.loading : t.review.rowsShown(pages.total)}
            </span>
            <ExportProblems />
          </div>
          <Grid
            headers={headers}
            pages={pages}
            active={activeCell}
            editing={editing}
            onActive={setActive}
            onEditing={setEditing}
            onCommit={(index, column, value) => {
              const row = pages.row(index);
              if (row !== undefined) edit(row.row, column, value);
            }}
          />
          <CellPanel
            row={activeRow}
            header={headers[activeCell.column]}
            column={activeCell.column}
            busy={action.kind === 'busy'}
            onFix={(value) => activeRow !== undefined && edit(activeRow.row, activeCell.column, value)}
            onExclude={(excluded) => activeRow !== undefined && exclude([activeRow.row], excluded)}
            onExcludeChat={(rows) => exclude(rows, true)}
            onIncludeChat={(rows) => exclude(rows, false)}
          />
        </div>
      </div>
    </StepLayout>
  );
}
