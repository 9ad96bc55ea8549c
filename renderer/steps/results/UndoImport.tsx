import { useEffect, useRef, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useUndoRun } from '../../app/useRuns.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Undo =
  | { kind: 'idle' }
  | { kind: 'counting' }
  | { kind: 'confirming'; chats: number }
  | { kind: 'running'; runId: string; chats: number }
  | { kind: 'failed'; problem: ProblemView };

/** Deleting what this import created, only after the person confirms the exact number. */
export function UndoImport({ accountId, journalDir }: { accountId: string; journalDir: string }) {
  const { t, lang } = useLanguage();
  const [undo, setUndo] = useState<Undo>({ kind: 'idle' });
  const run = useUndoRun(undo.kind === 'running' ? undo.runId : undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (undo.kind === 'confirming') dialog.current?.showModal();
    else dialog.current?.close();
  }, [undo.kind]);

  const ask = async () => {
    setUndo({ kind: 'counting' });
    const reply = await api().previewUndo({ journalDir });
    setUndo(reply.ok ? { kind: 'confirming', chats: reply.value.chats } : { kind: 'failed', problem: reply.error });
  };
  const confirm = async (chats: number) => {
    const reply = await api().startUndo({ accountId, journalDir, confirmedChats: chats });
    setUndo(reply.ok ? { kind: 'running', runId: reply.value.runId, chats } : { kind: 'failed', problem: reply.error });
  };
  const last = run?.last;
  return (
    <section className="card" aria-labelledby="undo-title">
      <h2 id="undo-title">{t.results.undo}</h2>
      <p className="hint">{t.results.undoHint}</p>
      {undo.kind !== 'running' && (
        <button type="button" className="danger" disabled={undo.kind === 'counting'} onClick={() => void ask()}>
          {t.results.undoButton}
        </button>
      )}
      <dialog ref={dialog} aria-labelledby="undo-confirm-title" onCancel={() => setUndo({ kind: 'idle' })}>
        {undo.kind === 'confirming' && (
          <>
            <h2 id="undo-confirm-title">{t.results.confirmTitle}</h2>
            <p>{t.results.confirmText(undo.chats)}</p>
            <div className="form-actions">
              <button type="button" onClick={() => setUndo({ kind: 'idle' })} autoFocus>
                {t.cancel}
              </button>
              <button type="button" className="danger" disabled={undo.chats === 0} onClick={() => void confirm(undo.chats)}>
                {t.results.confirmDelete(undo.chats)}
              </button>
            </div>
          </>
        )}
      </dialog>
      <div aria-live="polite" data-testid="undo-status">
        {undo.kind === 'running' && (
          <>
            <progress max={Math.max(1, run?.counts?.total ?? undo.chats)} value={run?.counts?.deleted ?? 0} aria-label={t.results.undoProgress} />
            <p>
              {last?.type === 'undo-finished'
                ? t.results.undone(last.counts.deleted, last.counts.failed)
                : last?.type === 'undo-stopped'
                  ? last.error.message[lang]
                  : t.results.undoing(run?.counts?.deleted ?? 0, run?.counts?.total ?? undo.chats)}
            </p>
          </>
        )}
        {undo.kind === 'failed' && <ProblemNote problem={undo.problem} />}
      </div>
    </section>
  );
}
