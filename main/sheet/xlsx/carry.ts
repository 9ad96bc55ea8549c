import type { ChunkSink } from './zip-parts.ts';
import { Unsupported } from './stops.ts';

/**
 * Longest element a scanner may have to hold across chunks. Excel caps a cell at 32,767
 * characters, so only a crafted file comes near; past this it goes to SheetJS rather than have
 * every new chunk rescan an ever longer tail.
 */
const MAX_CARRY = 64 << 20;

/** A scanner over whole elements: returns how far it got; the rest is handed back next time. */
export interface ChunkScanner {
  scan(buf: Buffer): number;
}

/**
 * Feeds streamed chunks to a scanner so it only ever sees whole elements: whatever it could not
 * finish at the end of one chunk is kept and put in front of the next.
 */
export class Carry {
  private store = Buffer.alloc(0);
  private kept = 0;

  constructor(private readonly scanner: ChunkScanner) {}

  readonly sink: ChunkSink = (chunk) => {
    const view = this.join(chunk);
    this.keep(view, this.scanner.scan(view));
  };

  /** Bytes the scanner never finished: an element cut off by the end of the part. */
  get leftover(): number {
    return this.kept;
  }

  private join(chunk: Uint8Array): Buffer {
    if (this.kept === 0) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const needed = this.kept + chunk.length;
    if (needed > this.store.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.store.length * 2));
      this.store.copy(grown, 0, 0, this.kept);
      this.store = grown;
    }
    this.store.set(chunk, this.kept);
    return this.store.subarray(0, needed);
  }

  private keep(view: Buffer, from: number): void {
    const length = view.length - from;
    if (length > MAX_CARRY) throw new Unsupported('unusual_markup');
    if (length > this.store.length) this.store = Buffer.allocUnsafeSlow(Math.max(length, 64 << 10));
    // `view` may be `store` itself; copy moves overlapping bytes safely.
    if (length > 0) view.copy(this.store, 0, from);
    this.kept = length;
  }
}
