import { useId } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { useLanguage } from '../../i18n/language.tsx';

interface OfflineNoticeProps {
  /** Why the server could not be reached, in main's words. */
  problem: ProblemView;
  /** For a run that stopped: the chats CallGear took before the connection went. */
  accepted?: number;
  onRetry(): void;
}

/**
 * The upload could not reach CallGear: said in words, with what was (not) sent, and the import
 * kept as it is: tried again once the connection is back, or saved with the project bar's Save
 * project (one button for it on the page, behaving the same everywhere) to upload later.
 */
export function OfflineNotice({ problem, accepted, onRetry }: OfflineNoticeProps) {
  const { t, lang } = useLanguage();
  const id = useId();
  return (
    <section className="card offline-notice" aria-labelledby={`${id}-title`} data-testid="offline-notice">
      <h2 id={`${id}-title`}>{t.offline.title}</h2>
      <p role="alert" data-code={problem.code}>
        {problem.message[lang]}
        {accepted !== undefined && ` ${accepted === 0 ? t.offline.nothingSent : t.offline.restNotSent(accepted)}`}
      </p>
      <p>{t.offline.kept}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onRetry} autoFocus>
          {t.offline.retry}
        </button>
      </div>
    </section>
  );
}
