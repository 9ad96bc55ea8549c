import { useRef, useState } from 'react';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { BulkFixDialog, type BulkFixTarget } from './BulkFixDialog.tsx';
import { canBulkFix, useBulkFixOptions } from './useBulkFixOptions.ts';

interface IssuesPanelProps {
  summary: ValidationSummaryView;
  code: string | undefined;
  /** `column`: where this rule's findings sit, so the grid can put the cursor there. */
  onCode(code: string | undefined, column?: string): void;
  /** A bulk fix changed cells: its new summary, for the counts and the grid. */
  onFixed(summary: ValidationSummaryView): void;
}

/** Findings grouped by rule, worst first; choosing one shows only its rows. */
export function IssuesPanel({ summary, code, onCode, onFixed }: IssuesPanelProps) {
  const { t, lang } = useLanguage();
  // One pass in the engine gives each rule's example and what a bulk fix can reach.
  const options = useBulkFixOptions(summary);
  const [fixing, setFixing] = useState<BulkFixTarget | undefined>();
  const allRows = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const closeFix = () => {
    const opener = fixing && document.querySelector<HTMLButtonElement>(`button[data-fix-code="${CSS.escape(fixing.code)}"]`);
    setFixing(undefined);
    // A rule fixed completely takes its button with it: focus lands on "Show all rows" instead,
    // or on the panel's title once no problem is left.
    requestAnimationFrame(() => (opener?.isConnected ? opener : (allRows.current ?? title.current))?.focus());
  };
  const groups = Object.entries(summary.byCode).sort(([, a], [, b]) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
  return (
    <aside className="issues-panel" aria-labelledby="issues-title">
      <h2 id="issues-title" ref={title} tabIndex={-1}>
        {t.review.issues}
      </h2>
      {groups.length === 0 ? (
        <p className="empty">{t.review.noIssues}</p>
      ) : (
        <ul>
          <li>
            <button type="button" className="issue" aria-pressed={code === undefined} onClick={() => onCode(undefined)} ref={allRows}>
              {t.review.allRows}
            </button>
          </li>
          {groups.map(([name, group]) => (
            <li key={name}>
              <button type="button" className={`issue issue-${group.severity}`} aria-pressed={code === name} onClick={() => onCode(code === name ? undefined : name, options.get(name)?.column)} data-code={name}>
                <span className="issue-head">
                  <span className="severity">{t.review.severity[group.severity]}</span>
                  <code>{name}</code>
                  <span className="count">{group.count.toLocaleString()}</span>
                </span>
                {options.get(name) !== undefined && <span className="issue-example">{options.get(name)?.message[lang]}</span>}
              </button>
              <FixAllButton code={name} option={options.get(name)} onOpen={setFixing} />
            </li>
          ))}
        </ul>
      )}
      <BulkFixDialog target={fixing} onClose={closeFix} onFixed={onFixed} />
    </aside>
  );
}

function FixAllButton({ code, option, onOpen }: { code: string; option: BulkFixTarget['option'] | undefined; onOpen(target: BulkFixTarget): void }) {
  const { t } = useLanguage();
  if (!canBulkFix(option)) return null;
  return (
    <button type="button" className="fix-all" data-fix-code={code} onClick={() => onOpen({ code, option })}>
      {t.bulkFix.open}
      <span className="visually-hidden"> ({code})</span>
    </button>
  );
}
