import { parentPort } from 'node:worker_threads';
import { handleRequest, type WorkerState } from './handle.ts';
import type { EngineRequest, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('engine worker started outside a worker thread');

const state: WorkerState = {};
port.on('message', ({ id, request }: { id: number; request: EngineRequest }) => {
  const progress = (stage: WorkerMessage & { kind: 'progress' }) => port.postMessage(stage);
  const result = handleRequest(state, request, (stage, done, total) =>
    progress({ kind: 'progress', id, stage, done, total }),
  );
  port.postMessage({ kind: 'reply', id, result } satisfies WorkerMessage);
});
