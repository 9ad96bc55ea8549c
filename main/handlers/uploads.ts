import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import { systemClock } from '../upload/clock.ts';
import { decideDoubtful } from '../upload/decide.ts';
import { markUploadedEarlier } from '../upload/earlier.ts';
import { importIdentity, sha256 } from '../upload/identity.ts';
import { Journal, readJournal } from '../upload/journal.ts';
import type { ImportIdentity } from '../upload/records.ts';
import { PLAN_FILE, readPlan } from '../upload/plan-file.ts';
import { UploadRun } from '../upload/runner.ts';
import { chatsToDelete, undoImport } from '../upload/undo.ts';
import { noFileOpen } from './files.ts';
import { offlineProblem } from './offline.ts';
import type { HandlerDeps } from './ports.ts';
import type { ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';

const notRunning = (): Result<never> =>
  fail({ code: 'upload.not_running', message: text('That upload is not running any more.', 'Эта загрузка уже не выполняется.') });

const notValidated = (): Result<never> =>
  fail({ code: 'upload.not_validated', message: text('Map and check the rows before uploading.', 'Перед загрузкой сопоставьте поля и проверьте строки.') });

/** Reopens an existing journal for the import it records (for decisions and undo). */
function openExisting(journalDir: string, now: () => number): Result<Journal> {
  const records = readJournal(journalDir);
  if (!records.ok) return records;
  const first = records.value[0];
  if (first?.t !== 'open') return fail({ code: 'journal.corrupt', message: text(`${journalDir} is not an upload journal.`, `${journalDir} — не журнал загрузки.`) });
  return Journal.open(journalDir, first.import, now);
}

const folderStem = (identity: ImportIdentity) => identity.file.replace(/[^\p{L}\p{N}._-]+/gu, '_');

/**
 * The import's journal: one folder per file content, so uploading again resumes it. Once that file
 * was uploaded with another mapping or to another account (fixed after an undo, or a second
 * account), that journal refuses to be mixed with this one, and the import gets a folder of its
 * own instead; what the other uploaded is then left out as uploaded earlier.
 */
function openJournalFor(journalsDir: string, identity: ImportIdentity, now: () => number): Result<Journal> {
  const folder = join(journalsDir, `${folderStem(identity)}-${identity.fileHash.slice(0, 12)}`);
  const journal = Journal.open(folder, identity, now);
  if (journal.ok || (journal.error.code !== 'journal.other_mapping' && journal.error.code !== 'journal.other_account')) return journal;
  const variant = sha256(JSON.stringify([identity.mappingHash, identity.endpoint, identity.userId ?? null])).slice(0, 8);
  return Journal.open(`${folder}-${variant}`, identity, now);
}

/** A journal folder's name: the file's name, its content's hash, and a mapping or account variant. */
const FOLDER = /^(.+)-([0-9a-f]{12})(?:-[0-9a-f]{8})?$/;

/**
 * The journals of the same file under other imports: other versions of a file of the same name
 * (fixed in Excel), the same content under another name (a second download, a renamed copy), and
 * the same file with another mapping or account.
 */
function otherImportsOf(journalsDir: string, identity: ImportIdentity, current: string): string[] {
  const stem = folderStem(identity);
  const hash = identity.fileHash.slice(0, 12);
  try {
    return readdirSync(journalsDir, { withFileTypes: true })
      .filter((entry) => {
        const parts = entry.isDirectory() ? FOLDER.exec(entry.name) : null;
        return parts !== null && (parts[1] === stem || parts[2] === hash);
      })
      .map((entry) => join(journalsDir, entry.name))
      .filter((dir) => dir !== current);
  } catch {
    return [];
  }
}

/** The account's name, which a project keeps (never its secret). */
export async function accountName(deps: Pick<HandlerDeps, 'accounts'>, id: string): Promise<string | undefined> {
  const listed = await deps.accounts.list();
  return listed.ok ? listed.value.accounts.find((account) => account.id === id)?.name : undefined;
}

/** Uploads and undos run in main; their events stream to the page tagged with a run id. */
export function uploadHandlers(
  deps: HandlerDeps,
  session: ImportSession,
): HandlerGroup<'startUpload' | 'pauseUpload' | 'resumeUpload' | 'cancelUpload' | 'decideDoubtful' | 'exportReport' | 'previewUndo' | 'startUndo'> {
  const runs = new Map<string, UploadRun>();
  const undos = new Map<string, AbortController>();
  const control = (runId: string, act: (run: UploadRun) => void): Promise<Result<null>> => {
    const run = runs.get(runId);
    if (run === undefined) return Promise.resolve(notRunning());
    act(run);
    return Promise.resolve(ok(null));
  };
  return {
    async startUpload({ accountId, journalDir, concurrency, batchSize }) {
      if (session.path === undefined) return noFileOpen();
      if (session.mapping === undefined) return notValidated();
      const client = await deps.accounts.client(accountId);
      if (!client.ok) return client;
      // Offline, a run would only retry and stop; saying so before a journal exists keeps the import as it was.
      const online = await client.value.reachable();
      if (!online.ok) return fail(offlineProblem(online.error));
      session.account = await accountName(deps, accountId);
      const identity = await importIdentity({ path: session.path, mapping: session.mapping, employees: session.employees, endpoint: client.value.endpoint, userId: client.value.userId });
      const journal = journalDir === undefined ? openJournalFor(deps.journalsDir, identity, deps.now) : Journal.open(journalDir, identity, deps.now);
      if (!journal.ok) return journal;
      const dir = journal.value.dir;
      session.journal = dir;
      const planned = await deps.engine.request({ type: 'plan', path: join(dir, PLAN_FILE) });
      const chats = planned.ok ? readPlan(planned.value.path) : planned;
      if (!chats.ok) {
        journal.value.close();
        return chats;
      }
      const earlier = markUploadedEarlier(journal.value, chats.value, identity, otherImportsOf(deps.journalsDir, identity, dir));
      if (!earlier.ok) {
        journal.value.close();
        return earlier;
      }
      const runId = randomUUID();
      const run = new UploadRun({
        api: client.value,
        journal: journal.value,
        chats: chats.value,
        clock: systemClock,
        concurrency,
        batchSize,
        onEvent: (event) => deps.emit({ type: 'upload', runId, event }),
      });
      runs.set(runId, run);
      void run.run().finally(() => {
        runs.delete(runId);
        journal.value.close();
      });
      return ok({ runId, journalDir: dir });
    },
    pauseUpload: ({ runId }) => control(runId, (run) => run.pause()),
    resumeUpload: ({ runId }) => control(runId, (run) => run.resume()),
    cancelUpload({ runId }) {
      const undo = undos.get(runId);
      if (undo === undefined) return control(runId, (run) => run.cancel());
      undo.abort();
      return Promise.resolve(ok(null));
    },
    async decideDoubtful({ journalDir, as }) {
      const journal = openExisting(journalDir, deps.now);
      if (!journal.ok) return journal;
      const decided = decideDoubtful(journal.value, as);
      journal.value.close();
      return decided.ok ? ok({ chats: decided.value }) : decided;
    },
    async exportReport({ journalDir, format, path, language }) {
      const target = path ?? (await deps.dialogs.saveFile(`results.${format}`, format));
      if (target === undefined) return ok(null);
      return deps.engine.request({ type: 'report', journalDir, path: target, format, lang: language });
    },
    async previewUndo({ journalDir }) {
      const records = readJournal(journalDir);
      return records.ok ? ok({ chats: chatsToDelete(records.value).length }) : records;
    },
    async startUndo({ accountId, journalDir, confirmedChats }) {
      const journal = openExisting(journalDir, deps.now);
      if (!journal.ok) return journal;
      const count = chatsToDelete(journal.value.records).length;
      if (count !== confirmedChats) {
        journal.value.close();
        return fail(countChanged(confirmedChats, count));
      }
      const client = await deps.accounts.client(accountId);
      if (!client.ok) {
        journal.value.close();
        return client;
      }
      const runId = randomUUID();
      const controller = new AbortController();
      undos.set(runId, controller);
      void undoImport({ api: client.value, journal: journal.value, clock: systemClock, signal: controller.signal, onEvent: (event) => deps.emit({ type: 'undo', runId, event }) }).finally(() => {
        undos.delete(runId);
        journal.value.close();
      });
      return ok({ runId });
    },
  };
}

function countChanged(confirmed: number, now: number): Problem {
  return {
    code: 'undo.count_changed',
    message: text(
      `You confirmed deleting ${confirmed} chats, but the import now has ${now}. Check again and confirm the new number.`,
      `Вы подтвердили удаление ${confirmed} чатов, но сейчас их ${now}. Проверьте и подтвердите новое число.`,
    ),
  };
}
