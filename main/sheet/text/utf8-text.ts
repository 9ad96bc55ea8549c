import { Buffer, constants, isUtf8 } from 'node:buffer';

/**
 * The bytes of a text file as a Buffer when they are valid UTF-8 that fits in one string (what
 * a decoder would accept), so the csv parser can read them without decoding the whole file;
 * undefined otherwise, and the caller decodes as before, which also explains invalid bytes.
 */
export function validUtf8(bytes: Uint8Array): Buffer | undefined {
  if (bytes.length > constants.MAX_STRING_LENGTH || !isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** UTF-16 length of valid UTF-8 `bytes[from, to)`: what the decoded string's length would be. */
export function decodedLength(bytes: Uint8Array, from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; i++) {
    const byte = bytes[i] as number;
    // Continuation bytes add nothing; a 4-byte lead starts a surrogate pair.
    if ((byte & 0xc0) !== 0x80) length += byte >= 0xf0 ? 2 : 1;
  }
  return length;
}

/**
 * Finds bytes above 0x7F: a cursor that only moves forward, so a whole file is scanned at most
 * once. Words of four bytes are tested at a time where the bytes are aligned for it.
 */
export class HighBytes {
  private next = -1;
  private readonly words: Uint32Array | undefined;

  constructor(private readonly bytes: Uint8Array) {
    this.words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : undefined;
  }

  /** Whether `bytes[from, to)` holds any byte above 0x7F; `from` must never go backwards. */
  within(from: number, to: number): boolean {
    if (this.next < from) this.next = this.find(from);
    return this.next < to;
  }

  private find(from: number): number {
    const { bytes, words } = this;
    const n = bytes.length;
    let i = from;
    if (words !== undefined) {
      while (i < n && (i & 3) !== 0) {
        if ((bytes[i] as number) >= 0x80) return i;
        i++;
      }
      let w = i >>> 2;
      while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++;
      i = w << 2;
    }
    while (i < n && (bytes[i] as number) < 0x80) i++;
    return i;
  }
}
