import type { RowView } from '../../../main/contract/channels.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { cellFindings } from './cellFindings.ts';

interface CellPanelProps {
  row: RowView | undefined;
  header: string | undefined;
  column: number;
  busy: boolean;
  onFix(value: string): void;
  onExclude(excluded: boolean): void;
  /** Excludes every row of the active row's chat. */
  onExcludeChat(rows: number[]): void;
  /** Includes the excluded rows of the active row's chat (the engine says which). */
  onIncludeChat(rows: number[]): void;
}

/** The active cell explained: its findings in words, a suggested fix, and excluding its row or its whole chat. */
export function CellPanel({ row, header, column, busy, onFix, onExclude, onExcludeChat, onIncludeChat }: CellPanelProps) {
  const { t, lang } = useLanguage();
  if (row === undefined || header === undefined) return <div className="cell-panel" aria-live="polite" />;
  const findings = [...cellFindings(row, header), ...cellFindings(row, undefined)];
  return (
    <div className="cell-panel" aria-live="polite" data-testid="cell-panel">
      <p className="cell-where">
        {t.review.cellWhere(row.row, header)}: <span className="cell-value">{row.cells[column] || t.review.emptyCell}</span>
        {row.edited.includes(column) && <span className="badge">{t.review.edited}</span>}
      </p>
      {findings.length === 0 ? (
        <p className="hint">{t.review.cellFine}</p>
      ) : (
        <ul className="findings">
          {findings.map((finding, index) => (
            <li key={index} className={`finding finding-${finding.severity}`}>
              <span className="severity">{t.review.severity[finding.severity]}</span> {finding.message[lang]}
              {finding.fix !== undefined && finding.column === header && (
                <button type="button" disabled={busy} onClick={() => finding.fix && onFix(finding.fix.value)}>
                  {finding.fix.label[lang]}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="cell-actions">
        <span className="hint">{t.review.editHint}</span>
        <button type="button" disabled={busy} onClick={() => onExclude(!row.excluded)}>
          {row.excluded ? t.review.include(row.row) : t.review.exclude(row.row)}
        </button>
        {!row.excluded && row.chatRows !== undefined && (
          <button type="button" disabled={busy} onClick={() => row.chatRows && onExcludeChat(row.chatRows)}>
            {t.review.excludeChat(row.chatRows.length)}
          </button>
        )}
        {row.excluded && row.excludedChat !== undefined && (
          <button type="button" disabled={busy} onClick={() => row.excludedChat && onIncludeChat(row.excludedChat)}>
            {t.review.includeChat(row.excludedChat.length)}
          </button>
        )}
      </div>
    </div>
  );
}
