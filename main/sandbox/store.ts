import type { Problem, Result } from '../common/text.ts';
import { ok } from '../common/text.ts';
import type { StoredChat, UploadedChat } from './chat-model.ts';
import type { SandboxState } from './persistence.ts';

export type Persist = (state: SandboxState) => Result<void, Problem>;

/**
 * The chats uploaded through the API, in id order. Every change is persisted before it counts:
 * if the write fails, the change is undone and the request fails, so disk and memory never disagree.
 */
export class ChatStore {
  private nextId: number;
  private readonly chats = new Map<number, StoredChat>();

  constructor(
    initial: SandboxState,
    private readonly persist: Persist,
  ) {
    this.nextId = initial.nextId;
    for (const chat of initial.chats) this.chats.set(chat.id, chat);
  }

  /** Stores the chats in input order and returns their new ids in the same order. */
  add(chats: readonly UploadedChat[], uploadedAt: string): Result<number[], Problem> {
    const firstId = this.nextId;
    const ids = chats.map((chat, i) => {
      const id = firstId + i;
      this.chats.set(id, { id, uploaded_at: uploadedAt, chat: structuredClone(chat) });
      return id;
    });
    this.nextId = firstId + chats.length;
    const saved = this.save();
    if (!saved.ok) {
      for (const id of ids) this.chats.delete(id);
      this.nextId = firstId;
      return saved;
    }
    return ok(ids);
  }

  remove(id: number): Result<void, Problem> {
    const chat = this.chats.get(id);
    if (!chat) return ok(undefined);
    this.chats.delete(id);
    const saved = this.save();
    if (!saved.ok) this.chats.set(id, chat);
    return saved;
  }

  /** Empties the store; ids keep increasing so an id is never given twice. */
  clear(): Result<void, Problem> {
    const before = [...this.chats.values()];
    this.chats.clear();
    const saved = this.save();
    if (!saved.ok) for (const chat of before) this.chats.set(chat.id, chat);
    return saved;
  }

  get(id: number): StoredChat | undefined {
    return this.chats.get(id);
  }

  list(): StoredChat[] {
    return [...this.chats.values()];
  }

  count(): number {
    return this.chats.size;
  }

  private save(): Result<void, Problem> {
    return this.persist({ nextId: this.nextId, chats: this.list() });
  }
}
