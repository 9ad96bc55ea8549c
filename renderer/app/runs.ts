import type { AppEvent } from '../../main/contract/events.ts';
import type { Progress, RecordedError, Summary, UndoCounts, UndoEvent, UploadEvent } from '../../main/contract/upload-events.ts';
import { api } from '../api.ts';

/** What a person needs from an upload's event stream, folded as events arrive. */
export type UploadRunState = {
  progress: Progress | undefined;
  phase:
    | { kind: 'running' }
    | { kind: 'paused' }
    | { kind: 'waiting'; reason: Extract<UploadEvent, { type: 'waiting' }>['reason']; until: number; message: { en: string; ru: string } }
    | { kind: 'needs-decision'; chats: number; error: RecordedError }
    | { kind: 'stopped'; error: RecordedError }
    | { kind: 'finished'; summary: Summary }
    | { kind: 'cancelled'; summary: Summary };
  /** The newest entries last; only the latest few hundred are kept. */
  log: UploadEvent[];
};

export type UndoRunState = { counts: UndoCounts | undefined; last: UndoEvent | undefined };

const LOG_LIMIT = 300;
const NEW_RUN: UploadRunState = { progress: undefined, phase: { kind: 'running' }, log: [] };

export function foldUpload(state: UploadRunState, event: UploadEvent): UploadRunState {
  const logged = event.type === 'batch-sent' ? state.log : [...state.log.slice(-(LOG_LIMIT - 1)), event];
  const next = { ...state, progress: event.progress, log: logged };
  switch (event.type) {
    case 'waiting':
      return { ...next, phase: { kind: 'waiting', reason: event.reason, until: event.until, message: event.message } };
    case 'paused':
      return { ...next, phase: { kind: 'paused' } };
    case 'needs-decision':
      return { ...next, phase: { kind: 'needs-decision', chats: event.chats.length, error: event.error } };
    case 'stopped':
      return { ...next, phase: { kind: 'stopped', error: event.error } };
    case 'finished':
      return { ...next, phase: { kind: 'finished', summary: event.summary } };
    case 'cancelled':
      return { ...next, phase: { kind: 'cancelled', summary: event.summary } };
    default:
      // Any other event means the run is moving again (a wait ended, a pause was lifted).
      return state.phase.kind === 'paused' && event.type !== 'resumed' ? next : { ...next, phase: { kind: 'running' } };
  }
}

/**
 * Runs' states by run id, fed from the moment the page starts: an upload's first events can
 * arrive before the page learns its run id, so nothing may depend on subscribing in time.
 */
class RunStore {
  private readonly uploads = new Map<string, UploadRunState>();
  private readonly undos = new Map<string, UndoRunState>();
  private readonly listeners = new Set<() => void>();
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    api().onEvent((event: AppEvent) => {
      if (event.type === 'upload') this.uploads.set(event.runId, foldUpload(this.uploads.get(event.runId) ?? NEW_RUN, event.event));
      else if (event.type === 'undo') this.undos.set(event.runId, { counts: event.event.counts, last: event.event });
      else return;
      for (const listener of this.listeners) listener();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  upload(runId: string): UploadRunState {
    return this.uploads.get(runId) ?? NEW_RUN;
  }

  undo(runId: string): UndoRunState | undefined {
    return this.undos.get(runId);
  }
}

export const runs = new RunStore();
