import { useEffect, useId, useRef, useState } from 'react';
import type { AccountView } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Removal = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'removing' } | { kind: 'failed'; problem: ProblemView };

/**
 * "Remove…", then a question that names the account and says what goes (its key, from the
 * keychain) and what stays (journals and projects that name it). Escape or Cancel keeps it.
 */
export function RemoveAccount({ account, onRemoved }: { account: AccountView; onRemoved(account: AccountView): void }) {
  const { t } = useLanguage();
  const id = useId();
  const [removal, setRemoval] = useState<Removal>({ kind: 'idle' });
  const dialog = useRef<HTMLDialogElement>(null);
  const open = removal.kind === 'confirming' || removal.kind === 'removing';
  useEffect(() => {
    if (open && dialog.current?.open === false) dialog.current.showModal();
    if (!open) dialog.current?.close();
  }, [open]);

  const remove = async () => {
    setRemoval({ kind: 'removing' });
    const reply = await api().removeAccount({ id: account.id });
    if (!reply.ok) return setRemoval({ kind: 'failed', problem: reply.error });
    setRemoval({ kind: 'idle' });
    onRemoved(account);
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setRemoval({ kind: 'confirming' })}>
        {t.account.remove}
      </button>
      <dialog ref={dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onCancel={() => setRemoval({ kind: 'idle' })}>
        {open && (
          <>
            <h2 id={`${id}-title`}>{t.account.removeTitle(account.name)}</h2>
            <p id={`${id}-text`}>{t.account.removeText}</p>
            <div className="form-actions">
              <button type="button" onClick={() => setRemoval({ kind: 'idle' })} autoFocus>
                {t.cancel}
              </button>
              <button type="button" className="danger" disabled={removal.kind === 'removing'} onClick={() => void remove()}>
                {t.account.removeConfirm(account.name)}
              </button>
            </div>
          </>
        )}
      </dialog>
      {removal.kind === 'failed' && <ProblemNote problem={removal.problem} />}
    </>
  );
}
