/**
 * One fuzz case in a worker thread, so a hang can be stopped from outside: opens the damaged
 * bytes as the engine does, then takes every sheet through header, suggestion and validation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { openWorkbook, readersInProcess } from '../../main/sheet/open.ts';
import { guessHeaderRow, makeTable } from '../../main/sheet/header.ts';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { batchesOf, ValidationSession } from '../../main/chats/engine.ts';
import { mutate } from './mutate.ts';

interface Case { path: string; name: string; seed: number }
const port = parentPort;
if (!port) throw new Error('fuzz case outside a worker');

function run({ path, name, seed }: Case): string {
  const { bytes, how } = mutate(new Uint8Array(readFileSync(path)), seed);
  // SheetJS in this worker, not a child process of its own: the fuzzer's timeout is what finds hangs.
  const opened = openWorkbook(bytes, name, {}, readersInProcess);
  if (!opened.ok) {
    if (opened.error.file !== name) return `bad-problem ${how}: ${opened.error.code} names ${String(opened.error.file)}`;
    return `problem ${opened.error.code}`;
  }
  for (const sheet of opened.value.sheets) {
    const table = makeTable(sheet, opened.value.file, guessHeaderRow(sheet).row);
    if (!table.ok) continue;
    const mapping = suggestMapping(table.value).mapping;
    const validation = new ValidationSession(table.value, { employees: [], now: () => Date.UTC(2026, 0, 1) }).validate(mapping);
    if (validation.ok) for (const _ of batchesOf(validation.value)) void _;
  }
  return 'opened';
}

port.on('message', (job: Case) => {
  try {
    port.postMessage({ outcome: run(job) });
  } catch (error) {
    const { how } = mutate(new Uint8Array(readFileSync(job.path)), job.seed);
    port.postMessage({ outcome: 'threw', how, error: error instanceof Error ? error.stack : String(error) });
  }
});
void workerData;
