import { Worker } from 'node:worker_threads';
import { fail, text, type Problem, type Result } from '../common/text.ts';
import { baseName } from '../sheet/file-name.ts';
import type { Cell } from '../sheet/types.ts';
import type { EngineReplies, EngineRequest, Stage, WorkerMessage } from './protocol.ts';

export type ProgressListener = (stage: Stage, done: number, total: number) => void;
/** A sheet's first rows, shown while the rest of the file is still being read. */
export type PreviewListener = (sheet: string, rows: Cell[][]) => void;

interface Pending {
  resolve: (result: Result<unknown>) => void;
  /** The file an `open` request reads, to name it if the worker dies reading it. */
  file?: string;
  onProgress?: ProgressListener;
  onPreview?: PreviewListener;
}

const CLOSED: Problem = { code: 'engine.closed', message: text('The engine was closed.', 'Модуль импорта закрыт.') };

export interface EngineOptions {
  /** Heap cap of the worker: a capped worker was steadier and faster on 1M-row files (DESIGN.md). */
  maxHeapMb?: number;
}

/**
 * Main's handle on the engine worker. Parsing and validation run there so main's event loop
 * never stalls; only summaries and pages come back.
 */
export class EngineClient {
  private worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Why the current worker stopped; the next request starts a fresh one. */
  private dead: Problem | undefined;
  private closed = false;
  private lost = 0;

  constructor(private readonly options: EngineOptions = {}) {
    this.worker = this.start();
  }

  /**
   * A worker that ran out of memory on one file, or crashed, takes that file's state with it, but
   * must not take the app's engine: the next request starts a new worker, which knows no file yet.
   */
  private start(): Worker {
    const fromSource = import.meta.url.endsWith('.ts');
    const worker = new Worker(new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 6144 },
    });
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    // Events of a worker already replaced are not this client's news.
    worker.on('error', (error) => {
      if (worker === this.worker) this.die(error);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.die(new Error(`the engine stopped (exit code ${code})`));
    });
    return worker;
  }

  /**
   * How many workers have stopped so far. A file opened while this was n is gone from the engine
   * once it is no longer n: callers that keep a file open replay it (handlers/restore.ts).
   */
  get generation(): number {
    return this.lost;
  }

  request<T extends EngineRequest['type']>(
    request: Extract<EngineRequest, { type: T }>,
    onProgress?: ProgressListener,
    onPreview?: PreviewListener,
  ): Promise<Result<EngineReplies[T]>> {
    if (this.closed) return Promise.resolve(fail(CLOSED));
    if (this.dead) {
      this.dead = undefined;
      this.worker = this.start();
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      const asked: EngineRequest = request;
      const file = asked.type === 'open' ? baseName(asked.path) : undefined;
      this.pending.set(id, { resolve: resolve as Pending['resolve'], file, onProgress, onPreview });
      this.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.dead ??= CLOSED;
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.stage, message.done, message.total);
      return;
    }
    if (message.kind === 'preview') {
      pending.onPreview?.(message.sheet, message.rows);
      return;
    }
    this.pending.delete(message.id);
    pending.resolve(message.result);
  }

  private die(error: Error): void {
    if (this.dead) return;
    this.lost++;
    const outOfMemory = /memory/i.test(error.message) || (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.dead = outOfMemory ? tooBig() : crashed(error);
    for (const pending of this.pending.values()) pending.resolve(fail(outOfMemory && pending.file ? tooBig(pending.file) : this.dead));
    this.pending.clear();
  }
}

function tooBig(file?: string): Problem {
  const en = file === undefined ? 'The file is' : `"${file}" is`;
  const ru = file === undefined ? 'Файл' : `Файл «${file}»`;
  return {
    code: 'engine.out_of_memory',
    ...(file === undefined ? {} : { file }),
    message: text(
      `${en} too big for the memory the import engine may use; split it into smaller files.`,
      `${ru} слишком велик для памяти модуля импорта; разделите его на файлы поменьше.`,
    ),
  };
}

function crashed(error: Error): Problem {
  return {
    code: 'engine.crashed',
    message: text(`The import engine stopped: ${error.message}`, `Модуль импорта остановился: ${error.message}`),
  };
}
