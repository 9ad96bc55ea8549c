import { MAX_BATCH_BYTES, MAX_CHATS_PER_BATCH, type UploadChat } from './params.ts';

/** Room kept in every request for the JSON-RPC envelope, the token and `user_id`. */
export const ENVELOPE_BYTES = 2048;

export interface Batch {
  /** Chat indexes (as grouped) in this batch, same order as `chats`. */
  chatIndexes: number[];
  chats: UploadChat[];
  /** Size of `chats` as JSON, in UTF-8 bytes. */
  bytes: number;
}

export interface BatchLimits {
  maxChats: number;
  maxBytes: number;
}

const DEFAULT_LIMITS: BatchLimits = { maxChats: MAX_CHATS_PER_BATCH, maxBytes: MAX_BATCH_BYTES };

export function chatBytes(chat: UploadChat): number {
  return Buffer.byteLength(JSON.stringify(chat), 'utf8');
}

/**
 * Pack chats into requests of at most 500 chats and 512 KB, in order. A chat too big for any
 * request is refused by validation before it gets here.
 */
export function* planBatches(
  chats: Iterable<{ index: number; chat: UploadChat }>,
  limits: BatchLimits = DEFAULT_LIMITS,
): Generator<Batch> {
  const budget = limits.maxBytes - ENVELOPE_BYTES;
  let current: Batch = { chatIndexes: [], chats: [], bytes: 2 };
  for (const { index, chat } of chats) {
    const size = chatBytes(chat);
    const separator = current.chats.length ? 1 : 0;
    if (current.chats.length && (current.chats.length >= limits.maxChats || current.bytes + separator + size > budget)) {
      yield current;
      current = { chatIndexes: [], chats: [], bytes: 2 };
    }
    current.bytes += (current.chats.length ? 1 : 0) + size;
    current.chatIndexes.push(index);
    current.chats.push(chat);
  }
  if (current.chats.length) yield current;
}
