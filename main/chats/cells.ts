import type { Cell } from '../sheet/types.ts';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A cell as a person would read it in the spreadsheet (dates without a zone, to the second). */
export function displayCell(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const d = new Date(Math.round(cell.getTime() / 1000) * 1000);
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  }
  return String(cell);
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A key that tells equal cells apart from unequal ones, for caches and grouping. */
export function cellKey(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return `\u0000d${cell.getTime()}`;
  return `\u0000${typeof cell}${String(cell)}`;
}
