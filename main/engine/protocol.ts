import type { Problem, Result } from '../common/text.ts';
import type { Cell, ColumnProfile, Delimiter, ReadNote, SheetFormat, TextEncoding, TextSettings } from '../sheet/types.ts';
import type { Mapping, MappingInput } from '../mapping/model.ts';
import type { Finding } from '../chats/findings.ts';
import type { Employee } from '../chats/normalise/employees.ts';
import type { Suggestion } from '../mapping/automatch/index.ts';
import type { Validation } from '../chats/engine.ts';
import type { AccountIds } from '../chats/account-ids.ts';
import type { PlanWritten, ReportWritten } from './upload-files.ts';
import type { ResultsPage, ResultsRequest } from './results.ts';
import type { RowView } from './review.ts';
import type { BulkAction, BulkFixOption, BulkFixPlan } from './bulk-fix.ts';

/**
 * Messages between main and the engine worker. Rows stay in the worker (DESIGN.md pitfalls):
 * only summaries and pages cross the thread boundary.
 */
export type EngineRequest =
  | { type: 'open'; path: string; encoding?: TextEncoding; delimiter?: Delimiter }
  | { type: 'table'; sheet?: string; headerRow?: number }
  | ({ type: 'validate'; mapping: MappingInput; employees: Employee[]; now?: number } & AccountIds)
  | { type: 'findings'; offset: number; limit: number }
  | { type: 'emitBatches'; dir: string }
  | { type: 'plan'; path: string }
  | { type: 'preview'; sheet: string; count: number }
  | { type: 'rows'; offset: number; limit: number; onlyProblems: boolean; code?: string | undefined }
  /** Several cells at once (a project's edits), validated once after the last. */
  | { type: 'edit'; edits: { row: number; column: number; value: string }[] }
  | { type: 'exclude'; rows: number[]; excluded: boolean }
  | { type: 'exportProblems'; path: string; format: 'csv' | 'xlsx'; lang: 'en' | 'ru' }
  | { type: 'report'; journalDir: string; path: string; format: 'csv' | 'xlsx'; lang: 'en' | 'ru' }
  /** The per-chat report a page at a time, and the grid rows of the chats CallGear refused. */
  | ({ type: 'results' } & ResultsRequest)
  | { type: 'failedRows'; journalDir: string; offset: number; limit: number }
  /** Every finding of one rule fixed by ordinary edits, in one request however many cells. */
  | { type: 'bulkFix'; code: string; action: BulkAction }
  | { type: 'bulkFixOptions' };

export interface WorkbookSummary {
  file: string;
  format: SheetFormat;
  text?: TextSettings;
  notes: ReadNote[];
  sheets: { name: string; hidden: boolean; rows: number; headerRow: number; headerConfidence: number }[];
}

export interface TableSummary {
  file: string;
  sheet: string;
  headerRow: number;
  headerGuessed: boolean;
  headers: string[];
  rowCount: number;
  profiles: ColumnProfile[];
  suggestion: Suggestion;
}

export type ValidationSummary = Omit<Validation, 'findings' | 'drafts' | 'grouping' | 'columns' | 'mapping'> & {
  mapping: Mapping;
  findingCount: number;
  /** Milliseconds spent validating (re-validation after an edit reuses unchanged fields). */
  tookMs: number;
};

export interface BatchesWritten {
  dir: string;
  files: string[];
  batches: number;
  chats: number;
}

export interface EngineReplies {
  open: WorkbookSummary;
  table: TableSummary;
  validate: ValidationSummary;
  findings: Finding[];
  emitBatches: BatchesWritten;
  plan: PlanWritten;
  preview: { rows: string[][] };
  rows: { total: number; rows: RowView[] };
  edit: ValidationSummary;
  exclude: ValidationSummary;
  exportProblems: { path: string; rows: number };
  report: ReportWritten;
  results: ResultsPage;
  failedRows: { total: number; rows: RowView[] };
  bulkFix: BulkFixPlan & { validation: ValidationSummary };
  bulkFixOptions: Record<string, BulkFixOption>;
}

export type Stage = 'reading' | 'parsing' | 'profiling' | 'validating' | 'batching';

export type WorkerMessage =
  | { kind: 'reply'; id: number; result: Result<unknown, Problem> }
  | { kind: 'progress'; id: number; stage: Stage; done: number; total: number }
  /** A sheet's first rows while the rest of the file is still being read (xlsx/xlsm). */
  | { kind: 'preview'; id: number; sheet: string; rows: Cell[][] };
