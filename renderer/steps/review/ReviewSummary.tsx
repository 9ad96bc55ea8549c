import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { useLanguage } from '../../i18n/language.tsx';

/** Chats ready, blocked and with warnings: what an upload now would send. */
export function ReviewSummary({ summary }: { summary: ValidationSummaryView }) {
  const { t } = useLanguage();
  const blocked = summary.chatCount - summary.validChats;
  return (
    <dl className="summary-tiles" aria-live="polite" data-testid="review-summary">
      <div className="tile tile-ok">
        <dt>{t.review.ready}</dt>
        <dd data-testid="chats-ready">{summary.validChats.toLocaleString()}</dd>
      </div>
      <div className={`tile ${blocked > 0 ? 'tile-error' : ''}`}>
        <dt>{t.review.blocked}</dt>
        <dd data-testid="chats-blocked">{blocked.toLocaleString()}</dd>
      </div>
      <div className={`tile ${summary.warnings > 0 ? 'tile-warning' : ''}`}>
        <dt>{t.review.warnings}</dt>
        <dd>{summary.warnings.toLocaleString()}</dd>
      </div>
      <div className="tile">
        <dt>{t.review.rows}</dt>
        <dd>{summary.rowCount.toLocaleString()}</dd>
      </div>
    </dl>
  );
}
