import type { Cell } from './types.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A naive wall-clock Date as `YYYY-MM-DD hh:mm:ss` (its UTC fields are the wall clock). */
export function formatWallClock(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** A cell as a person would recognise it: no locale, booleans spelled like a spreadsheet does. */
export function renderCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return formatWallClock(cell);
}
