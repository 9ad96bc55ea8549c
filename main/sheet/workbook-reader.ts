import type { ParsingOptions, WorkBook, WorkSheet } from 'xlsx';
import { fail, ok, type Result } from '../common/text.ts';
import { CellBudget, resolveLimits } from './limits.ts';
import { hiddenSheet } from './notes.ts';
import { CellConverter } from './sheetjs/cells.ts';
import { problemFromSheetJs } from './sheetjs/errors.ts';
import { sheetToGrid } from './sheetjs/grid.ts';
import { loadCodepagesFor } from './sheetjs/codepages.ts';
import { XLSX } from './sheetjs/library.ts';
import type { ReadNote, SheetFormat, SheetGrid, Workbook, WorkbookReader } from './types.ts';

const PARSING: ParsingOptions = {
  type: 'array',
  // Dense sheets read 1.5–2× faster with less memory (DESIGN.md, Pitfalls).
  dense: true,
  // Dates are converted by us from serials and number formats (cell.z, hence cellNF).
  cellDates: false,
  cellNF: true,
  // Formatted text (.w), formulas, rich text and styles are never used: skip building them.
  cellText: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  bookVBA: false,
  WTF: false,
};

function parse(bytes: Uint8Array, file: string, format: SheetFormat): Result<WorkBook> {
  try {
    return ok(XLSX.read(bytes, PARSING));
  } catch (error) {
    return fail(problemFromSheetJs(error, file, format));
  }
}

function isHidden(book: WorkBook, index: number): boolean {
  const visibility = book.Workbook?.Sheets?.[index]?.Hidden;
  return visibility === 1 || visibility === 2;
}

/**
 * SheetJS keeps sheets in a plain object keyed by name, so a sheet named "__proto__" becomes
 * that object's prototype instead of a key: it is there, one step up. Other names are looked up
 * as own keys only, so "constructor" never finds Object's.
 */
function sheetByName(book: WorkBook, name: string): WorkSheet {
  if (Object.hasOwn(book.Sheets, name)) return book.Sheets[name] ?? {};
  const above: unknown = Object.getPrototypeOf(book.Sheets);
  if (name === '__proto__' && typeof above === 'object' && above !== null && above !== Object.prototype) {
    return above as WorkSheet;
  }
  return {};
}

function convert(book: WorkBook, file: string, format: SheetFormat, budget: CellBudget): Result<Workbook> {
  const converter = new CellConverter(book.Workbook?.WBProps?.date1904 === true);
  const sheets: SheetGrid[] = [];
  const notes: ReadNote[] = [];
  for (const [index, name] of book.SheetNames.entries()) {
    const sheet = sheetByName(book, name);
    const hidden = isHidden(book, index);
    const read = sheetToGrid({ file, name, hidden, sheet }, converter, budget);
    if (!read.ok) return read;
    sheets.push(read.value.grid);
    if (hidden) notes.push(hiddenSheet(file, name));
    notes.push(...read.value.notes);
  }
  return ok({ file, format, sheets, notes });
}

/** Every binary and zipped workbook format, read with SheetJS. */
export const sheetjsReader: WorkbookReader = {
  formats: new Set<SheetFormat>(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods']),
  read(bytes, file, format, options): Result<Workbook> {
    loadCodepagesFor(bytes);
    const book = parse(bytes, file, format);
    if (!book.ok) return book;
    const budget = new CellBudget(resolveLimits(options.limits).maxCells);
    try {
      return convert(book.value, file, format, budget);
    } catch (error) {
      // The workbook's shape comes from an untrusted file; an odd one must fail as a value.
      return fail(problemFromSheetJs(error, file, format));
    }
  },
};
