import { useEffect, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';

/** What the panel shows of a rule: one of its messages, and the column it is usually about. */
interface Example {
  message: ProblemView['message'];
  column: string | undefined;
}

interface IssuesPanelProps {
  summary: ValidationSummaryView;
  code: string | undefined;
  /** `column`: where this rule's findings sit, so the grid can put the cursor there. */
  onCode(code: string | undefined, column?: string): void;
}

/** Enough findings to find one example of every kind without asking for all of them. */
const EXAMPLES_FROM = 5000;

/** Findings grouped by rule, worst first; choosing one shows only its rows. */
export function IssuesPanel({ summary, code, onCode }: IssuesPanelProps) {
  const { t, lang } = useLanguage();
  const examples = useExamples(summary);
  const groups = Object.entries(summary.byCode).sort(([, a], [, b]) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
  return (
    <aside className="issues-panel" aria-labelledby="issues-title">
      <h2 id="issues-title">{t.review.issues}</h2>
      {groups.length === 0 ? (
        <p className="empty">{t.review.noIssues}</p>
      ) : (
        <ul>
          <li>
            <button type="button" className="issue" aria-pressed={code === undefined} onClick={() => onCode(undefined)}>
              {t.review.allRows}
            </button>
          </li>
          {groups.map(([name, group]) => (
            <li key={name}>
              <button type="button" className={`issue issue-${group.severity}`} aria-pressed={code === name} onClick={() => onCode(code === name ? undefined : name, examples.get(name)?.column)} data-code={name}>
                <span className="issue-head">
                  <span className="severity">{t.review.severity[group.severity]}</span>
                  <code>{name}</code>
                  <span className="count">{group.count.toLocaleString()}</span>
                </span>
                {examples.get(name) !== undefined && <span className="issue-example">{examples.get(name)?.message[lang]}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** One message per code, as an example of what the rule means. */
function useExamples(summary: ValidationSummaryView): Map<string, Example> {
  const [examples, setExamples] = useState<Map<string, Example>>(new Map());
  useEffect(() => {
    let live = true;
    void api()
      .pageFindings({ offset: 0, limit: EXAMPLES_FROM })
      .then((reply) => {
        if (!live || !reply.ok) return;
        const found = new Map<string, Example>();
        for (const finding of reply.value) if (!found.has(finding.code)) found.set(finding.code, { message: finding.message, column: finding.column });
        setExamples(found);
      });
    return () => {
      live = false;
    };
  }, [summary]);
  return examples;
}
