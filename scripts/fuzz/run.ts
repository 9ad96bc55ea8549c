/**
 * `npx tsx scripts/fuzz/run.ts [--cases N] [--seed S] [--timeout MS] [--only REGEX]`: damages
 * real-world workbooks and a generated csv, xlsx and ods in seeded ways and opens each in a worker, reporting
 * every throw (a crash the engine would have to catch) and every case that did not end within
 * the timeout (a hang). A case is replayed by its file and seed.
 */
import { appendFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { generateChats } from '../../test/fixtures/chats.ts';
import { writeWorkbook } from '../../test/fixtures/write.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '15000' },
    only: { type: 'string', default: '' },
    workers: { type: 'string', default: '2' },
  },
});
const corpus = new URL('../../../shared/corpus/sheetjs-test-files/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'fuzz-'));
/** Cases as they start: a fatal V8 error ends the process without a word, and this names the case. */
const journal = join(scratch, 'started.txt');
console.log(`cases started: ${journal}`);
const generated = generateChats({ chats: 300, seed: 5, layout: 'messages-by-key', language: 'mixed' });
const made = (['csv', 'xlsx', 'ods'] as const).map((format) => {
  const path = join(scratch, `chats.${format}`);
  writeFileSync(path, writeWorkbook(generated, format));
  return path;
});
const files = [
  ...readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((name) => !/(LICENSE|README\.md)$/.test(name) && statSync(join(corpus, name)).isFile())
    .map((name) => join(corpus, name)),
  ...made,
].filter((path) => new RegExp(values.only).test(path)).sort();

const total = Number(values.cases);
const timeout = Number(values.timeout);
const firstSeed = Number(values.seed);
interface Outcome { outcome: string; how?: string; error?: string }
const tally = new Map<string, number>();
const bad: string[] = [];
let next = 0;

function caseOf(i: number): { path: string; name: string; seed: number } {
  const path = files[i % files.length] as string;
  return { path, name: path.split('/').at(-1) as string, seed: firstSeed + i };
}

function spawn(): Worker {
  return new Worker(new URL('./case-from-source.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
}

async function lane(): Promise<void> {
  let worker = spawn();
  while (next < total) {
    const job = caseOf(next++);
    const started = performance.now();
    const outcome = await new Promise<Outcome>((resolve) => {
      const onMessage = (value: Outcome) => done(value);
      const onError = (error: Error) => done({ outcome: 'died', error: String(error) });
      const onExit = (code: number) => done({ outcome: 'died', error: `exit ${code}` });
      const timer = setTimeout(() => done({ outcome: 'hang' }), timeout);
      function done(value: Outcome): void {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(value);
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      appendFileSync(journal, `${job.path} ${job.seed}\n`);
      worker.postMessage(job);
    });
    const kind = outcome.outcome.split(' ')[0] as string;
    tally.set(outcome.outcome, (tally.get(outcome.outcome) ?? 0) + 1);
    if (['threw', 'hang', 'died', 'bad-problem'].includes(kind)) {
      const line = `${kind} ${job.path} seed ${job.seed} after ${Math.round(performance.now() - started)} ms: ${outcome.how ?? ''} ${outcome.outcome} ${outcome.error?.split('\n').slice(0, 6).join(' | ') ?? ''}`;
      bad.push(line);
      process.stderr.write(`${line}\n`);
      await worker.terminate();
      worker = spawn();
    }
  }
  await worker.terminate();
}

const t0 = performance.now();
await Promise.all(Array.from({ length: Number(values.workers) }, lane));
console.log(`${total} cases over ${files.length} files in ${Math.round((performance.now() - t0) / 1000)} s`);
for (const [outcome, count] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(6)} ${outcome}`);
console.log(bad.length === 0 ? 'no throws, deaths or hangs' : `${bad.length} bad cases`);
