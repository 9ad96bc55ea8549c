import * as fs from 'node:fs';
import { join } from 'node:path';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import { RecordSchema, type ImportIdentity, type JournalRecord } from './records.ts';

/** The file operations the journal needs; tests pass failing ones to play a full disk. */
export interface JournalFiles {
  mkdir(dir: string): void;
  read(path: string): Buffer | undefined;
  openAppend(path: string): number;
  write(fd: number, data: Buffer): void;
  fsync(fd: number): void;
  truncate(path: string, length: number): void;
  close(fd: number): void;
}

export const nodeFiles: JournalFiles = {
  mkdir: (dir) => fs.mkdirSync(dir, { recursive: true }),
  read: (path) => {
    try {
      return fs.readFileSync(path);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  },
  openAppend: (path) => fs.openSync(path, 'a'),
  write: (fd, data) => {
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
  },
  fsync: (fd) => fs.fsyncSync(fd),
  truncate: (path, length) => fs.truncateSync(path, length),
  close: (fd) => fs.closeSync(fd),
};

export const JOURNAL_FILE = 'journal.jsonl';

function journalProblem(code: string, en: string, ru: string): Problem {
  return { code, message: text(en, ru) };
}

function reason(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/**
 * An import's durable memory: one JSON line per event, fsynced before a request is sent and after
 * its reply is written, so a crash at any moment leaves a journal that says what may have reached
 * CallGear. A torn last line (a crash mid-write) is dropped when the journal is reopened.
 */
export class Journal {
  private constructor(
    private readonly files: JournalFiles,
    private readonly fd: number,
    readonly dir: string,
    readonly records: readonly JournalRecord[],
    private readonly now: () => number,
  ) {}

  /**
   * Opens the journal in `dir`, creating it for `identity`, or resuming it if it was made for the
   * same file and mapping. A journal of another import is refused, never mixed.
   */
  static open(dir: string, identity: ImportIdentity, now: () => number, files: JournalFiles = nodeFiles): Result<Journal> {
    const path = join(dir, JOURNAL_FILE);
    let records: JournalRecord[];
    let fd: number;
    try {
      files.mkdir(dir);
      const existing = files.read(path);
      const replayed = existing === undefined ? ok({ records: [], validBytes: 0, torn: false }) : replay(existing);
      if (!replayed.ok) return replayed;
      if (replayed.value.torn) files.truncate(path, replayed.value.validBytes);
      records = replayed.value.records;
      fd = files.openAppend(path);
    } catch (error) {
      return fail(unwritable(dir, reason(error)));
    }
    const journal = new Journal(files, fd, dir, records, now);
    const first = records[0];
    if (first === undefined) {
      const written = journal.append({ t: 'open', v: 1, at: now(), import: identity });
      if (!written.ok) return written;
      return ok(journal);
    }
    if (first.t !== 'open') return fail(foreign(dir));
    const mismatch = differs(first.import, identity);
    if (mismatch !== undefined) {
      journal.close();
      return fail(mismatch);
    }
    return ok(journal);
  }

  /** Appends and fsyncs one record; a failure (full disk, removed folder) is a value to stop on. */
  append(record: JournalRecord): Result<void> {
    try {
      this.files.write(this.fd, Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'));
      this.files.fsync(this.fd);
      (this.records as JournalRecord[]).push(record);
      return ok(undefined);
    } catch (error) {
      return fail(unwritable(this.dir, reason(error)));
    }
  }

  time(): number {
    return this.now();
  }

  close(): void {
    try {
      this.files.close(this.fd);
    } catch {
      // Closing after a failed write: the journal's content is what was fsynced before.
    }
  }
}

/** The records of a journal, read without opening it for writing (reports, undo previews). */
export function readJournal(dir: string, files: JournalFiles = nodeFiles): Result<JournalRecord[]> {
  let bytes: Buffer | undefined;
  try {
    bytes = files.read(join(dir, JOURNAL_FILE));
  } catch (error) {
    return fail(unwritable(dir, reason(error)));
  }
  if (bytes === undefined) {
    return fail(journalProblem('journal.missing', `There is no upload journal in ${dir}.`, `В ${dir} нет журнала загрузки.`));
  }
  const replayed = replay(bytes);
  return replayed.ok ? ok(replayed.value.records) : replayed;
}

type Replayed = Result<{ records: JournalRecord[]; validBytes: number; torn: boolean }>;

function replay(bytes: Buffer): Replayed {
  const records: JournalRecord[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    line += 1;
    // No newline: the last write was cut short by a crash, so it never counted.
    if (end === -1) return ok({ records, validBytes: start, torn: true });
    const parsed = parseLine(bytes.subarray(start, end));
    if (parsed === undefined) {
      if (end + 1 >= bytes.length) return ok({ records, validBytes: start, torn: true });
      return fail(journalProblem('journal.corrupt', `The upload journal is damaged at line ${line}.`, `Журнал загрузки повреждён в строке ${line}.`));
    }
    records.push(parsed);
    start = end + 1;
  }
  return ok({ records, validBytes: start, torn: false });
}

function parseLine(bytes: Buffer): JournalRecord | undefined {
  try {
    const parsed = RecordSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function differs(recorded: ImportIdentity, current: ImportIdentity): Problem | undefined {
  if (recorded.fileHash !== current.fileHash) {
    return journalProblem(
      'journal.other_file',
      `This upload journal belongs to another file ("${recorded.file}", with different content). Choose a new journal folder for "${current.file}", or open the file it was made for.`,
      `Этот журнал загрузки относится к другому файлу («${recorded.file}», с другим содержимым). Выберите новую папку журнала для «${current.file}» или откройте исходный файл.`,
    );
  }
  if (recorded.mappingHash !== current.mappingHash) {
    return journalProblem(
      'journal.other_mapping',
      `This upload journal was made with a different mapping of "${current.file}". Resuming would send different chats; restore that mapping, or choose a new journal folder.`,
      `Этот журнал загрузки создан с другим сопоставлением полей файла «${current.file}». Продолжение отправило бы другие чаты; верните то сопоставление или выберите новую папку журнала.`,
    );
  }
  if (recorded.endpoint !== current.endpoint || recorded.userId !== current.userId) {
    return journalProblem(
      'journal.other_account',
      `This upload journal belongs to an upload to another account (${recorded.endpoint}). Resume it with that account, or choose a new journal folder.`,
      `Этот журнал относится к загрузке в другой аккаунт (${recorded.endpoint}). Продолжите её с тем аккаунтом или выберите новую папку журнала.`,
    );
  }
  return undefined;
}

function unwritable(dir: string, code: string): Problem {
  return journalProblem(
    'journal.unwritable',
    `The upload journal in ${dir} cannot be written (${code}). Nothing is sent without it: free disk space or choose another folder.`,
    `Журнал загрузки в ${dir} не удаётся записать (${code}). Без него ничего не отправляется: освободите место на диске или выберите другую папку.`,
  );
}

function foreign(dir: string): Problem {
  return journalProblem('journal.corrupt', `${dir} holds a file that is not an upload journal.`, `В ${dir} лежит файл, который не является журналом загрузки.`);
}
