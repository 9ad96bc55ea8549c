import { useSyncExternalStore } from 'react';
import { runs, type UndoRunState, type UploadRunState } from './runs.ts';

export const useUploadRun = (runId: string): UploadRunState => useSyncExternalStore(runs.subscribe, () => runs.upload(runId));

export const useUndoRun = (runId: string | undefined): UndoRunState | undefined =>
  useSyncExternalStore(runs.subscribe, () => (runId === undefined ? undefined : runs.undo(runId)));
