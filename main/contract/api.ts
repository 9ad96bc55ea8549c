import type { z } from 'zod';
import type { ProblemSchema } from './common.ts';
import type { ChannelName, ReplyOf, RequestInputOf } from './channels.ts';
import type { AppEvent } from './events.ts';

export type ProblemView = z.infer<typeof ProblemSchema>;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ProblemView };

/**
 * The object the preload puts on `window.chatImporter`: one function per call of the contract,
 * plus the event subscription and dropped files' paths. Derived from CHANNELS, never written by hand.
 */
export type ChatImporterApi = { [K in ChannelName]: (request: RequestInputOf<K>) => Promise<Reply<ReplyOf<K>>> } & {
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** Where a file dropped on the page is on disk; `''` when it is not a file there. */
  pathForFile(file: File): string;
};
