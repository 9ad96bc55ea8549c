/**
 * One fuzz case in a worker thread, so a hang can be stopped from outside: opens the damaged
 * bytes as the engine does, then takes every sheet through header, suggestion and validation.
 */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { readersInProcess } from '../../main/sheet/open.ts';
import { mutate } from './mutate.ts';
import { throughTheEngine } from './through-engine.ts';

interface Case { path: string; name: string; seed: number }
const port = parentPort;
if (!port) throw new Error('fuzz case outside a worker');

port.on('message', ({ path, name, seed }: Case) => {
  const { bytes, how } = mutate(new Uint8Array(readFileSync(path)), seed);
  try {
    // SheetJS in this worker, not a child process of its own: the fuzzer's timeout is what finds hangs.
    const outcome = throughTheEngine(bytes, name, readersInProcess);
    if (outcome.ok) port.postMessage({ outcome: 'opened' });
    else if (outcome.error.file !== name) port.postMessage({ outcome: `bad-problem ${outcome.error.code} names ${String(outcome.error.file)}`, how });
    else port.postMessage({ outcome: `problem ${outcome.error.code}` });
  } catch (error) {
    port.postMessage({ outcome: 'threw', how, error: error instanceof Error ? error.stack : String(error) });
  }
});
