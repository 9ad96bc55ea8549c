import * as XLSX from 'xlsx';
import { formatWallClock } from '../sheet/display.ts';
import type { ChatResult } from './results.ts';

/**
 * A report cell that a spreadsheet would run as a formula (`= + - @`, or a tab or CR first) gets
 * a leading apostrophe, the OWASP advice against CSV injection: chat texts are untrusted input.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type ReportCell = string | number | boolean | Date | null;

export interface ReportSource {
  headers: readonly string[];
  /** Data rows with their spreadsheet row numbers. */
  rows: Iterable<{ row: number; cells: readonly ReportCell[] }>;
}

export type Language = 'en' | 'ru';

const COLUMNS: Record<Language, string[]> = {
  en: ['Row', 'Result', 'CallGear chat id', 'Error code', 'Error'],
  ru: ['Строка', 'Результат', 'ID чата в CallGear', 'Код ошибки', 'Ошибка'],
};

const STATES: Record<Language, Record<ChatResult['state'] | 'not-uploaded', string>> = {
  en: { accepted: 'uploaded', rejected: 'rejected', unknown: 'unknown', pending: 'not sent', skipped: 'skipped', 'not-uploaded': 'not uploaded' },
  ru: { accepted: 'загружен', rejected: 'отклонён', unknown: 'неизвестно', pending: 'не отправлен', skipped: 'пропущен', 'not-uploaded': 'не загружен' },
};

/** The original rows with the result columns in front, every text neutralised. */
export function reportRows(source: ReportSource, byRow: ReadonlyMap<number, ChatResult>, language: Language): ReportCell[][] {
  const out: ReportCell[][] = [[...COLUMNS[language], ...source.headers].map(neutralise)];
  for (const { row, cells } of source.rows) {
    const result = byRow.get(row);
    const state = STATES[language][result?.state ?? 'not-uploaded'];
    const message = result?.message?.[language] ?? '';
    // Dates are wall-clock values: written as text, so no spreadsheet shifts them by a time zone.
    const own = cells.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell instanceof Date ? formatWallClock(cell) : cell));
    out.push([row, state, result?.id ?? null, result?.code ?? null, neutralise(message), ...own]);
  }
  return out;
}

function csvField(cell: ReportCell): string {
  if (cell === null) return '';
  const text = cell instanceof Date ? formatWallClock(cell) : String(cell);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM, so Excel opens Cyrillic correctly; CRLF line ends as RFC 4180 asks. */
export function toCsv(rows: readonly ReportCell[][]): Buffer {
  const lines = rows.map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function toXlsx(rows: readonly ReportCell[][], sheetName: string): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows as ReportCell[][]), sheetName.slice(0, 31));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
