import type { Cell } from '../sheet/types.ts';

/** Cells are shown as the sheet reader renders them, so findings and profiles agree. */
export { renderCell as displayCell } from '../sheet/display.ts';

export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // Called for every mapped cell of every row: look at the ends before trimming a copy.
  const length = cell.length;
  if (length === 0) return true;
  if (!isSpace(cell.charCodeAt(0)) && !isSpace(cell.charCodeAt(length - 1))) return false;
  return cell.trim() === '';
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** A key that tells equal cells apart from unequal ones, for caches and grouping. */
export function cellKey(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return `\u0000d${cell.getTime()}`;
  return `\u0000${typeof cell}${String(cell)}`;
}
