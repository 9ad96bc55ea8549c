import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { EngineClient } from '../engine/client.ts';
import { encodeRequest } from '../callgear/rpc.ts';
import { systemClock } from '../upload/clock.ts';
import { Journal, readJournal } from '../upload/journal.ts';
import { chatsJson, packBatches, type PlannedChat } from '../upload/plan.ts';
import { PLAN_FILE, readPlan } from '../upload/plan-file.ts';
import { importIdentity } from '../upload/identity.ts';
import type { ImportIdentity } from '../upload/records.ts';
import { UploadRun, type RunEnd } from '../upload/runner.ts';
import { UploadState } from '../upload/state.ts';
import { chatsToDelete, undoImport } from '../upload/undo.ts';
import { decideDoubtful } from '../upload/decide.ts';
import { findUploadedEarlier, markUploadedEarlier } from '../upload/earlier.ts';
import type { ValidationSummary } from '../engine/protocol.ts';
import type { ParsedArgs } from './args.ts';
import type { Output } from './commands.ts';
import { connect, integerFlag, type Connection } from './connection.ts';
import { CliProblem, must, usage } from './errors.ts';
import { rememberJournal, targetOf, withProjectAccount } from './project.ts';
import { validatedTarget, type Target } from './validated.ts';
import { accountIds } from './account-ids.ts';
import { uploadPrinter } from './upload-output.ts';

type Values = ParsedArgs['values'];

interface Prepared {
  identity: ImportIdentity;
  /** Chats validation blocks: they are not sent. */
  blocked: number;
  engine: EngineClient;
  /** The spreadsheet read (a project's source). */
  source: string;
}

/** Opens, maps and validates the file or project as `validate` does, against the account's ids, and names the import. */
async function prepare(target: Target, values: Values, connection: Connection, output: Output): Promise<Prepared> {
  const engine = new EngineClient();
  try {
    const { path, summary, employees } = await validatedTarget(engine, target, values, await accountIds(connection, output));
    const identity = await importIdentity({ path, mapping: summary.mapping, employees, endpoint: connection.endpoint, userId: connection.userId });
    sayBlocked(summary, output);
    return { identity, blocked: summary.chatCount - summary.validChats, engine, source: path };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** Chats left out by validation are said before the upload, with the rules that blocked them. */
function sayBlocked(summary: ValidationSummary, output: Output): void {
  const blocked = summary.chatCount - summary.validChats;
  if (blocked === 0) return;
  const rules = Object.entries(summary.byCode)
    .filter(([, entry]) => entry.severity === 'error')
    .sort((a, b) => b[1].count - a[1].count)
    .map(([code, entry]) => `${code} ×${entry.count}`)
    .join(', ');
  output.err(
    output.lang === 'ru'
      ? `Проверка не пропускает чатов: ${blocked} из ${summary.chatCount}, они не будут отправлены (${rules}); все замечания покажет chat-importer validate с теми же параметрами.`
      : `${blocked} of ${summary.chatCount} chats are blocked by validation and will not be sent (${rules}); chat-importer validate with the same options lists every finding.`,
  );
}

async function planned(engine: EngineClient, path: string): Promise<PlannedChat[]> {
  must(await engine.request({ type: 'plan', path }));
  return must(readPlan(path));
}

/** `upload FILE|PROJECT`: a project's journal is its own (or beside its source), and is written back into it. */
export async function upload(path: string, values: Values, output: Output): Promise<number> {
  const target = await targetOf(path, values, output);
  const connection = await connect(withProjectAccount(values, target));
  const batchSize = integerFlag(values['batch-size'], 'batch-size', 1, 500) ?? 500;
  const concurrency = integerFlag(values.concurrency, 'concurrency', 1, 4) ?? 1;
  const { identity, blocked, engine, source } = await prepare(target, values, connection, output);
  const journalDir = resolve(values.journal ?? target.project?.journal ?? `${source}.journal`);
  // Where earlier uploads of this source went: another journal there means another version of it.
  const earlierDirs = [...new Set([`${source}.journal`, target.project?.journal].flatMap((dir) => (dir === undefined ? [] : [resolve(dir)])))].filter(
    (dir) => dir !== journalDir && existsSync(dir),
  );
  try {
    if (values['dry-run']) return await dryRun(engine, journalDir, batchSize, connection, output, { identity, earlierDirs });
    const journal = Journal.open(journalDir, identity, Date.now);
    if (!journal.ok) throw new CliProblem(journal.error);
    if (target.project) rememberJournal(target.path, journalDir, output);
    if (values['in-doubt'] !== undefined) decide(journal.value, values['in-doubt'], output);
    const chats = await planned(engine, join(journalDir, PLAN_FILE));
    sayEarlier(must(markUploadedEarlier(journal.value, chats, identity, earlierDirs)), earlierDirs, output);
    const run = new UploadRun({ api: connection.client, journal: journal.value, chats, clock: systemClock, onEvent: uploadPrinter(output, values.json === true), batchSize, concurrency });
    const cancel = () => run.cancel();
    process.once('SIGINT', cancel).once('SIGTERM', cancel);
    let end: RunEnd;
    try {
      end = await run.run();
    } finally {
      process.off('SIGINT', cancel).off('SIGTERM', cancel);
      journal.value.close();
    }
    if (values.report !== undefined) await writeReport(engine, journalDir, values.report, output);
    return exitCode(end, run.summary(), blocked);
  } finally {
    await engine.close();
  }
}

function decide(journal: Journal, answer: string, output: Output): void {
  if (answer !== 'resend' && answer !== 'uploaded') throw usage('--in-doubt takes resend or uploaded.', '--in-doubt принимает resend или uploaded.');
  const decided = decideDoubtful(journal, answer);
  if (!decided.ok) throw new CliProblem(decided.error);
  if (decided.value > 0) {
    output.out(
      output.lang === 'ru'
        ? `Чатов под вопросом: ${decided.value}; ${answer === 'resend' ? 'будут отправлены снова' : 'считаются загруженными'}.`
        : `${decided.value} chats in doubt ${answer === 'resend' ? 'will be sent again' : 'are counted as uploaded'}.`,
    );
  }
}

function exitCode(end: RunEnd, summary: { rejected: number; unknown: number; pending: number }, blocked: number): number {
  if (end === 'stopped' || end === 'needs-decision') return 2;
  return end === 'finished' && summary.rejected === 0 && summary.unknown === 0 && summary.pending === 0 && blocked === 0 ? 0 : 1;
}

async function writeReport(engine: EngineClient, journalDir: string, path: string, output: Output): Promise<void> {
  const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
  const written = must(await engine.request({ type: 'report', journalDir, path: resolve(path), format, lang: output.lang }));
  output.out(output.lang === 'ru' ? `Отчёт: ${written.path}` : `Report: ${written.path}`);
}

/** Chats an earlier upload of another version of the file sent are said, not silently left out. */
function sayEarlier(count: number, earlierDirs: readonly string[], output: Output): void {
  if (count === 0) return;
  const where = earlierDirs.join(', ');
  output.err(
    output.lang === 'ru'
      ? `Чатов, уже загруженных ранее из другой версии этого файла (журнал ${where}): ${count}; повторно они не отправляются.`
      : `${count} chats were uploaded earlier from another version of this file (journal ${where}); they are not sent again.`,
  );
}

/** Writes the requests a real run would send now (the key hidden), and sends nothing. */
async function dryRun(
  engine: EngineClient,
  journalDir: string,
  batchSize: number,
  connection: Connection,
  output: Output,
  earlier: { identity: ImportIdentity; earlierDirs: string[] },
): Promise<number> {
  const dir = join(journalDir, 'dry-run');
  mkdirSync(dir, { recursive: true });
  const chats = await planned(engine, join(dir, PLAN_FILE));
  const existing = readJournal(journalDir);
  const records = existing.ok ? existing.value : [];
  const state = UploadState.replay(records);
  const found = findUploadedEarlier(records, chats, earlier.identity, earlier.earlierDirs).flatMap((group) => group.found.map(([key]) => key));
  sayEarlier(found.length, earlier.earlierDirs, output);
  const uploadedEarlier = new Set([...found, ...state.earlier.keys()]);
  const pending = chats.filter((chat) => !uploadedEarlier.has(chat.key) && (state.chats.get(chat.key)?.status ?? 'pending') === 'pending');
  const batches = packBatches(pending, { maxChats: batchSize, maxBytes: 512 * 1024 });
  batches.forEach((batch, i) => {
    const params: Record<string, unknown> = { access_token: '<hidden>' };
    if (connection.userId !== undefined) params.user_id = connection.userId;
    const body = encodeRequest(`dry-run-${i + 1}`, 'upload.chats', params, { key: 'chats', json: chatsJson(batch) });
    writeFileSync(join(dir, `request-${String(i + 1).padStart(4, '0')}.json`), body);
  });
  output.out(
    output.lang === 'ru'
      ? `Пробный запуск: ${batches.length} запросов, ${pending.length} чатов записаны в ${dir}; ничего не отправлено.`
      : `Dry run: ${batches.length} requests with ${pending.length} chats written to ${dir}; nothing was sent.`,
  );
  return 0;
}

/** `undo JOURNAL`: deletes the chats that import created; asks for `--yes` before deleting. */
export async function undo(journalDir: string, values: Values, output: Output): Promise<number> {
  const connection = await connect(values);
  const records = readJournal(resolve(journalDir));
  if (!records.ok) throw new CliProblem(records.error);
  const first = records.value[0];
  if (first?.t !== 'open') throw usage(`${journalDir} is not an upload journal.`, `${journalDir} — не журнал загрузки.`);
  const journal = Journal.open(resolve(journalDir), { ...first.import, endpoint: connection.endpoint.href, ...(connection.userId === undefined ? {} : { userId: connection.userId }) }, Date.now);
  if (!journal.ok) throw new CliProblem(journal.error);
  try {
    const ids = chatsToDelete(journal.value.records);
    if (!values.yes) {
      output.out(
        output.lang === 'ru'
          ? `Будет удалено чатов из CallGear: ${ids.length}. Повторите с --yes, чтобы удалить.`
          : `${ids.length} chats would be deleted from CallGear. Run again with --yes to delete them.`,
      );
      return 0;
    }
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    try {
      const end = await undoImport({ api: connection.client, journal: journal.value, clock: systemClock, onEvent: uploadPrinter(output, values.json === true), signal: controller.signal });
      return end === 'finished' ? 0 : end === 'cancelled' ? 1 : 2;
    } finally {
      process.off('SIGINT', cancel);
    }
  } finally {
    journal.value.close();
  }
}
