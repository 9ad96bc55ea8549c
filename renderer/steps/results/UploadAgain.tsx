import { useLanguage } from '../../i18n/language.tsx';

interface UploadAgainProps {
  failed: number;
  uploaded: number;
  onFix(): void;
}

/** After refused chats: back to the grid to fix them, then into the same journal again. */
export function UploadAgain({ failed, uploaded, onFix }: UploadAgainProps) {
  const { t } = useLanguage();
  return (
    <section className="card upload-again" aria-labelledby="retry-title">
      <h2 id="retry-title">{t.results.retry.title}</h2>
      <p data-testid="retry-text">{t.results.retry.text(failed, uploaded)}</p>
      <button type="button" className="primary" onClick={onFix}>
        {t.results.retry.button} →
      </button>
    </section>
  );
}
