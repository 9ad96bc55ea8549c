import type { Text } from '../common/text.ts';
import type { ChatResult, ResultState } from './results.ts';

export type Language = 'en' | 'ru';
export type Counts = Record<ResultState, number>;

export interface ReportFilter {
  outcome?: ResultState | undefined;
  /** A row number or a CallGear chat id, or words that must all appear in the error. */
  text: string;
  language: Language;
}

export interface ReportPage {
  total: number;
  counts: Counts;
  chats: ChatResult[];
}

/** The rows of the chats CallGear refused, in sheet order, and why each was refused. */
export interface FailedRows {
  rows: number[];
  errors: Map<number, { code: string; message: Text }>;
}

/** A rejection's words come from CallGear's reply; a journal line without them still says what happened. */
const REFUSED: Text = { en: 'CallGear refused this chat.', ru: 'CallGear отклонил этот чат.' };

const noCounts = (): Counts => ({ accepted: 0, rejected: 0, unknown: 0, skipped: 0, pending: 0 });

/** Whether a chat fits the typed text: a number names a row or a chat id; words search the error. */
export function textMatcher(typed: string, language: Language): (result: ChatResult) => boolean {
  const query = typed.trim().toLowerCase();
  if (query === '') return () => true;
  const words = query.split(/\s+/);
  const number = /^\d+$/.test(query) ? Number(query) : undefined;
  return (result) => {
    if (number !== undefined && (result.id === number || result.rows.includes(number))) return true;
    const said = `${result.code ?? ''} ${result.message?.[language] ?? ''}`.toLowerCase();
    return words.every((word) => said.includes(word));
  };
}

/**
 * The per-chat report of one journal, filtered and paged. The last filter's matches are kept, so
 * paging through a filter of 100,000 chats slices an array instead of searching again.
 */
export class ReportView {
  private last: { key: string; matches: number[]; counts: Counts } | undefined;
  private failed: FailedRows | undefined;

  constructor(readonly results: readonly ChatResult[]) {}

  page(filter: ReportFilter, offset: number, limit: number): ReportPage {
    const { matches, counts } = this.matching(filter);
    const chats = matches.slice(offset, offset + limit).map((index) => this.results[index] as ChatResult);
    return { total: matches.length, counts, chats };
  }

  failedRows(): FailedRows {
    if (this.failed !== undefined) return this.failed;
    const errors = new Map<number, { code: string; message: Text }>();
    for (const result of this.results) {
      if (result.state !== 'rejected') continue;
      const error = { code: result.code ?? 'upload.rejected', message: result.message ?? REFUSED };
      for (const row of result.rows) errors.set(row, error);
    }
    this.failed = { rows: [...errors.keys()].sort((a, b) => a - b), errors };
    return this.failed;
  }

  private matching(filter: ReportFilter): { matches: number[]; counts: Counts } {
    const key = JSON.stringify([filter.outcome ?? null, filter.text.trim().toLowerCase(), filter.language]);
    if (this.last?.key === key) return this.last;
    const fits = textMatcher(filter.text, filter.language);
    const counts = noCounts();
    const matches: number[] = [];
    this.results.forEach((result, index) => {
      if (!fits(result)) return;
      counts[result.state] += 1;
      if (filter.outcome === undefined || filter.outcome === result.state) matches.push(index);
    });
    this.last = { key, matches, counts };
    return this.last;
  }
}
