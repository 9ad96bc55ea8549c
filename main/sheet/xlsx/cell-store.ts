import { cellAddress } from '../columns.ts';
import type { CellBudget } from '../limits.ts';
import { tooManyCells } from '../problems.ts';
import { serialToDate } from '../serial-date.ts';
import type { Cell } from '../types.ts';
import { isoDateSerial, parseBoolean, parseIndex, parseNumber } from './cell-values.ts';
import { Refused, Unsupported } from './stops.ts';
import { stringItem } from './string-item.ts';
import { xmlText } from './text.ts';

/*
 * Turns each scanned cell into the value the engine keeps and files it in the sheet's rows,
 * giving what the SheetJS reader gives for the same cell: empty text and error cells are empty,
 * numbers in a date style are wall-clock dates, and a cell SheetJS would not create (a number
 * with no value) leaves its row untouched, so both readers agree on how many rows a sheet has.
 */

/** Cell types, from the `t` attribute. */
export const NUMBER = 0;
export const SHARED = 1;
export const STRING = 2;
export const INLINE = 3;
export const BOOLEAN = 4;
export const ERROR = 5;
export const DATE = 6;

/** Rows handed over early, so a person sees the top of a large sheet while the rest is read. */
const PREVIEW_ROWS = 100;

export interface CellContext {
  file: string;
  sheet: string;
  strings: readonly string[];
  /** 1 for each cellXfs style whose number format is a date. */
  dateStyles: Uint8Array;
  date1904: boolean;
  budget: CellBudget;
  firstRows?: (rows: readonly Cell[][]) => void;
}

export class CellStore {
  readonly rows: Cell[][] = [];
  errors = 0;
  firstError = '';
  badDates = 0;
  firstBadDate = '';
  private cells: Cell[] = [];
  private cellsRow = -1;
  private filled = 0;
  private previewed = false;

  constructor(private readonly context: CellContext) {}

  /** Files one cell; `valueStart` and `inlineStart` are -1 when the cell has no <v> or <is>. */
  put(row: number, column: number, type: number, style: number, buf: Buffer, valueStart: number, valueEnd: number, inlineStart: number, inlineEnd: number): void {
    const value = this.value(row, column, type, style, buf, valueStart, valueEnd, inlineStart, inlineEnd);
    if (value === undefined) return;
    if (row !== this.cellsRow) this.enterRow(row);
    const cells = this.cells;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (value !== null) this.filled++;
  }

  /** Charges the finished row's cells to the workbook's budget. */
  finishRow(): void {
    if (!this.context.budget.take(this.filled)) {
      const { file, sheet, budget } = this.context;
      throw new Refused(tooManyCells(file, sheet, this.cellsRow + 1, budget.max));
    }
    this.filled = 0;
    if (!this.previewed && this.rows.length > PREVIEW_ROWS) this.preview();
  }

  /** Ends the sheet: rows lose trailing empty cells, and stubs below the data add empty rows. */
  finish(lastStubRow: number): Cell[][] {
    this.finishRow();
    const rows = this.rows;
    while (rows.length <= lastStubRow) rows.push([]);
    for (const cells of rows) {
      let length = cells.length;
      while (length > 0 && cells[length - 1] === null) length--;
      cells.length = length;
    }
    if (!this.previewed) this.preview();
    return rows;
  }

  private preview(): void {
    this.previewed = true;
    this.context.firstRows?.(this.rows.slice(0, PREVIEW_ROWS));
  }

  private enterRow(row: number): void {
    if (this.cellsRow >= 0) this.finishRow();
    const rows = this.rows;
    while (rows.length <= row) rows.push([]);
    this.cells = rows[row]!;
    this.cellsRow = row;
  }

  /** The cell's value; undefined when SheetJS would not create the cell at all. */
  private value(row: number, column: number, type: number, style: number, buf: Buffer, valueStart: number, valueEnd: number, inlineStart: number, inlineEnd: number): Cell | undefined {
    const hasValue = valueStart >= 0 && valueEnd > valueStart;
    switch (type) {
      case NUMBER:
        return hasValue ? this.number(parseNumber(buf, valueStart, valueEnd), style, row, column) : undefined;
      case SHARED:
        return hasValue ? this.shared(parseIndex(buf, valueStart, valueEnd)) : undefined;
      case STRING:
        return hasValue ? xmlText(buf, valueStart, valueEnd) || null : null;
      case INLINE:
        return inlineStart >= 0 ? stringItem(buf, inlineStart, inlineEnd) || null : null;
      case BOOLEAN:
        // SheetJS reads a boolean cell with no value as false; that is its call to make.
        if (!hasValue) throw new Unsupported('unusual_cell');
        return parseBoolean(buf, valueStart, valueEnd);
      case ERROR:
        if (this.errors++ === 0) this.firstError = cellAddress(row, column);
        return null;
      default:
        return this.date(buf, valueStart, valueEnd, hasValue);
    }
  }

  private number(value: number, style: number, row: number, column: number): Cell {
    if (style < 0 || this.context.dateStyles[style] !== 1) return value;
    const date = serialToDate(value, this.context.date1904);
    if (date !== null) return date;
    if (this.badDates++ === 0) this.firstBadDate = cellAddress(row, column);
    return value;
  }

  private shared(index: number): Cell {
    const text = this.context.strings[index];
    if (text === undefined) throw new Unsupported('string_index');
    return text === '' ? null : text;
  }

  /**
   * A `t="d"` cell is a date whatever its style; SheetJS turns it into a serial and shows a date
   * only when the style is a date format, which loses nothing here: the same serial, as a date.
   */
  private date(buf: Buffer, start: number, end: number, hasValue: boolean): Cell {
    if (!hasValue) throw new Unsupported('unusual_cell');
    const date = serialToDate(isoDateSerial(buf, start, end, this.context.date1904), this.context.date1904);
    if (date === null) throw new Unsupported('unusual_cell');
    return date;
  }
}
