import { memo } from 'react';
import type { RowView } from '../../../main/contract/channels.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { cellFindings, worst } from './cellFindings.ts';
import { CellEditor } from './CellEditor.tsx';

interface GridRowProps {
  index: number;
  top: number;
  row: RowView | undefined;
  headers: string[];
  /** The active column when the active cell is in this row. */
  active: number | undefined;
  editing: boolean;
  onFocusCell(index: number, column: number): void;
  onEdit(index: number, column: number): void;
  onCommit(index: number, column: number, value: string): void;
  onCancel(): void;
}

/** One spreadsheet row; a row still loading keeps its height and shows placeholders. */
export const GridRow = memo(function GridRow({ index, top, row, headers, active, editing, onFocusCell, onEdit, onCommit, onCancel }: GridRowProps) {
  const { t, lang } = useLanguage();
  const rowLevel = row === undefined ? [] : cellFindings(row, undefined);
  const rowSeverity = worst(rowLevel);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row${row?.excluded ? ' excluded' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="rowheader" className={`grid-rownum${rowSeverity ? ` cell-${rowSeverity}` : ''}`} title={rowLevel.map((f) => f.message[lang]).join('\n') || undefined}>
        {row === undefined ? '…' : row.row}
        {row?.excluded && <span className="visually-hidden"> {t.review.excluded}</span>}
      </div>
      {headers.map((header, column) => {
        const findings = row === undefined ? [] : cellFindings(row, header);
        const severity = worst(findings);
        const isActive = active === column;
        const value = row?.cells[column] ?? '';
        const classes = ['grid-cell', severity ? `cell-${severity}` : '', row?.edited.includes(column) ? 'cell-edited' : '', isActive ? 'cell-active' : ''].filter(Boolean).join(' ');
        return (
          <div
            key={column}
            role="gridcell"
            className={classes}
            tabIndex={isActive ? 0 : -1}
            data-cell={`${index}:${column}`}
            aria-invalid={severity === 'error' ? true : undefined}
            title={findings.map((f) => f.message[lang]).join('\n') || undefined}
            onFocus={() => active !== column && onFocusCell(index, column)}
            onDoubleClick={() => row !== undefined && onEdit(index, column)}
          >
            {isActive && editing && row !== undefined ? (
              <CellEditor initial={value} label={t.review.editLabel(header, row.row)} onCommit={(next) => onCommit(index, column, next)} onCancel={onCancel} />
            ) : (
              value
            )}
          </div>
        );
      })}
    </div>
  );
});
