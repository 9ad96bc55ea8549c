import { writeFileAtomic } from '../files/atomic-write.ts';
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import type { Validation } from '../chats/engine.ts';
import type { Table } from '../sheet/types.ts';
import { reportRows, toCsv, toXlsx, type Language } from '../upload/export.ts';
import { chatsWithRows } from '../upload/from-validation.ts';
import { readJournal } from '../upload/journal.ts';
import { planChat } from '../upload/plan.ts';
import { chatResults, resultsByRow } from '../upload/results.ts';
import { UploadState } from '../upload/state.ts';

export interface PlanWritten {
  path: string;
  chats: number;
}

/**
 * Writes the import's valid chats, one JSON line each (`{"k":key,"r":rows,"c":chat}`), for the
 * uploader in the main process. Written under a temporary name and renamed: never half a plan.
 */
export function writePlan(validation: Validation, table: Table, path: string, onChat: (done: number) => void): Result<PlanWritten> {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  let chats = 0;
  try {
    for (const { rows, chat } of chatsWithRows(validation, table.headerRow + 1)) {
      const planned = planChat(chat, rows);
      writeSync(fd, `{"k":"${planned.key}","r":${JSON.stringify(rows)},"c":`);
      writeSync(fd, planned.json);
      writeSync(fd, '}\n');
      chats += 1;
      if (chats % 1000 === 0) onChat(chats);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return ok({ path, chats });
}

export interface ReportWritten {
  path: string;
  rows: number;
}

/** The original rows with each chat's upload result, as the journal in `journalDir` records it. */
export function writeReport(
  validation: Validation,
  table: Table,
  request: { journalDir: string; path: string; format: 'csv' | 'xlsx'; lang: Language },
): Result<ReportWritten> {
  const records = readJournal(request.journalDir);
  if (!records.ok) return records;
  const firstDataRow = table.headerRow + 1;
  const planned = [...chatsWithRows(validation, firstDataRow)].map(({ rows, chat }) => planChat(chat, rows));
  const byRow = resultsByRow(chatResults(planned, UploadState.replay(records.value)));
  const rows = reportRows({ headers: table.headers, rows: dataRows(table) }, byRow, request.lang);
  const bytes = request.format === 'csv' ? toCsv(rows) : toXlsx(rows, request.lang === 'ru' ? 'Результаты' : 'Results');
  try {
    writeFileAtomic(request.path, bytes);
  } catch (error) {
    return fail(cannotWrite(request.path, error));
  }
  return ok({ path: request.path, rows: rows.length - 1 });
}

function* dataRows(table: Table) {
  const firstDataRow = table.headerRow + 1;
  for (let i = 0; i < table.rows.length; i++) yield { row: i + firstDataRow, cells: table.rows[i] ?? [] };
}

function cannotWrite(path: string, error: unknown): Problem {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
  return { code: 'report.unwritable', message: text(`The report ${path} cannot be written (${code}).`, `Не удаётся записать отчёт ${path} (${code}).`) };
}
