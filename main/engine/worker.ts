import { parentPort } from 'node:worker_threads';
import { handleRequest, type WorkerState } from './handle.ts';
import type { EngineRequest, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('engine worker started outside a worker thread');

const state: WorkerState = {};
port.on('message', ({ id, request }: { id: number; request: EngineRequest }) => {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const result = handleRequest(
    state,
    request,
    (stage, done, total) => post({ kind: 'progress', id, stage, done, total }),
    (sheet, rows) => post({ kind: 'preview', id, sheet, rows: [...rows] }),
  );
  port.postMessage({ kind: 'reply', id, result } satisfies WorkerMessage);
});
