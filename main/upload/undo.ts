import type { Result } from '../common/text.ts';
import type { CallGearError } from '../callgear/errors.ts';
import type { Pacing } from '../callgear/limits.ts';
import { backoffMs, type Clock } from './clock.ts';
import type { Journal } from './journal.ts';
import type { UndoCounts, UndoEvent } from '../contract/upload-events.ts';
import type { RecordedError } from './records.ts';
import { UploadState } from './state.ts';

export interface UndoApi {
  deleteChat(id: number): Promise<Result<void, CallGearError>>;
  pacing(method: string): Pacing;
}

export type { UndoCounts, UndoEvent } from '../contract/upload-events.ts';

export interface UndoOptions {
  api: UndoApi;
  journal: Journal;
  clock: Clock;
  onEvent: (event: UndoEvent) => void;
  signal?: AbortSignal;
  maxRetries?: number;
  random?: () => number;
}

/** How many chats undoing this import would delete: the confirmation shows this number. */
export function chatsToDelete(records: Journal['records']): number[] {
  const state = UploadState.replay(records);
  const ids: number[] = [];
  for (const chat of state.chats.values()) {
    if (chat.status !== 'accepted' || chat.id === undefined) continue;
    if (state.deletions.get(chat.id)?.status !== 'deleted') ids.push(chat.id);
  }
  return ids;
}

const errorOf = (error: CallGearError): RecordedError => ({ code: error.code, message: error.message, action: error.action });

/**
 * Deletes the chats an import created, one `delete.chats` call per chat (the method takes one id),
 * paced by the limits and journalled, so an interrupted undo resumes where it stopped. A chat whose
 * deletion had an unknown outcome and is now "not found" counts as deleted.
 */
export async function undoImport(options: UndoOptions): Promise<'finished' | 'stopped' | 'cancelled'> {
  const { api, journal, clock, onEvent } = options;
  const signal = options.signal ?? new AbortController().signal;
  const random = options.random ?? Math.random;
  const before = UploadState.replay(journal.records);
  const ids = chatsToDelete(journal.records);
  const counts: UndoCounts = { total: ids.length, deleted: 0, failed: 0 };
  onEvent({ type: 'undo-started', counts: { ...counts } });
  for (const id of ids) {
    let doubtful = before.deletions.get(id)?.status === 'failed';
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) return 'cancelled';
      const pacing = api.pacing('delete.chats');
      if (pacing.kind !== 'go') {
        onEvent({ type: 'undo-waiting', counts: { ...counts }, reason: pacing.kind === 'pause' ? 'day-limit' : 'minute-limit', until: pacing.until });
        await clock.sleep(pacing.ms, signal);
        continue;
      }
      if (!journal.append({ t: 'deleting', at: clock.now(), id }).ok) return stopped(onEvent, counts, journalError());
      const reply = await api.deleteChat(id);
      const error = reply.ok ? undefined : reply.error;
      if (error === undefined || (doubtful && error.action === 'fix')) {
        if (!journal.append({ t: 'deleted', at: clock.now(), id }).ok) return stopped(onEvent, counts, journalError());
        counts.deleted += 1;
        onEvent({ type: 'chat-deleted', counts: { ...counts }, id });
        break;
      }
      if (error.outcome === 'unknown') doubtful = true;
      if (error.action === 'fix') {
        journal.append({ t: 'deleted', at: clock.now(), id, error: errorOf(error) });
        counts.failed += 1;
        onEvent({ type: 'chat-not-deleted', counts: { ...counts }, id, error: errorOf(error) });
        break;
      }
      if (error.action === 'wait') continue;
      if (error.action !== 'retry' || attempt > (options.maxRetries ?? 6)) return stopped(onEvent, counts, errorOf(error));
      const until = clock.now() + backoffMs(attempt, random);
      onEvent({ type: 'undo-waiting', counts: { ...counts }, reason: 'retry', until });
      await clock.sleep(until - clock.now(), signal);
    }
  }
  onEvent({ type: 'undo-finished', counts: { ...counts } });
  return 'finished';
}

function stopped(onEvent: (event: UndoEvent) => void, counts: UndoCounts, error: RecordedError): 'stopped' {
  onEvent({ type: 'undo-stopped', counts: { ...counts }, error });
  return 'stopped';
}

function journalError(): RecordedError {
  return {
    code: 'journal.unwritable',
    message: { en: 'The upload journal cannot be written; undo stopped so that it can resume later.', ru: 'Журнал загрузки не удаётся записать; отмена остановлена, чтобы её можно было продолжить.' },
  };
}
