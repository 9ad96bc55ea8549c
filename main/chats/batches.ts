import { MAX_BATCH_BYTES, MAX_CHATS_PER_BATCH, type UploadChat } from './params.ts';

/** Room kept in every request for the JSON-RPC envelope, the token and `user_id`. */
export const ENVELOPE_BYTES = 2048;

export interface Batch {
  /** Chat indexes (as grouped) in this batch, same order as `chats`. */
  chatIndexes: number[];
  chats: UploadChat[];
  /** `chats` as JSON, serialised once while packing: requests and files reuse it. */
  json: string;
  /** Size of `json` in UTF-8 bytes. */
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
  let indexes: number[] = [];
  let objects: UploadChat[] = [];
  let parts: string[] = [];
  let bytes = 2;
  const finish = (): Batch => ({ chatIndexes: indexes, chats: objects, json: `[${parts.join(',')}]`, bytes });
  for (const { index, chat } of chats) {
    const json = JSON.stringify(chat);
    const size = Buffer.byteLength(json, 'utf8');
    if (objects.length && (objects.length >= limits.maxChats || bytes + 1 + size > budget)) {
      yield finish();
      indexes = [];
      objects = [];
      parts = [];
      bytes = 2;
    }
    bytes += (objects.length ? 1 : 0) + size;
    indexes.push(index);
    objects.push(chat);
    parts.push(json);
  }
  if (objects.length) yield finish();
}
