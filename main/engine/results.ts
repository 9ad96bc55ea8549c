import { ok, text, type Result } from '../common/text.ts';
import type { ChatOutcome, OutcomeCounts } from '../contract/results.ts';
import type { Validation } from '../chats/engine.ts';
import type { Table } from '../sheet/types.ts';
import type { ReportCache } from '../upload/report-cache.ts';
import type { FailedRows, ReportFilter } from '../upload/report-view.ts';
import type { ChatResult } from '../upload/results.ts';
import { rowsPage, type Overlay, type RowView } from './review.ts';

export interface ResultsPage {
  total: number;
  counts: OutcomeCounts;
  chats: ChatOutcome[];
}

export type ResultsRequest = ReportFilter & { journalDir: string; offset: number; limit: number };

function outcomeOf(result: ChatResult): ChatOutcome {
  const chat: ChatOutcome = { rows: result.rows, outcome: result.state };
  if (result.id !== undefined) chat.id = result.id;
  if (result.code !== undefined) chat.code = result.code;
  if (result.message !== undefined) chat.message = result.message;
  return chat;
}

/** A page of the per-chat report; the journal is read again only when it changed. */
export function resultsPage(reports: ReportCache, request: ResultsRequest): Result<ResultsPage> {
  const view = reports.view(request.journalDir);
  if (!view.ok) return view;
  const page = view.value.page(request, request.offset, request.limit);
  return ok({ total: page.total, counts: page.counts, chats: page.chats.map(outcomeOf) });
}

/** The refusal, on the row's own findings, so the grid marks the row and the panel says why. */
function withRefusal(row: RowView, failed: FailedRows): RowView {
  const error = failed.errors.get(row.row);
  if (error === undefined) return row;
  const message = text(`In the last upload: ${error.message.en}`, `При последней загрузке: ${error.message.ru}`);
  return { ...row, findings: [...row.findings, { code: error.code, severity: 'error', rowIndexes: [], rows: [row.row], message }] };
}

/** A page of the grid's rows of the chats CallGear refused, as the journal in `journalDir` records them. */
export function failedRowsPage(
  reports: ReportCache,
  sheet: { table: Table; validation: Validation | undefined; overlay: Overlay | undefined },
  request: { journalDir: string; offset: number; limit: number },
): Result<{ total: number; rows: RowView[] }> {
  const view = reports.view(request.journalDir);
  if (!view.ok) return view;
  const failed = view.value.failedRows();
  const only = failed.rows.slice(request.offset, request.offset + request.limit);
  const page = rowsPage(sheet.table, sheet.validation, sheet.overlay, { offset: 0, limit: only.length, onlyProblems: false, only });
  return ok({ total: failed.rows.length, rows: page.rows.map((row) => withRefusal(row, failed)) });
}
