import type { ChatRef, JournalRecord, RecordedError } from './records.ts';

/**
 * Where each chat of an import stands. `in-flight` exists only while a request is out: a journal
 * reopened after a crash turns it into `unknown`, since the request may have been carried out.
 */
export type ChatStatus = 'pending' | 'in-flight' | 'accepted' | 'rejected' | 'unknown';

export interface ChatState {
  key: string;
  rows: number[];
  status: ChatStatus;
  batch?: number;
  /** CallGear's chat id, once accepted (absent when the person declared it uploaded). */
  id?: number;
  error?: RecordedError;
  /** When the chat was last sent: bounds the time window reconciliation searches. */
  sentAt?: number;
}

export interface DeletionState {
  id: number;
  status: 'deleting' | 'deleted' | 'failed';
  error?: RecordedError;
}

export class UploadState {
  readonly chats = new Map<string, ChatState>();
  readonly deletions = new Map<number, DeletionState>();
  /** Chats an earlier import of this file uploaded: never sent by this one, nor deleted by its undo. */
  readonly earlier = new Map<string, { from: string; id: number }>();
  /** The key of the chat CallGear gave each id, to find it again when an undo deletes it. */
  private readonly byId = new Map<number, string>();
  private readonly batches = new Map<number, string[]>();
  private lastBatch = 0;

  static replay(records: readonly JournalRecord[]): UploadState {
    const state = new UploadState();
    for (const record of records) state.apply(record);
    // The process stopped with these requests out: their outcome is unknown.
    for (const chat of state.chats.values()) if (chat.status === 'in-flight') chat.status = 'unknown';
    for (const deletion of state.deletions.values()) if (deletion.status === 'deleting') deletion.status = 'failed';
    return state;
  }

  nextBatchNumber(): number {
    return this.lastBatch + 1;
  }

  chatsOf(batch: number): ChatState[] {
    return (this.batches.get(batch) ?? []).map((key) => this.chats.get(key) as ChatState);
  }

  inStatus(status: ChatStatus): ChatState[] {
    return [...this.chats.values()].filter((chat) => chat.status === status);
  }

  count(status: ChatStatus): number {
    let n = 0;
    for (const chat of this.chats.values()) if (chat.status === status) n++;
    return n;
  }

  apply(record: JournalRecord): void {
    switch (record.t) {
      case 'sent':
        this.lastBatch = Math.max(this.lastBatch, record.b);
        this.batches.set(record.b, record.chats.map((chat) => chat.k));
        for (const ref of record.chats) this.set(ref, { status: 'in-flight', batch: record.b, sentAt: record.at });
        return;
      case 'accepted':
        this.chatsOf(record.b).forEach((chat, i) => this.update(chat, { status: 'accepted', id: record.ids[i] as number }));
        return;
      case 'not-sent':
        for (const chat of this.chatsOf(record.b)) if (chat.status === 'in-flight') this.update(chat, { status: 'pending' });
        return;
      case 'unknown':
        for (const chat of this.chatsOf(record.b)) if (chat.status === 'in-flight') this.update(chat, { status: 'unknown', error: record.error });
        return;
      case 'rejected':
        this.set(record.chat, { status: 'rejected', batch: record.b, error: record.error });
        return;
      case 'reconciled':
        for (const [key, id] of record.found) this.updateKey(key, { status: 'accepted', id });
        for (const key of record.missing) this.updateKey(key, { status: 'pending' });
        return;
      case 'decided':
        for (const key of record.k) this.updateKey(key, { status: record.as === 'resend' ? 'pending' : 'accepted' });
        return;
      case 'earlier':
        for (const [key, id] of record.found) this.earlier.set(key, { from: record.from, id });
        return;
      case 'deleting':
        this.deletions.set(record.id, { id: record.id, status: 'deleting' });
        return;
      case 'deleted':
        this.deletions.set(record.id, record.error === undefined ? { id: record.id, status: 'deleted' } : { id: record.id, status: 'failed', error: record.error });
        if (record.error === undefined) this.undone(record.id);
        return;
      case 'open':
      case 'run':
        return;
    }
  }

  private set(ref: ChatRef, change: Partial<ChatState>): void {
    const existing = this.chats.get(ref.k);
    if (existing === undefined) this.chats.set(ref.k, { key: ref.k, rows: ref.r, status: 'pending', ...change });
    else this.update(existing, { rows: ref.r, ...change });
  }

  private updateKey(key: string, change: Partial<ChatState>): void {
    const chat = this.chats.get(key);
    if (chat !== undefined) this.update(chat, change);
  }

  /** A chat the undo deleted from CallGear is no longer there: uploading the import again sends it. */
  private undone(id: number): void {
    const chat = this.chats.get(this.byId.get(id) ?? '');
    if (chat?.id !== id) return;
    this.byId.delete(id);
    delete chat.id;
    this.update(chat, { status: 'pending' });
  }

  private update(chat: ChatState, change: Partial<ChatState>): void {
    Object.assign(chat, change);
    if (change.id !== undefined) this.byId.set(change.id, chat.key);
    if (change.status === 'accepted' || change.status === 'pending') delete chat.error;
  }
}
