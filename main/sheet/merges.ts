import type { CellBudget } from './limits.ts';
import type { Cell, MergeRange } from './types.ts';

function setCell(rows: Cell[][], row: number, column: number, value: Cell): void {
  while (rows.length <= row) rows.push([]);
  const cells = rows[row] ?? [];
  while (cells.length < column) cells.push(null);
  cells[column] = value;
  rows[row] = cells;
}

/**
 * Copies each range's top-left value into every cell of the range, so a value merged across
 * rows (a chat id spanning its messages) is there on every row. Checks the whole range against
 * the budget first: one A1:XFD1048576 merge must not be filled cell by cell before failing.
 * Returns false when the budget ran out.
 */
export function fillMerges(rows: Cell[][], merges: readonly MergeRange[], budget: CellBudget): boolean {
  for (const merge of merges) {
    const value = rows[merge.firstRow]?.[merge.firstColumn] ?? null;
    if (value === null) continue;
    const area = (merge.lastRow - merge.firstRow + 1) * (merge.lastColumn - merge.firstColumn + 1) - 1;
    if (!budget.take(area)) return false;
    for (let row = merge.firstRow; row <= merge.lastRow; row++) {
      for (let column = merge.firstColumn; column <= merge.lastColumn; column++) {
        setCell(rows, row, column, value);
      }
    }
  }
  return true;
}
