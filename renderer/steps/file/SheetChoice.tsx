import { useEffect, useId, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { WorkbookSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

const PREVIEW_ROWS = 12;

interface Choice {
  sheet: string;
  headerRow: number;
}

type Preview = { kind: 'loading' } | { kind: 'failed'; problem: ProblemView } | { kind: 'ready'; rows: string[][] };

interface SheetChoiceProps {
  workbook: WorkbookSummaryView;
  choice: Choice;
  onChange(choice: Choice): void;
}

/** Which sheet, and which of its first rows holds the column names, chosen by looking at them. */
export function SheetChoice({ workbook, choice, onChange }: SheetChoiceProps) {
  const { t } = useLanguage();
  const id = useId();
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  // A new workbook (another file, or the same one read with another delimiter) has new rows.
  useEffect(() => {
    let live = true;
    setPreview({ kind: 'loading' });
    void api()
      .previewSheet({ sheet: choice.sheet, count: PREVIEW_ROWS })
      .then((reply) => live && setPreview(reply.ok ? { kind: 'ready', rows: reply.value.rows } : { kind: 'failed', problem: reply.error }));
    return () => {
      live = false;
    };
  }, [choice.sheet, workbook]);

  const sheets = workbook.sheets;
  return (
    <div className="card sheet-choice">
      {sheets.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-sheet`}>{t.file.sheet}</label>
          <select
            id={`${id}-sheet`}
            value={choice.sheet}
            onChange={(e) => {
              const sheet = sheets.find((s) => s.name === e.target.value);
              if (sheet) onChange({ sheet: sheet.name, headerRow: sheet.headerRow });
            }}
          >
            {sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {t.file.sheetOption(sheet.name, sheet.rows, sheet.hidden)}
              </option>
            ))}
          </select>
        </div>
      )}
      <h2 id={`${id}-header`}>{t.file.headerRow}</h2>
      <p className="hint">{t.file.headerRowHint}</p>
      {preview.kind === 'loading' && <p role="status">{t.loading}</p>}
      {preview.kind === 'failed' && <ProblemNote problem={preview.problem} />}
      {preview.kind === 'ready' && (
        <div className="preview-scroll" role="radiogroup" aria-labelledby={`${id}-header`}>
          <table className="preview">
            <tbody>
              {preview.rows.map((cells, index) => {
                const row = index + 1;
                const header = row === choice.headerRow;
                return (
                  <tr key={row} className={header ? 'header-row' : row < choice.headerRow ? 'skipped-row' : ''}>
                    <th scope="row">
                      <label>
                        <input type="radio" name={`${id}-row`} checked={header} onChange={() => onChange({ ...choice, headerRow: row })} aria-label={t.file.headerIsRow(row)} />
                        {row}
                      </label>
                    </th>
                    {cells.map((cell, column) => (
                      <td key={column}>{cell}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
