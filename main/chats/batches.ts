import { MAX_BATCH_BYTES, MAX_CHATS_PER_BATCH, type UploadChat } from './params.ts';

/** Room kept in every request for the JSON-RPC envelope, the token and `user_id`. */
export const ENVELOPE_BYTES = 2048;

export interface Batch {
  /** Chat indexes (as grouped) in this batch, same order as `chats`. */
  chatIndexes: number[];
  chats: UploadChat[];
  /**
   * `chats` as UTF-8 JSON, serialised once while packing: requests and files reuse these bytes.
   * Bytes, not a string: Node 20 measures the UTF-8 length of Cyrillic strings 2-3x slower than it
   * encodes them, and the request has to be encoded anyway.
   */
  json: Buffer;
  /** Size of `json` in bytes. */
  bytes: number;
}

export interface BatchLimits {
  maxChats: number;
  maxBytes: number;
}

const DEFAULT_LIMITS: BatchLimits = { maxChats: MAX_CHATS_PER_BATCH, maxBytes: MAX_BATCH_BYTES };

export function chatBytes(chat: UploadChat): number {
  return Buffer.from(JSON.stringify(chat), 'utf8').length;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

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
  let parts: Buffer[] = [OPEN];
  let bytes = 2;
  const finish = (): Batch => {
    parts.push(CLOSE);
    return { chatIndexes: indexes, chats: objects, json: Buffer.concat(parts, bytes), bytes };
  };
  for (const { index, chat } of chats) {
    const json = Buffer.from(JSON.stringify(chat), 'utf8');
    if (objects.length && (objects.length >= limits.maxChats || bytes + 1 + json.length > budget)) {
      yield finish();
      indexes = [];
      objects = [];
      parts = [OPEN];
      bytes = 2;
    }
    if (objects.length) {
      parts.push(COMMA);
      bytes += 1;
    }
    bytes += json.length;
    indexes.push(index);
    objects.push(chat);
    parts.push(json);
  }
  if (objects.length) yield finish();
}
