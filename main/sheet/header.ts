import { fail, ok, type Result } from '../common/text.ts';
import { columnLetter } from './columns.ts';
import { renderCell } from './display.ts';
import { headerRowOutOfRange, noDataRows, sheetEmpty } from './problems.ts';
import type { Cell, SheetGrid, Table } from './types.ts';

/** Title and blank rows above a header rarely run past this. */
const SCAN_ROWS = 50;
/** Rows below a candidate compared with it. */
const LOOKAHEAD = 10;
/** Longer texts read as data (messages), not column names. */
const MAX_HEADER_CHARS = 80;
/** The score a row needs to be taken as the header without doubt. */
const HEADER_SCORE = 0.5;
/** Confidence reported when no row looked like a header and the first filled row is used. */
const FALLBACK_CONFIDENCE = 0.2;

const isBlank = (row: readonly Cell[] | undefined): boolean => row === undefined || row.every((cell) => cell === null);

/** Index after the last filled cell. */
function widthOf(row: readonly Cell[]): number {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return end;
}

/** How much the next filled rows look as wide as this one, 0…1. */
function similarityBelow(rows: readonly Cell[][], index: number, width: number): number {
  const ratios: number[] = [];
  for (let i = index + 1; i < rows.length && ratios.length < LOOKAHEAD; i++) {
    const below = widthOf(rows[i] ?? []);
    if (below > 0) ratios.push(Math.min(below, width) / Math.max(below, width));
  }
  // A header with nothing below is a header-only sheet: plausible, not proven.
  if (ratios.length === 0) return 0.6;
  return ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
}

/**
 * How much a row looks like a header, 0…1: mostly filled with short, distinct texts, and as wide
 * as the rows below it (a title such as "Chat export 2024" is one cell above a wider table).
 */
function headerScore(rows: readonly Cell[][], index: number): number {
  const row = rows[index] ?? [];
  const width = widthOf(row);
  if (width === 0) return 0;
  const names = new Set<string>();
  let filled = 0;
  let texts = 0;
  for (const cell of row) {
    if (cell === null) continue;
    filled++;
    if (typeof cell !== 'string') continue;
    const name = cell.trim();
    if (name === '' || name.length > MAX_HEADER_CHARS) continue;
    texts++;
    names.add(name.toLowerCase());
  }
  const fill = filled / width;
  const textShare = texts / filled;
  const distinct = texts === 0 ? 0 : names.size / texts;
  return fill * textShare * distinct * similarityBelow(rows, index, width);
}

/**
 * The 1-based row that most likely holds the column names: the first one that scores as a
 * header, else the first filled row with low confidence (a sheet without names at all).
 */
export function guessHeaderRow(grid: SheetGrid): { row: number; confidence: number } {
  const limit = Math.min(grid.rows.length, SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const score = headerScore(grid.rows, index);
    if (score >= HEADER_SCORE) return { row: index + 1, confidence: Math.round(score * 100) / 100 };
  }
  const first = grid.rows.findIndex((row) => !isBlank(row));
  return first === -1 ? { row: 1, confidence: 0 } : { row: first + 1, confidence: FALLBACK_CONFIDENCE };
}

/** A header cell as a name: spaces and line breaks collapsed, blanks named by their column letter. */
function headerName(cell: Cell | undefined, index: number): string {
  const name = renderCell(cell ?? null).replace(/\s+/g, ' ').trim();
  return name === '' ? `Column ${columnLetter(index)}` : name;
}

/** Unique names for every column: a repeat gets " (2)", " (3)", … */
function uniqueNames(header: readonly Cell[], width: number): string[] {
  const used = new Set<string>();
  const names: string[] = [];
  for (let index = 0; index < width; index++) {
    const base = headerName(header[index], index);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    names.push(name);
  }
  return names;
}

/**
 * The table under a chosen header row. Every row below it is kept (blank ones too) so row
 * numbers match the spreadsheet; columns with data but no name still get one.
 */
export function makeTable(grid: SheetGrid, file: string, headerRow: number): Result<Table> {
  const { name: sheet, rows } = grid;
  if (rows.every(isBlank)) return fail(sheetEmpty(file, sheet));
  if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > rows.length) {
    return fail(headerRowOutOfRange(file, sheet, headerRow, rows.length));
  }
  const data = rows.slice(headerRow);
  if (data.every(isBlank)) return fail(noDataRows(file, sheet, headerRow));
  const header = rows[headerRow - 1] ?? [];
  const width = data.reduce((widest, row) => Math.max(widest, widthOf(row)), widthOf(header));
  return ok({ file, sheet, headers: uniqueNames(header, width), headerRow, rows: data });
}
