import { useEffect, useRef } from 'react';
import type { BulkFixOptionView } from '../../../main/contract/bulk-fix.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { BulkFixForm } from './BulkFixForm.tsx';

export interface BulkFixTarget {
  code: string;
  option: BulkFixOptionView;
}

interface BulkFixDialogProps {
  /** The rule to fix; the dialog is open while there is one. */
  target: BulkFixTarget | undefined;
  onClose(): void;
  onFixed(summary: ValidationSummaryView): void;
}

/** A modal over the review: the page behind it is inert until it closes, so no edit races the fix. */
export function BulkFixDialog({ target, onClose, onFixed }: BulkFixDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = useRef(false);
  const open = target !== undefined;
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="bulk-fix"
      aria-labelledby="bulk-fix-title"
      onCancel={(event) => {
        event.preventDefault();
        // Escape while the fix runs would hide its outcome: the dialog stays until it is told.
        if (!busy.current) onClose();
      }}
    >
      {target !== undefined && (
        <BulkFixForm
          key={target.code}
          target={target}
          onBusy={(now) => {
            busy.current = now;
          }}
          onClose={onClose}
          onFixed={onFixed}
        />
      )}
    </dialog>
  );
}
