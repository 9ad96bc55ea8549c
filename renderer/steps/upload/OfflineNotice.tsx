import { useId, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; path: string } | { kind: 'failed'; problem: ProblemView };

interface OfflineNoticeProps {
  /** Why the server could not be reached, in main's words. */
  problem: ProblemView;
  /** For a run that stopped: the chats CallGear took before the connection went. */
  accepted?: number;
  onRetry(): void;
}

/**
 * The upload could not reach CallGear: said in words, with what was (not) sent, and the import
 * kept as it is: saved as a project to upload later, or tried again once the connection is back.
 */
export function OfflineNotice({ problem, accepted, onRetry }: OfflineNoticeProps) {
  const { t, lang } = useLanguage();
  const id = useId();
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const save = async () => {
    setSaving({ kind: 'saving' });
    const reply = await api().saveProject({});
    if (!reply.ok) return setSaving({ kind: 'failed', problem: reply.error });
    setSaving(reply.value === null ? { kind: 'idle' } : { kind: 'saved', path: reply.value.path });
  };
  return (
    <section className="card offline-notice" aria-labelledby={`${id}-title`} data-testid="offline-notice">
      <h2 id={`${id}-title`}>{t.offline.title}</h2>
      <p role="alert" data-code={problem.code}>
        {problem.message[lang]}
        {accepted !== undefined && ` ${accepted === 0 ? t.offline.nothingSent : t.offline.restNotSent(accepted)}`}
      </p>
      <p>{t.offline.kept}</p>
      <div className="form-actions">
        <button type="button" onClick={() => void save()} disabled={saving.kind === 'saving'}>
          {t.offline.save}
        </button>
        <button type="button" className="primary" onClick={onRetry} autoFocus>
          {t.offline.retry}
        </button>
      </div>
      <div aria-live="polite" data-testid="offline-saved">
        {saving.kind === 'saved' && <p className="note note-ok">{t.offline.saved(saving.path)}</p>}
        {saving.kind === 'failed' && <ProblemNote problem={saving.problem} />}
      </div>
    </section>
  );
}
