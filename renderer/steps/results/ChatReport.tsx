import { useState } from 'react';
import type { Outcome, OutcomeCounts } from '../../../main/contract/results.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { rowsText } from './rowsText.ts';
import { useChatReport } from './useChatReport.ts';

const PAGE = 100;
const OUTCOMES: readonly Outcome[] = ['accepted', 'rejected', 'unknown', 'skipped', 'pending'];

const total = (counts: OutcomeCounts) => OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);

/** The per-chat report in the page: filtered by outcome and by a row, an id or words, a page at a time. */
export function ChatReport({ journalDir }: { journalDir: string }) {
  const { t, lang } = useLanguage();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const { shown, problem } = useChatReport({ journalDir, offset, limit: PAGE, outcome, text, language: lang });
  const counts = shown?.reply.counts;
  const choose = (next: Outcome | undefined) => {
    setOutcome(next);
    setOffset(0);
  };
  const filterButton = (value: Outcome | undefined, label: string, count: number | undefined) => (
    <button type="button" key={value ?? 'all'} aria-pressed={outcome === value} data-outcome={value ?? 'all'} onClick={() => choose(value)}>
      {label} <span className="count">{count?.toLocaleString() ?? '…'}</span>
    </button>
  );
  return (
    <section className="card chat-report" aria-labelledby="chats-title">
      <h2 id="chats-title">{t.results.chats}</h2>
      <p className="hint">{t.results.chatsHint}</p>
      <div className="report-tools">
        <div role="group" aria-label={t.results.outcomeFilter} className="outcome-filter">
          {filterButton(undefined, t.results.allOutcomes, counts && total(counts))}
          {OUTCOMES.map((value) => filterButton(value, t.results.outcomes[value], counts?.[value]))}
        </div>
        <label className="report-find">
          {t.results.find}
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOffset(0);
            }}
          />
        </label>
      </div>
      {problem !== undefined && <ProblemNote problem={problem} />}
      <p className="row-count" role="status" data-testid="report-shown">
        {shown === undefined
          ? t.loading
          : shown.reply.total === 0
            ? t.results.noneShown
            : t.results.shown(shown.offset + 1, shown.offset + shown.reply.chats.length, shown.reply.total)}
      </p>
      <div className="report-scroll" tabIndex={0} role="region" aria-label={t.results.tableLabel}>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col" className="report-narrow">
                {t.results.columns.rows}
              </th>
              <th scope="col" className="report-narrow">
                {t.results.columns.outcome}
              </th>
              <th scope="col" className="report-narrow">
                {t.results.columns.id}
              </th>
              <th scope="col">{t.results.columns.error}</th>
            </tr>
          </thead>
          <tbody>
            {shown?.reply.chats.map((chat, i) => (
              <tr key={shown.offset + i} className={`outcome-${chat.outcome}`}>
                <td className="report-narrow">{rowsText(chat.rows)}</td>
                <td className="report-narrow report-outcome">{t.results.outcomes[chat.outcome]}</td>
                <td className="report-narrow">{chat.id ?? ''}</td>
                <td>{chat.message?.[lang] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ← {t.results.previous}
        </button>
        <button type="button" disabled={shown === undefined || offset + PAGE >= shown.reply.total} onClick={() => setOffset(offset + PAGE)}>
          {t.results.next} →
        </button>
      </div>
    </section>
  );
}
