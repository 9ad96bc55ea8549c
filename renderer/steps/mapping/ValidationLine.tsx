import { useLanguage } from '../../i18n/language.tsx';
import type { Validation } from './useValidation.ts';

/** The live answer to "what would this mapping give?", kept in one place so nothing jumps. */
export function ValidationLine({ validation }: { validation: Validation }) {
  const { t } = useLanguage();
  const summary = validation.kind === 'checked' ? validation.summary : validation.kind === 'checking' ? validation.last : undefined;
  return (
    <div className="validation-line" role="status" aria-live="polite" aria-busy={validation.kind === 'checking' || validation.kind === 'waiting'}>
      {validation.kind === 'waiting' && <span>{t.mapping.loadingAccount}</span>}
      {validation.kind === 'checking' && <span className="checking">{t.mapping.checking}</span>}
      {summary !== undefined && (
        <span data-testid="validation-summary">
          {t.mapping.summary(summary.chatCount, summary.validChats, summary.errors, summary.warnings)}
        </span>
      )}
    </div>
  );
}
