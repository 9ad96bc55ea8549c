import type { Retry } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';

interface FailedRowsNoteProps {
  retry: Retry;
  /** Whether the grid shows only the rows of the refused chats. */
  shown: boolean;
  onShow(shown: boolean): void;
}

/** Review after an upload: what failed, what will happen on "Upload again", and the failed rows' filter. */
export function FailedRowsNote({ retry, shown, onShow }: FailedRowsNoteProps) {
  const { t } = useLanguage();
  return (
    <div className="note note-warning retry-note" data-testid="retry-note">
      <p>{t.results.retry.review(retry.failed, retry.uploaded)}</p>
      <label>
        <input type="checkbox" checked={shown} onChange={(e) => onShow(e.target.checked)} /> {t.results.retry.onlyFailed}
      </label>
    </div>
  );
}
