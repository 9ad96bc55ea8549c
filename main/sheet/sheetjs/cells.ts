import type { CellObject } from 'xlsx';
import { cellAddress } from '../columns.ts';
import { serialToDate } from '../serial-date.ts';
import type { Cell } from '../types.ts';
import { numberFormats } from './library.ts';

/** Cells that could not be read as what they look like, counted per sheet for one note each. */
export interface CellOddities {
  errors: number;
  firstError: string;
  badDates: number;
  firstBadDate: string;
}

export const noOddities = (): CellOddities => ({ errors: 0, firstError: '', badDates: 0, firstBadDate: '' });

/**
 * An elapsed-time format ([h]:mm) shows a duration, not a moment: "36:00" is a day and a half,
 * not a date, so such numbers stay numbers.
 */
const ELAPSED = /\[(h+|m+|s+)\]/i;

/** Turns SheetJS cells into our cells for one workbook, remembering which formats are dates. */
export class CellConverter {
  private readonly dateFormats = new Map<string, boolean>();

  constructor(private readonly date1904: boolean) {}

  private isDateFormat(format: string): boolean {
    let known = this.dateFormats.get(format);
    if (known === undefined) {
      known = !ELAPSED.test(format) && numberFormats.is_date(format);
      this.dateFormats.set(format, known);
    }
    return known;
  }

  private number(value: number, format: unknown, row: number, column: number, oddities: CellOddities): Cell {
    if (typeof format !== 'string' || !this.isDateFormat(format)) return value;
    const date = serialToDate(value, this.date1904);
    if (date !== null) return date;
    if (oddities.badDates++ === 0) oddities.firstBadDate = cellAddress(row, column);
    return value;
  }

  /** `row` and `column` are 0-based; they only name the cell in notes. */
  convert(cell: CellObject, row: number, column: number, oddities: CellOddities): Cell {
    const { v } = cell;
    switch (cell.t) {
      case 's':
        return typeof v === 'string' && v !== '' ? v : null;
      case 'n':
        return typeof v === 'number' ? this.number(v, cell.z, row, column, oddities) : null;
      case 'b':
        return typeof v === 'boolean' ? v : null;
      case 'd':
        // SheetJS sends Dates only when asked (cellDates), which we never do; kept as a wall clock.
        return v instanceof Date ? new Date(Math.round(v.getTime() / 1000) * 1000) : null;
      case 'e':
        if (oddities.errors++ === 0) oddities.firstError = cellAddress(row, column);
        return null;
      case 'z':
        return null;
    }
  }
}
