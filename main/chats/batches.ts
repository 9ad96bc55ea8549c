import { MAX_BATCH_BYTES, MAX_CHATS_PER_BATCH, type UploadChat } from './params.ts';

/** Room kept in every request for the JSON-RPC envelope, the token and `user_id`. */
export const ENVELOPE_BYTES = 2048;

export interface Batch {
  /** Chat indexes (as grouped) in this batch, same order as `chats`. */
  chatIndexes: number[];
  /** The chats as objects, made when first asked for: requests and files need only `json`. */
  readonly chats: UploadChat[];
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

/** One chat for the planner: its index (as grouped) and its JSON text. */
export interface PlannedChat {
  index: number;
  json: string;
}

/** Bytes of JSON text in UTF-8 (Buffer.from: Node 20's Buffer.byteLength is slower on Cyrillic). */
export function jsonBytes(json: string): number {
  return Buffer.from(json, 'utf8').length;
}

const OPEN = 0x5b;
const COMMA = 0x2c;
const CLOSE = 0x5d;

/**
 * Encodes chats one after another into one reused buffer, each behind the byte that will join it
 * to the batch ('[' or ','), so its size is known once written and a batch is copied out once.
 * Per-chat buffers joined by Buffer.concat cost twice the allocations, and on this machine fresh
 * memory is slow.
 */
class BatchWriter {
  private buffer = Buffer.allocUnsafeSlow(1 << 20);
  /** Bytes of the batch so far: '[' and its chats with their commas, without the ']'. */
  end = 0;
  private pending = 0;

  /** Writes a chat after the batch so far, not yet part of it; returns its size in bytes. */
  write(json: string): number {
    // A UTF-16 unit never takes more than 3 bytes in UTF-8.
    const room = this.end + 1 + 3 * json.length;
    if (room > this.buffer.length) this.grow(room);
    this.pending = this.buffer.write(json, this.end + 1, 'utf8');
    return this.pending;
  }

  /** Makes the chat just written part of the batch. */
  take(): void {
    this.buffer[this.end] = this.end === 0 ? OPEN : COMMA;
    this.end += 1 + this.pending;
    this.pending = 0;
  }

  /** The batch's bytes; a chat written but not taken is kept to start the next batch. */
  close(): Buffer {
    const json = Buffer.allocUnsafe(this.end + 1);
    this.buffer.copy(json, 0, 0, this.end);
    json[this.end] = CLOSE;
    this.buffer.copy(this.buffer, 1, this.end + 1, this.end + 1 + this.pending);
    this.end = 0;
    return json;
  }

  private grow(size: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(size, 2 * this.buffer.length));
    this.buffer.copy(bigger, 0, 0, this.end);
    this.buffer = bigger;
  }
}

/**
 * Pack chats into requests of at most 500 chats and 512 KB, in order. A chat too big for any
 * request is refused by validation before it gets here.
 */
export function* planBatches(
  chats: Iterable<PlannedChat>,
  paramsOf: (index: number) => UploadChat,
  limits: BatchLimits = DEFAULT_LIMITS,
): Generator<Batch> {
  const budget = limits.maxBytes - ENVELOPE_BYTES;
  const writer = new BatchWriter();
  let indexes: number[] = [];
  for (const { index, json } of chats) {
    const bytes = writer.write(json);
    // The batch with this chat: its bytes so far, ',' and the chat, and ']'.
    if (indexes.length && (indexes.length >= limits.maxChats || writer.end + 2 + bytes > budget)) {
      yield batch(indexes, writer.close(), paramsOf);
      indexes = [];
    }
    writer.take();
    indexes.push(index);
  }
  if (indexes.length) yield batch(indexes, writer.close(), paramsOf);
}

function batch(chatIndexes: number[], json: Buffer, paramsOf: (index: number) => UploadChat): Batch {
  let chats: UploadChat[] | undefined;
  return {
    chatIndexes,
    json,
    bytes: json.length,
    get chats() {
      chats ??= chatIndexes.map(paramsOf);
      return chats;
    },
  };
}
