import { Worker } from 'node:worker_threads';

/*
 * A large part is inflated on a helper thread while the reader's thread scans what came before:
 * on two cores that takes the inflate (about half the reader's time) off the scanning thread.
 * The reader stays synchronous: the helper fills a ring of slots in shared memory and the reader
 * waits on it with Atomics, so no event loop turn is needed on the reading side.
 */

/** Slots of the ring; the helper is at most this many slots ahead of the scanner. */
const SLOTS = 8;
const SLOT_SIZE = 256 * 1024;
/** How long the reader waits for one slot before deciding the helper is gone. */
const GIVE_UP_MS = 30_000;
const WAIT_STEP_MS = 250;

// Indexes into the control words shared by both threads.
const WRITTEN = 0;
const READ = 1;
const STATE = 2;
/** Bumped on every change the reader may wait for, so a wait never misses one. */
const SEQUENCE = 3;
const LENGTHS = 4;

const RUNNING = 0;
const DONE = 1;
/** zlib could not unpack the data. */
const FAILED = 2;
const CANCELLED = 3;
/** The helper's own program stopped: nothing is known about the data. */
const BROKEN = 4;

/**
 * The helper's whole program. It runs as an `eval` worker so it needs no file of its own (and
 * no bundling); it therefore uses only Node's built-ins, the constants above are passed in, and
 * it names no inner function (a compiler keeping names would call a helper the worker lacks).
 */
function helperProgram(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- an eval worker is a CommonJS script */
  const { workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const zlib = require('node:zlib') as typeof import('node:zlib');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { data, ring, control, slots, slotSize, lengths, waitStep, codes } = workerData as {
    data: SharedArrayBuffer;
    ring: SharedArrayBuffer;
    control: SharedArrayBuffer;
    slots: number;
    slotSize: number;
    lengths: number;
    waitStep: number;
    codes: { written: number; read: number; state: number; sequence: number; running: number; done: number; failed: number; cancelled: number };
  };
  const words = new Int32Array(control);
  const out = new Uint8Array(ring);
  const inflater = zlib.createInflateRaw({ chunkSize: slotSize });
  let written = 0;
  inflater.on('data', (chunk: Buffer) => {
    let read = Atomics.load(words, codes.read);
    while (written - read >= slots) {
      if (Atomics.load(words, codes.state) === codes.cancelled) {
        inflater.destroy();
        return;
      }
      Atomics.wait(words, codes.read, read, waitStep);
      read = Atomics.load(words, codes.read);
    }
    const slot = written % slots;
    out.set(chunk, slot * slotSize);
    words[lengths + slot] = chunk.length;
    written++;
    Atomics.store(words, codes.written, written);
    Atomics.add(words, codes.sequence, 1);
    Atomics.notify(words, codes.sequence);
  });
  inflater.on('end', () => {
    Atomics.compareExchange(words, codes.state, codes.running, codes.done);
    Atomics.add(words, codes.sequence, 1);
    Atomics.notify(words, codes.sequence);
  });
  inflater.on('error', () => {
    Atomics.compareExchange(words, codes.state, codes.running, codes.failed);
    Atomics.add(words, codes.sequence, 1);
    Atomics.notify(words, codes.sequence);
  });
  inflater.end(Buffer.from(data));
}

/** The program, wrapped so that whatever stops it is known to the reader at once. */
function helperSource(): string {
  return `try { (${helperProgram.toString()})(); } catch {
    const words = new Int32Array(require('node:worker_threads').workerData.control);
    Atomics.store(words, ${STATE}, ${BROKEN});
    Atomics.add(words, ${SEQUENCE}, 1);
    Atomics.notify(words, ${SEQUENCE});
  }`;
}

/** 'damaged': zlib could not unpack the data; 'lost': the helper failed or stopped answering. */
export type InflateOutcome = 'done' | 'damaged' | 'lost';

/** One part being inflated on a helper thread; `drain` hands its bytes over in order. */
export class InflateThread {
  private readonly words: Int32Array;
  private readonly ring: Uint8Array;
  private readonly worker: Worker;
  private read = 0;

  private constructor(compressed: Uint8Array) {
    const data = new SharedArrayBuffer(compressed.length);
    new Uint8Array(data).set(compressed);
    const control = new SharedArrayBuffer(4 * (LENGTHS + SLOTS));
    const ring = new SharedArrayBuffer(SLOTS * SLOT_SIZE);
    this.words = new Int32Array(control);
    this.ring = new Uint8Array(ring);
    const codes = { written: WRITTEN, read: READ, state: STATE, sequence: SEQUENCE, running: RUNNING, done: DONE, failed: FAILED, cancelled: CANCELLED };
    this.worker = new Worker(helperSource(), {
      eval: true,
      execArgv: [],
      workerData: { data, ring, control, slots: SLOTS, slotSize: SLOT_SIZE, lengths: LENGTHS, waitStep: WAIT_STEP_MS, codes },
      resourceLimits: { maxOldGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    // A helper that dies shows as a stalled ring; its error event must not take the process down.
    this.worker.on('error', () => undefined);
    this.worker.unref();
  }

  /** Starts inflating raw deflate data; undefined where no thread can be started. */
  static start(compressed: Uint8Array): InflateThread | undefined {
    try {
      return new InflateThread(compressed);
    } catch {
      return undefined;
    }
  }

  /**
   * Hands each inflated slot to `sink` (a view into shared memory, valid only during the call)
   * until the part ends.
   */
  drain(sink: (chunk: Uint8Array) => void): InflateOutcome {
    const words = this.words;
    let waitedSince = performance.now();
    for (;;) {
      const sequence = Atomics.load(words, SEQUENCE);
      if (this.read < Atomics.load(words, WRITTEN)) {
        const slot = this.read % SLOTS;
        sink(this.ring.subarray(slot * SLOT_SIZE, slot * SLOT_SIZE + words[LENGTHS + slot]!));
        this.read++;
        Atomics.store(words, READ, this.read);
        Atomics.notify(words, READ);
        waitedSince = performance.now();
        continue;
      }
      const state = Atomics.load(words, STATE);
      // The last slot may have been written between the two loads: done is set only after it.
      if (state === DONE && this.read < Atomics.load(words, WRITTEN)) continue;
      if (state === DONE) return this.finish('done');
      if (state === FAILED) return this.finish('damaged');
      if (state === BROKEN || performance.now() - waitedSince > GIVE_UP_MS) return this.finish('lost');
      Atomics.wait(words, SEQUENCE, sequence, WAIT_STEP_MS);
    }
  }

  /** Stops the helper (a cap was passed or the scanner gave up); safe to call more than once. */
  cancel(): void {
    Atomics.store(this.words, STATE, CANCELLED);
    Atomics.notify(this.words, READ);
    void this.worker.terminate();
  }

  private finish(outcome: InflateOutcome): InflateOutcome {
    void this.worker.terminate();
    return outcome;
  }
}
