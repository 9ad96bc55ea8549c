import type { ReadLimits } from './types.ts';

const MiB = 1024 * 1024;

/** Excel's grid, the largest any spreadsheet program writes: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_SHEET_ROWS = 1 << 20;
export const MAX_SHEET_COLUMNS = 1 << 14;

/**
 * Defaults sized for the largest realistic chat export (a few million message rows) while
 * keeping a hostile file from exhausting a worker: a 1M-row xlsx unpacks to well under 1 GiB
 * and SheetJS needs ~3 GB to read it, so 2 GiB unpacked is the most that can still succeed.
 */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 512 * MiB,
  maxUnzippedBytes: 2048 * MiB,
  maxCells: 60_000_000,
});

/** Defaults for whatever the caller left out; an explicit `undefined` must not switch a cap off. */
export function resolveLimits(overrides: Partial<ReadLimits> | undefined): ReadLimits {
  return {
    maxFileBytes: overrides?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes,
    maxUnzippedBytes: overrides?.maxUnzippedBytes ?? DEFAULT_LIMITS.maxUnzippedBytes,
    maxCells: overrides?.maxCells ?? DEFAULT_LIMITS.maxCells,
  };
}

/**
 * Counts filled cells across every sheet of one read, so the cap covers the whole workbook and
 * not each sheet separately.
 */
export class CellBudget {
  private used = 0;

  constructor(readonly max: number) {}

  /** Records `count` more cells; false once the total would pass the cap. */
  take(count: number): boolean {
    this.used += count;
    return this.used <= this.max;
  }

  get remaining(): number {
    return Math.max(0, this.max - this.used);
  }
}
