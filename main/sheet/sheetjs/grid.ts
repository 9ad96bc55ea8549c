import type { CellObject, Range, WorkSheet } from 'xlsx';
import { fail, ok, type Result } from '../../common/text.ts';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type CellBudget } from '../limits.ts';
import { fillMerges } from '../merges.ts';
import { datesOutOfRange, errorCells, mergedCells } from '../notes.ts';
import { cellOutsideSheet, tooManyCells } from '../problems.ts';
import type { Cell, MergeRange, ReadNote, SheetGrid } from '../types.ts';
import { noOddities, type CellConverter, type CellOddities } from './cells.ts';
import { XLSX } from './library.ts';

type SheetRows = readonly (readonly (CellObject | undefined)[] | undefined)[];

export interface SheetSource {
  file: string;
  name: string;
  hidden: boolean;
  sheet: WorkSheet;
}

/** One row's cells, without trailing empties; SheetJS leaves holes where nothing was written. */
function convertRow(source: readonly (CellObject | undefined)[], row: number, converter: CellConverter, oddities: CellOddities): Cell[] {
  const cells: Cell[] = [];
  let last = -1;
  for (let column = 0; column < source.length; column++) {
    const cell = source[column];
    const value = cell === undefined || cell === null ? null : converter.convert(cell, row, column, oddities);
    cells.push(value);
    if (value !== null) last = column;
  }
  cells.length = last + 1;
  return cells;
}

/** Chart sheets come back keyed by address ("A1") even when dense sheets are asked for. */
function rowsOf(sheet: WorkSheet): SheetRows {
  const dense = sheet['!data'];
  if (dense !== undefined) return dense;
  const rows: CellObject[][] = [];
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    (rows[r] ??= [])[c] = sheet[key] as CellObject;
  }
  return rows;
}

/** The last row holding anything, found without walking the holes before it. */
function lastRowOf(data: SheetRows): number {
  let last = -1;
  for (const key of Object.keys(data)) last = Math.max(last, Number(key));
  return last;
}

function filledCount(cells: readonly Cell[]): number {
  let count = 0;
  for (const cell of cells) if (cell !== null) count++;
  return count;
}

const toMerge = (range: Range): MergeRange => ({
  firstRow: range.s.r,
  firstColumn: range.s.c,
  lastRow: range.e.r,
  lastColumn: range.e.c,
});

function notesFor(name: string, merges: number, oddities: CellOddities): ReadNote[] {
  const notes: ReadNote[] = [];
  if (merges > 0) notes.push(mergedCells(name, merges));
  if (oddities.errors > 0) notes.push(errorCells(name, oddities.errors, oddities.firstError));
  if (oddities.badDates > 0) notes.push(datesOutOfRange(name, oddities.badDates, oddities.firstBadDate));
  return notes;
}

/**
 * A dense SheetJS sheet as a grid: `rows[i]` is spreadsheet row i + 1 because dense `!data` is
 * indexed from A1 whatever the sheet's used range, and rows SheetJS skipped become [].
 */
export function sheetToGrid(
  source: SheetSource,
  converter: CellConverter,
  budget: CellBudget,
): Result<{ grid: SheetGrid; notes: ReadNote[] }> {
  const { file, name, hidden, sheet } = source;
  const data = rowsOf(sheet);
  const oddities = noOddities();
  const rows: Cell[][] = [];
  // Damage can put a cell at row 4,294,967,044: walking up to it would never end.
  if (data.length > MAX_SHEET_ROWS) return fail(cellOutsideSheet(file, name, lastRowOf(data) + 1));
  for (let row = 0; row < data.length; row++) {
    const cells = data[row];
    if (cells && cells.length > MAX_SHEET_COLUMNS) return fail(cellOutsideSheet(file, name, row + 1));
    const converted = cells ? convertRow(cells, row, converter, oddities) : [];
    if (!budget.take(filledCount(converted))) return fail(tooManyCells(file, name, row + 1, budget.max));
    rows.push(converted);
  }
  const merges = (sheet['!merges'] ?? []).map(toMerge);
  if (!fillMerges(rows, merges, budget)) return fail(tooManyCells(file, name, rows.length, budget.max));
  return ok({ grid: { name, hidden, rows, merges }, notes: notesFor(name, merges.length, oddities) });
}
