import { useCallback, useRef, useState } from 'react';
import { fileKind } from '../../main/common/file-kinds.ts';
import { useAppEvents } from '../ui/useAppEvents.ts';
import type { FileOpening, Step, WizardAction } from './wizard.ts';

export interface OutsideFiles {
  /** Dispatch, with a waiting spreadsheet handed to the next File step. */
  dispatch(action: WizardAction): void;
  /** A spreadsheet waiting for the next File step, for the page to say so. */
  waiting: FileOpening | undefined;
}

/**
 * Spreadsheets handed over from outside the File step (the OS on a double click, File → Open
 * spreadsheet…) are never dropped: from a step of an import they lead to the File step, which
 * opens them; before an account is chosen or while an upload runs they wait for the next File
 * step. The File step on screen opens them itself, and projects are the project bar's.
 */
export function useOutsideFiles(current: Step, dispatch: (action: WizardAction) => void): OutsideFiles {
  const pending = useRef<FileOpening | undefined>(undefined);
  const [waiting, setWaiting] = useState<FileOpening | undefined>();
  const hold = (opening: FileOpening | undefined) => {
    pending.current = opening;
    setWaiting(opening);
  };
  useAppEvents((event) => {
    const opening: FileOpening | undefined =
      event.type === 'open-file' && fileKind(event.path) !== 'project' ? { path: event.path } : event.type === 'menu' && event.command === 'open-spreadsheet' ? {} : undefined;
    if (opening === undefined || current.step === 'file') return;
    if ('chosen' in current && current.step !== 'upload') dispatch({ type: 'go', to: { step: 'file', chosen: current.chosen, opening } });
    else hold(opening);
  });
  const forward = useCallback(
    (action: WizardAction) => {
      const opening = pending.current;
      if (opening !== undefined && (action.type === 'go' || action.type === 'commit') && action.to.step === 'file') {
        hold(undefined);
        dispatch({ ...action, to: { ...action.to, opening } });
      } else dispatch(action);
    },
    [dispatch],
  );
  return { dispatch: forward, waiting };
}
