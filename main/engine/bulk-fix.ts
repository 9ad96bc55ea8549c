import { fail, ok, text, type Problem, type Result, type Text } from '../common/text.ts';
import type { Finding } from '../chats/findings.ts';
import { renderCell } from '../sheet/display.ts';
import type { Table } from '../sheet/types.ts';

/** What goes into every cell a rule's findings point at: each finding's own suggested fix, or one value. */
export type BulkAction = { kind: 'suggested' } | { kind: 'value'; value: string };

export interface CellEdit {
  row: number;
  column: number;
  value: string;
}

/** What fixing every finding of one rule can do, told before it is done. */
export interface BulkFixOption {
  /** The rule's first finding in words, and the column it is about: what the issues panel shows of the rule. */
  message: Text;
  column?: string;
  findings: number;
  /** Findings about no column of the file: a field with one value for every chat, an unmapped one, a whole chat. */
  noColumn: number;
  /** Findings in a column that have no suggested fix. */
  noFix: number;
  /** The file's columns the findings are in. */
  columns: string[];
  /** One suggested fix as it would change its cell. */
  example?: { row: number; column: string; before: string; after: string };
}

/** The edits fixing every finding of one rule, and what was left alone. */
export interface BulkFixPlan {
  edits: CellEdit[];
  noFix: number;
  noColumn: number;
}

const columnIndexes = (table: Table) => new Map(table.headers.map((header, i) => [header, i]));
const cellText = (table: Table, index: number, column: number) => renderCell(table.rows[index]?.[column] ?? null);

/** Per rule, how much of it a bulk fix can reach. One pass over the findings, no cell is read but the examples'. */
export function bulkFixOptions(table: Table, findings: readonly Finding[]): Record<string, BulkFixOption> {
  const indexOf = columnIndexes(table);
  const options: Record<string, BulkFixOption> = {};
  const columns = new Map<string, Set<string>>();
  for (const finding of findings) {
    const option = (options[finding.code] ??= { message: finding.message, ...(finding.column === undefined ? {} : { column: finding.column }), findings: 0, noColumn: 0, noFix: 0, columns: [] });
    option.findings++;
    const column = finding.column === undefined ? undefined : indexOf.get(finding.column);
    if (column === undefined) {
      option.noColumn++;
      continue;
    }
    const seen = columns.get(finding.code) ?? new Set<string>();
    columns.set(finding.code, seen.add(finding.column as string));
    if (finding.fix === undefined) option.noFix++;
    else option.example ??= exampleOf(table, finding, column);
  }
  for (const [code, seen] of columns) (options[code] as BulkFixOption).columns = [...seen];
  return options;
}

function exampleOf(table: Table, finding: Finding, column: number): BulkFixOption['example'] {
  const after = finding.fix?.value ?? '';
  const k = finding.rowIndexes.findIndex((i) => cellText(table, i, column) !== after);
  if (k < 0) return undefined;
  return { row: finding.rows[k] as number, column: table.headers[column] as string, before: cellText(table, finding.rowIndexes[k] as number, column), after };
}

/**
 * The cell edits that fix every finding of `code` at once: each cell a finding points at gets the
 * finding's suggested fix, or the one value given. A cell already holding its new value is not
 * edited, so the count says what really changed.
 */
export function planBulkFix(table: Table, findings: readonly Finding[], code: string, action: BulkAction): Result<BulkFixPlan> {
  const indexOf = columnIndexes(table);
  const ofCode = findings.filter((finding) => finding.code === code);
  if (ofCode.length === 0) return fail(noFindings(code));
  const width = table.headers.length;
  const values = new Map<number, string>();
  let noFix = 0;
  let noColumn = 0;
  for (const finding of ofCode) {
    const column = finding.column === undefined ? undefined : indexOf.get(finding.column);
    if (column === undefined) {
      noColumn++;
      continue;
    }
    const value = action.kind === 'value' ? action.value : finding.fix?.value;
    if (value === undefined) {
      noFix++;
      continue;
    }
    for (const index of finding.rowIndexes) if (!values.has(index * width + column)) values.set(index * width + column, value);
  }
  if (noColumn === ofCode.length) return fail(notInColumns(code));
  if (action.kind === 'suggested' && noFix + noColumn === ofCode.length) return fail(noSuggestions(code, noFix));
  const edits: CellEdit[] = [];
  for (const [key, value] of values) {
    const index = Math.floor(key / width);
    const column = key % width;
    if (cellText(table, index, column) !== value) edits.push({ row: index + table.headerRow + 1, column, value });
  }
  return ok({ edits, noFix, noColumn });
}

function noFindings(code: string): Problem {
  return { code: 'bulk_fix.no_findings', message: text(`There are no findings "${code}" left to fix.`, `Находок «${code}» для исправления не осталось.`) };
}

function notInColumns(code: string): Problem {
  return {
    code: 'bulk_fix.no_column',
    message: text(
      `The findings "${code}" are not about a column of the file (the field has one value for every chat, is not mapped, or the problem is the whole chat), so there are no cells to change. Change the mapping instead.`,
      `Находки «${code}» не относятся к столбцу файла (у поля одно значение для всех чатов, оно не сопоставлено или проблема во всём чате), поэтому менять нечего. Измените сопоставление.`,
    ),
  };
}

function noSuggestions(code: string, findings: number): Problem {
  return {
    code: 'bulk_fix.no_suggestion',
    message: text(
      `None of the ${findings.toLocaleString('en')} findings "${code}" has a suggested fix; set a value instead.`,
      `Ни у одной из находок «${code}» (${findings.toLocaleString('ru')}) нет предложенного исправления; задайте значение.`,
    ),
  };
}
