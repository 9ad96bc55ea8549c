import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import type { Cell, ReadProgress, Table, Workbook } from '../sheet/types.ts';
import { openFile } from '../sheet/open.ts';
import { guessHeaderRow, makeTable } from '../sheet/header.ts';
import { profileColumns } from '../sheet/profile.ts';
import { suggestMapping } from '../mapping/automatch/index.ts';
import { MappingSchema } from '../mapping/model.ts';
import { batchesOf, ValidationSession, type Validation } from '../chats/engine.ts';
import type { EngineReplies, EngineRequest, Stage, ValidationSummary } from './protocol.ts';
import { writePlan, writeReport } from './upload-files.ts';
import { editCells, excludeRows, exportProblems, overlayFor, previewRows, rowsPage, type Overlay } from './review.ts';
import { bulkFixOptions, planBulkFix } from './bulk-fix.ts';
import { ReportCache } from '../upload/report-cache.ts';
import { failedRowsPage, resultsPage } from './results.ts';

export interface WorkerState {
  workbook?: Workbook;
  table?: Table;
  session?: { listsKey: string; session: ValidationSession };
  validation?: Validation;
  overlay?: Overlay;
  /** The last validation asked for, to run again after an edit or an exclusion. */
  lastValidate?: Extract<EngineRequest, { type: 'validate' }>;
  /** Upload reports by journal folder, built where heavy work belongs: off main's thread. */
  reports?: ReportCache;
}

export type Progress = (stage: Stage, done: number, total: number) => void;
/** A sheet's first rows, sent while the rest of the file is still being read. */
export type Preview = (sheet: string, rows: readonly Cell[][]) => void;

/** One engine request, run where the rows live (the worker thread; tests call it directly). */
export function handleRequest(state: WorkerState, request: EngineRequest, progress: Progress, preview?: Preview): Result<unknown> {
  try {
    switch (request.type) {
      case 'open':
        return open(state, request, progress, preview);
      case 'table':
        return selectTable(state, request, progress);
      case 'validate': {
        const validated = validate(state, request, progress);
        if (validated.ok) state.lastValidate = request;
        return validated;
      }
      case 'preview':
        return previewSheet(state, request);
      case 'rows':
        if (!state.table) return fail(noFile());
        return ok(rowsPage(state.table, state.validation, state.overlay, request));
      case 'edit':
      case 'exclude':
        return changeRows(state, request, progress);
      case 'bulkFix':
        return bulkFix(state, request, progress);
      case 'bulkFixOptions':
        if (!state.validation || !state.table) return fail(notValidated());
        return ok(bulkFixOptions(state.table, state.validation.findings));
      case 'exportProblems':
        if (!state.validation || !state.table) return fail(notValidated());
        return exportProblems(state.table, state.validation, request.path, request.format, request.lang);
      case 'findings':
        return findingsPage(state, request);
      case 'emitBatches':
        return emitBatches(state, request.dir, progress);
      case 'plan':
        if (!state.validation || !state.table) return fail(notValidated());
        return writePlan(state.validation, state.table, request.path, (done) => progress('batching', done, state.validation?.validChats ?? done));
      case 'report':
        if (!state.validation || !state.table) return fail(notValidated());
        return writeReport(state.validation, state.table, request);
      case 'results':
        return resultsPage(reportsOf(state), request);
      case 'failedRows':
        if (!state.table) return fail(noFile());
        return failedRowsPage(reportsOf(state), { table: state.table, validation: state.validation, overlay: state.overlay }, request);
    }
  } catch (error) {
    // A bug must still reach the person as a clear message, never a silent dead worker.
    return fail({
      code: 'engine.internal',
      message: text(
        `Internal error in the import engine: ${error instanceof Error ? error.message : String(error)}`,
        `Внутренняя ошибка модуля импорта: ${error instanceof Error ? error.message : String(error)}`,
      ),
    });
  }
}

/**
 * Progress by bytes as a streaming reader consumes the file, at most once per percent so a
 * large file does not flood main with messages.
 */
function readProgress(progress: Progress, preview: Preview | undefined): ReadProgress {
  let reported = -1;
  return {
    bytes(done, total) {
      const percent = Math.floor((100 * done) / Math.max(1, total));
      if (percent === reported) return;
      reported = percent;
      progress('reading', done, total);
    },
    firstRows: preview,
  };
}

function open(
  state: WorkerState,
  request: Extract<EngineRequest, { type: 'open' }>,
  progress: Progress,
  preview: Preview | undefined,
): Result<EngineReplies['open']> {
  progress('reading', 0, 1);
  const read = openFile(request.path, {
    encoding: request.encoding,
    delimiter: request.delimiter,
    progress: readProgress(progress, preview),
  });
  if (!read.ok) return read;
  const workbook = read.value;
  Object.assign(state, { workbook, table: undefined, session: undefined, validation: undefined, overlay: undefined, lastValidate: undefined });
  progress('reading', 1, 1);
  return ok({
    file: workbook.file,
    format: workbook.format,
    text: workbook.text,
    notes: workbook.notes,
    sheets: workbook.sheets.map((sheet) => {
      const guess = guessHeaderRow(sheet);
      return { name: sheet.name, hidden: sheet.hidden, rows: sheet.rows.length, headerRow: guess.row, headerConfidence: guess.confidence };
    }),
  });
}

function selectTable(
  state: WorkerState,
  request: Extract<EngineRequest, { type: 'table' }>,
  progress: Progress,
): Result<EngineReplies['table']> {
  const workbook = state.workbook;
  if (!workbook) return fail(noFile());
  const sheet =
    request.sheet === undefined
      ? (workbook.sheets.find((s) => !s.hidden && s.rows.length > 0) ?? workbook.sheets[0])
      : workbook.sheets.find((s) => s.name === request.sheet);
  if (!sheet) {
    const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
    return fail({
      code: 'sheet.not_found',
      file: workbook.file,
      sheet: request.sheet,
      message: text(
        `${workbook.file} has no sheet "${request.sheet ?? ''}"; its sheets are ${names}.`,
        `В файле ${workbook.file} нет листа «${request.sheet ?? ''}»; есть листы ${names}.`,
      ),
    });
  }
  const headerGuessed = request.headerRow === undefined;
  const headerRow = request.headerRow ?? guessHeaderRow(sheet).row;
  const made = makeTable(sheet, workbook.file, headerRow);
  if (!made.ok) return made;
  const table = made.value;
  // A new table starts a new review: edits and exclusions belonged to the rows of the last one.
  Object.assign(state, { table, session: undefined, validation: undefined, overlay: undefined, lastValidate: undefined });
  progress('profiling', 0, 1);
  const profiles = profileColumns(table);
  const suggestion = suggestMapping(table);
  progress('profiling', 1, 1);
  return ok({
    file: table.file,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headerGuessed,
    headers: table.headers,
    rowCount: table.rows.length,
    profiles,
    suggestion,
  });
}

function validate(
  state: WorkerState,
  request: Extract<EngineRequest, { type: 'validate' }>,
  progress: Progress,
): Result<ValidationSummary> {
  const table = state.table;
  if (!table) return fail(noFile());
  const parsed = MappingSchema.safeParse(request.mapping);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return fail({
      code: 'mapping.invalid',
      message: text(`The mapping is not valid: ${where}`, `Сопоставление некорректно: ${where}`),
    });
  }
  const { employees, sites, campaigns, now } = request;
  const listsKey = JSON.stringify([employees, sites, campaigns]);
  if (!state.session || state.session.listsKey !== listsKey) {
    const context = { employees, sites, campaigns, now: now === undefined ? Date.now : () => now };
    state.session = { listsKey, session: new ValidationSession(table, context) };
  }
  progress('validating', 0, table.rows.length);
  const started = performance.now();
  const result = state.session.session.validate(parsed.data);
  if (!result.ok) return result;
  state.validation = result.value;
  const { findings, drafts: _drafts, grouping: _grouping, columns: _columns, ...summary } = result.value;
  progress('validating', table.rows.length, table.rows.length);
  return ok({ ...summary, findingCount: findings.length, tookMs: Math.round(performance.now() - started) });
}

function findingsPage(
  state: WorkerState,
  request: Extract<EngineRequest, { type: 'findings' }>,
): Result<EngineReplies['findings']> {
  if (!state.validation) return fail(notValidated());
  return ok(state.validation.findings.slice(request.offset, request.offset + request.limit));
}

/** Each batch is written to a temporary name and renamed, so a crash leaves no half-written file. */
function emitBatches(state: WorkerState, dir: string, progress: Progress): Result<EngineReplies['emitBatches']> {
  const validation = state.validation;
  if (!validation) return fail(notValidated());
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let chats = 0;
  for (const batch of batchesOf(validation)) {
    const name = `batch-${String(files.length + 1).padStart(4, '0')}.json`;
    const path = join(dir, name);
    writeFileSync(`${path}.tmp`, Buffer.concat([Buffer.from('{"chats":'), batch.json, Buffer.from('}')]));
    renameSync(`${path}.tmp`, path);
    files.push(name);
    chats += batch.chatIndexes.length;
    progress('batching', chats, validation.validChats);
  }
  return ok({ dir, files, batches: files.length, chats });
}

function previewSheet(state: WorkerState, request: Extract<EngineRequest, { type: 'preview' }>): Result<EngineReplies['preview']> {
  const sheet = state.workbook?.sheets.find((s) => s.name === request.sheet);
  if (!sheet) return fail(noFile());
  return ok({ rows: previewRows(sheet.rows, request.count) });
}

/**
 * An edit or an exclusion, then the same validation again. The session's columns are normalised
 * again for the changed rows only; a failed change may have applied part of its rows, so then the
 * session starts afresh.
 */
function changeRows(state: WorkerState, request: Extract<EngineRequest, { type: 'edit' | 'exclude' }>, progress: Progress): Result<ValidationSummary> {
  const table = state.table;
  const again = state.lastValidate;
  if (!table || !again || !state.validation) return fail(notValidated());
  const overlay = overlayFor(table, state.overlay);
  state.overlay = overlay;
  const changed = request.type === 'edit' ? editCells(overlay, request.edits) : excludeRows(overlay, request.rows, request.excluded);
  if (!changed.ok) {
    state.session = undefined;
    return changed;
  }
  const rows = request.type === 'edit' ? request.edits.map((edit) => edit.row) : request.rows;
  state.session?.session.rowsChanged(rows.map((row) => row - table.headerRow - 1));
  return validate(state, again, progress);
}

/** Every finding of one rule fixed by ordinary edits (the overlay's), validated once after the last. */
function bulkFix(state: WorkerState, request: Extract<EngineRequest, { type: 'bulkFix' }>, progress: Progress): Result<EngineReplies['bulkFix']> {
  if (!state.validation || !state.table) return fail(notValidated());
  const plan = planBulkFix(state.table, state.validation.findings, request.code, request.action);
  if (!plan.ok) return plan;
  const validation = changeRows(state, { type: 'edit', edits: plan.value.edits }, progress);
  return validation.ok ? ok({ ...plan.value, validation: validation.value }) : validation;
}

function reportsOf(state: WorkerState): ReportCache {
  state.reports ??= new ReportCache();
  return state.reports;
}

function noFile(): Problem {
  return { code: 'engine.no_file', message: text('No spreadsheet is open.', 'Таблица не открыта.') };
}

function notValidated(): Problem {
  return { code: 'engine.not_validated', message: text('The rows have not been validated yet.', 'Строки ещё не проверены.') };
}
