import * as fs from 'node:fs';
import { join } from 'node:path';
import { fail, ok, text, type Result } from '../common/text.ts';
import { errorCode } from '../files/json-file.ts';
import { JOURNAL_FILE, readJournal } from './journal.ts';
import { PLAN_FILE, planRows } from './plan-file.ts';
import type { JournalRecord } from './records.ts';
import { ReportView } from './report-view.ts';
import { chatResults, type ChatRows } from './results.ts';
import { UploadState } from './state.ts';

/** What building a report reads; tests count the reads to see the cache at work. */
export interface ReportFiles {
  /** Changes whenever the journal or the plan does (their sizes and times). */
  stamp(dir: string): string;
  journal(dir: string): Result<JournalRecord[]>;
  /** The planned chats' keys and rows; `undefined` when the folder has no plan. */
  plan(dir: string): Result<ChatRows[] | undefined>;
}

function statOf(path: string): string {
  try {
    const stat = fs.statSync(path);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return '-';
  }
}

export const nodeReportFiles: ReportFiles = {
  stamp: (dir) => `${statOf(join(dir, JOURNAL_FILE))}|${statOf(join(dir, PLAN_FILE))}`,
  journal: (dir) => readJournal(dir),
  plan(dir) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(join(dir, PLAN_FILE));
    } catch (error) {
      const code = errorCode(error) ?? 'EIO';
      if (code === 'ENOENT') return ok(undefined);
      return fail({ code: 'plan.unreadable', message: text(`The upload plan in ${dir} cannot be read (${code}).`, `Не удаётся прочитать план загрузки в ${dir} (${code}).`) });
    }
    return planRows(bytes);
  },
};

/** Every chat of the plan with what the journal knows of it; without a plan, the chats the journal knows. */
export function loadReport(dir: string, files: ReportFiles): Result<ReportView> {
  const records = files.journal(dir);
  if (!records.ok) return records;
  const state = UploadState.replay(records.value);
  const planned = files.plan(dir);
  if (!planned.ok) return planned;
  const chats = planned.value ?? [...state.chats.values()].sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
  return ok(new ReportView(chatResults(chats, state)));
}

/**
 * Reports by journal folder, built once and kept while neither the journal nor the plan changes:
 * a page of a 100,000-chat report then costs two `stat` calls, not a read of the journal.
 */
export class ReportCache {
  private readonly views = new Map<string, { stamp: string; view: ReportView }>();

  constructor(
    private readonly files: ReportFiles = nodeReportFiles,
    private readonly keep = 2,
  ) {}

  view(dir: string): Result<ReportView> {
    const stamp = this.files.stamp(dir);
    const known = this.views.get(dir);
    if (known?.stamp === stamp) return ok(known.view);
    const loaded = loadReport(dir, this.files);
    if (!loaded.ok) return loaded;
    this.views.delete(dir);
    this.views.set(dir, { stamp, view: loaded.value });
    // The oldest report goes first: a Map iterates in insertion order.
    if (this.views.size > this.keep) this.views.delete(this.views.keys().next().value as string);
    return loaded;
  }
}
