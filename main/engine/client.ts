import { Worker } from 'node:worker_threads';
import { fail, text, type Problem, type Result } from '../common/text.ts';
import type { Cell } from '../sheet/types.ts';
import type { EngineReplies, EngineRequest, Stage, WorkerMessage } from './protocol.ts';

export type ProgressListener = (stage: Stage, done: number, total: number) => void;
/** A sheet's first rows, shown while the rest of the file is still being read. */
export type PreviewListener = (sheet: string, rows: Cell[][]) => void;

interface Pending {
  resolve: (result: Result<unknown>) => void;
  onProgress?: ProgressListener;
  onPreview?: PreviewListener;
}

export interface EngineOptions {
  /** Heap cap of the worker: a capped worker was steadier and faster on 1M-row files (DESIGN.md). */
  maxHeapMb?: number;
}

/**
 * Main's handle on the engine worker. Parsing and validation run there so main's event loop
 * never stalls; only summaries and pages come back.
 */
export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Problem | undefined;

  constructor(options: EngineOptions = {}) {
    const fromSource = import.meta.url.endsWith('.ts');
    this.worker = new Worker(new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 6144 },
    });
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (error) => this.die(error));
    this.worker.on('exit', (code) => this.die(new Error(`the engine stopped (exit code ${code})`)));
  }

  request<T extends EngineRequest['type']>(
    request: Extract<EngineRequest, { type: T }>,
    onProgress?: ProgressListener,
    onPreview?: PreviewListener,
  ): Promise<Result<EngineReplies[T]>> {
    if (this.dead) return Promise.resolve(fail(this.dead));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], onProgress, onPreview });
      this.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.dead ??= { code: 'engine.closed', message: text('The engine was closed.', 'Модуль импорта закрыт.') };
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
    const outOfMemory = /memory/i.test(error.message) || (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.dead = outOfMemory
      ? {
          code: 'engine.out_of_memory',
          message: text(
            'The file is too big for the memory the import engine may use; split it into smaller files.',
            'Файл слишком велик для памяти модуля импорта; разделите его на файлы поменьше.',
          ),
        }
      : {
          code: 'engine.crashed',
          message: text(`The import engine stopped: ${error.message}`, `Модуль импорта остановился: ${error.message}`),
        };
    for (const pending of this.pending.values()) pending.resolve(fail(this.dead));
    this.pending.clear();
  }
}
