import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { damagedPart, tooLargeUnzipped, zipSizesLie } from '../problems.ts';
import type { UnpackThresholds } from '../types.ts';
import type { ZipEntry } from '../zip-directory.ts';
import { InflateThread } from './inflate-thread.ts';
import { Refused, Unsupported } from './stops.ts';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 1;
/**
 * Scanners are handed about this much at a time. With fflate the pieces are sized so each
 * inflates to about this much: a 441 MB sheet inflated in ~1.5 s here in pieces giving ~0.5 MB
 * against ~2 s for ones giving ~10 MB (the output stays in cache, and fflate grows its output
 * buffer by copying). It also bounds what one push of a zip bomb makes before the caps are checked.
 */
const OUTPUT_PER_PUSH = 512 * 1024;
const MAX_PUSH = 64 * 1024;
const MIN_PUSH = 512;
export const DEFAULT_UNPACK: Readonly<UnpackThresholds> = Object.freeze({
  /**
   * Starting a helper thread costs ~50 ms, which a 100k-row sheet (~5 MB compressed) repays many
   * times over and a small part never would.
   */
  threadFrom: 2 * 1024 * 1024,
  /**
   * Node's zlib in one call needs no warming up (fflate's first megabytes run unoptimised) and
   * writes one buffer of the declared size instead of regrowing and copying its output: the 6 MB
   * shared strings of a 100k-row file read ~3× faster that way, cold. Past this size a part is
   * not held whole.
   */
  wholeUpTo: 64 * 1024 * 1024,
});

export type ChunkSink = (chunk: Uint8Array) => void;

export interface PartsOptions {
  file: string;
  maxUnzippedBytes: number;
  /** Compressed bytes consumed so far, across every part streamed. */
  onBytes?: (consumed: number) => void;
  unpack?: Partial<UnpackThresholds>;
}

/** OPC part names are case-blind, and some writers use backslashes (SheetJS accepts both). */
const key = (name: string): string => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

/**
 * A zipped workbook's parts by name, each unpacked as a stream of chunks so a big sheet never
 * sits whole in memory (a big part is inflated on a helper thread while its chunks are scanned;
 * a small one in one native call). Caps hold while streaming: no part may unpack past the size
 * the archive declares for it, and all parts together not past `maxUnzippedBytes`.
 */
export class ZipParts {
  private readonly byName = new Map<string, ZipEntry>();
  /** Helpers already inflating parts that will be streamed next. */
  private readonly ahead = new Map<string, InflateThread>();
  private readonly thresholds: UnpackThresholds;
  private unzipped = 0;
  private consumed = 0;

  constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly options: PartsOptions,
  ) {
    for (const entry of entries) this.byName.set(key(entry.name), entry);
    this.thresholds = { ...DEFAULT_UNPACK, ...options.unpack };
  }

  has(name: string): boolean {
    return this.byName.has(key(name));
  }

  /** Sends the part's unpacked bytes to `sink` in order; false when there is no such part. */
  stream(name: string, sink: ChunkSink): boolean {
    const entry = this.byName.get(key(name));
    if (entry === undefined) return false;
    if ((entry.flags & ENCRYPTED) !== 0) throw new Unsupported('compression');
    const data = this.dataOf(entry);
    const thread = this.ahead.get(key(name)) ?? this.startThread(entry, data);
    this.ahead.delete(key(name));
    if (thread !== undefined) this.drain(thread, entry, data, sink);
    else if (entry.method === STORED) this.pass(entry, data, sink);
    else if (entry.method === DEFLATED && entry.uncompressedSize <= this.thresholds.wholeUpTo) this.inflateWhole(entry, data, sink);
    else if (entry.method === DEFLATED) this.inflate(entry, data, sink);
    else throw new Unsupported('compression');
    return true;
  }

  /** Starts inflating a big part now, so it is under way while the reader does something else. */
  prefetch(name: string): void {
    const entry = this.byName.get(key(name));
    if (entry === undefined || this.ahead.has(key(name)) || (entry.flags & ENCRYPTED) !== 0) return;
    const thread = this.startThread(entry, this.dataOf(entry));
    if (thread !== undefined) this.ahead.set(key(name), thread);
  }

  /** Stops helpers for parts that were never read (the read ended early). */
  close(): void {
    for (const thread of this.ahead.values()) thread.cancel();
    this.ahead.clear();
  }

  /** A small part (content types, relationships, workbook, styles) as text; undefined when absent. */
  text(name: string): string | undefined {
    const pieces: Uint8Array[] = [];
    if (!this.stream(name, (chunk) => pieces.push(chunk))) return undefined;
    const text = Buffer.concat(pieces).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    const at = entry.localHeaderOffset;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (at + LOCAL_HEADER_SIZE > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
      throw new Unsupported('missing_part');
    }
    const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > view.byteLength) throw new Unsupported('missing_part');
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  private startThread(entry: ZipEntry, data: Uint8Array): InflateThread | undefined {
    if (entry.method !== DEFLATED || data.length < this.thresholds.threadFrom) return undefined;
    return InflateThread.start(data);
  }

  private drain(thread: InflateThread, entry: ZipEntry, data: Uint8Array, sink: ChunkSink): void {
    let produced = 0;
    const progress = this.proportional(data.length, entry.uncompressedSize);
    try {
      const outcome = thread.drain((chunk) => {
        produced = this.count(entry, produced, chunk.length);
        progress.to(produced);
        sink(chunk);
      });
      if (outcome === 'damaged') throw new Refused(damagedPart(this.options.file, entry.name));
      // A helper that failed says nothing about the file: SheetJS reads it instead.
      if (outcome === 'lost') throw new Unsupported('unexpected');
    } catch (error) {
      thread.cancel();
      throw error;
    }
    progress.all();
  }

  private inflateWhole(entry: ZipEntry, data: Uint8Array, sink: ChunkSink): void {
    let whole: Buffer;
    try {
      // One output chunk of the declared size plus one byte: zlib then never has to join pieces.
      whole = inflateRawSync(data, { chunkSize: Math.max(64, entry.uncompressedSize + 1), maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if (error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE') {
        throw new Refused(zipSizesLie(this.options.file, entry.name));
      }
      throw new Refused(damagedPart(this.options.file, entry.name));
    }
    this.count(entry, 0, whole.length);
    // Handed on in pieces, so the scanner shows first rows and progress moves while it scans.
    const progress = this.proportional(data.length, whole.length);
    for (let at = 0; at < whole.length; at += OUTPUT_PER_PUSH) {
      const end = Math.min(whole.length, at + OUTPUT_PER_PUSH);
      progress.to(end);
      sink(whole.subarray(at, end));
    }
    progress.all();
  }

  /**
   * Progress in compressed bytes where only unpacked bytes are counted: the same share of the
   * part's compressed data as of its unpacked size.
   */
  private proportional(compressed: number, unpacked: number): { to(done: number): void; all(): void } {
    let reported = 0;
    const report = (consumed: number): void => {
      this.advance(consumed - reported);
      reported = consumed;
    };
    return {
      to: (done) => report(Math.min(compressed, Math.round((compressed * done) / Math.max(1, unpacked)))),
      all: () => report(compressed),
    };
  }

  private pass(entry: ZipEntry, data: Uint8Array, sink: ChunkSink): void {
    let produced = 0;
    for (let at = 0; at < data.length; at += OUTPUT_PER_PUSH) {
      const chunk = data.subarray(at, Math.min(data.length, at + OUTPUT_PER_PUSH));
      produced = this.count(entry, produced, chunk.length);
      this.advance(chunk.length);
      sink(chunk);
    }
  }

  private inflate(entry: ZipEntry, data: Uint8Array, sink: ChunkSink): void {
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced = this.count(entry, produced, chunk.length);
      if (chunk.length > 0) sink(chunk);
    });
    // Text compresses 5–20× but a run of one character ~1000×: the piece size follows the ratio.
    let piece = MIN_PUSH;
    for (let at = 0; at < data.length; ) {
      const end = Math.min(data.length, at + piece);
      const before = produced;
      this.push(inflater, entry, data.subarray(at, end), end === data.length);
      this.advance(end - at);
      const ratio = Math.max(1, (produced - before) / (end - at));
      piece = Math.min(MAX_PUSH, Math.max(MIN_PUSH, Math.round(OUTPUT_PER_PUSH / ratio)));
      at = end;
    }
  }

  /**
   * Damaged deflate data is refused here rather than handed to SheetJS, whose inflate never
   * returns on some damage (an invalid block type); our own stops pass through.
   */
  private push(inflater: Inflate, entry: ZipEntry, piece: Uint8Array, final: boolean): void {
    try {
      inflater.push(piece, final);
    } catch (error) {
      if (error instanceof Unsupported || error instanceof Refused) throw error;
      throw new Refused(damagedPart(this.options.file, entry.name));
    }
  }

  /** Counts unpacked bytes against both caps; returns the part's new total. */
  private count(entry: ZipEntry, produced: number, more: number): number {
    const total = produced + more;
    if (total > entry.uncompressedSize) throw new Refused(zipSizesLie(this.options.file, entry.name));
    this.unzipped += more;
    if (this.unzipped > this.options.maxUnzippedBytes) {
      throw new Refused(tooLargeUnzipped(this.options.file, this.unzipped, this.options.maxUnzippedBytes));
    }
    return total;
  }

  private advance(compressed: number): void {
    this.consumed += compressed;
    this.options.onBytes?.(this.consumed);
  }
}

