/**
 * The uploading process of the kill test: resumes the import in JOURNAL_DIR from PLAN against
 * ENDPOINT, printing each event as a JSON line, until it finishes or is killed.
 */
import { CallGearClient } from '../../main/callgear/client.ts';
import { systemClock } from '../../main/upload/clock.ts';
import { Journal } from '../../main/upload/journal.ts';
import { readPlan } from '../../main/upload/plan-file.ts';
import { UploadRun } from '../../main/upload/runner.ts';
import { IDENTITY } from './chats.ts';

const [planPath, journalDir, endpoint, key, batchSize] = process.argv.slice(2) as [string, string, string, string, string];
const chats = readPlan(planPath);
if (!chats.ok) throw new Error(chats.error.message.en);
const journal = Journal.open(journalDir, { ...IDENTITY, endpoint }, Date.now);
if (!journal.ok) throw new Error(journal.error.message.en);
const api = new CallGearClient({ endpoint: new URL(endpoint), credentials: { kind: 'key', accessKey: key }, timeoutMs: 5000, uploadTimeoutMs: 5000 });
const run = new UploadRun({
  api,
  journal: journal.value,
  chats: chats.value,
  clock: systemClock,
  reconcileDelayMs: 0,
  batchSize: Number(batchSize),
  onEvent: (event) => process.stdout.write(`${JSON.stringify({ type: event.type, accepted: event.progress.accepted })}\n`),
});
const end = await run.run();
journal.value.close();
process.stdout.write(`${JSON.stringify({ type: 'exit', end })}\n`);
