import { renderCell } from './display.ts';
import type { Cell, ColumnKind, ColumnProfile, Table } from './types.ts';

/** Distinct values are counted up to here; past it, "at least this many" is all anyone needs. */
export const DISTINCT_CAP = 10_000;
const SAMPLES = 5;
/** Samples are for recognising a column at a glance, so a long message is cut. */
const SAMPLE_CHARS = 100;

type Value = Exclude<Cell, null>;

/** Kinds seen, as bits: cheaper than a Set on a per-cell path that runs millions of times. */
const TEXT = 1;
const NUMBER = 2;
const DATE = 4;
const BOOLEAN = 8;
const KIND_OF_BIT = new Map<number, ColumnKind>([
  [0, 'empty'],
  [TEXT, 'text'],
  [NUMBER, 'number'],
  [DATE, 'date'],
  [BOOLEAN, 'boolean'],
]);

function kindBit(value: Value): number {
  if (typeof value === 'string') return TEXT;
  if (typeof value === 'number') return NUMBER;
  if (typeof value === 'boolean') return BOOLEAN;
  return DATE;
}

function addNew<T>(set: Set<T>, key: T): boolean {
  if (set.has(key)) return false;
  set.add(key);
  return true;
}

class ColumnTally {
  filled = 0;
  kinds = 0;
  /** Dates apart, by their time: two Date objects are never the same Set member. */
  private readonly values = new Set<string | number | boolean>();
  private readonly dates = new Set<number>();
  readonly samples: Value[] = [];

  get distinct(): number {
    return this.values.size + this.dates.size;
  }

  add(value: Value): void {
    this.filled++;
    this.kinds |= kindBit(value);
    if (this.distinct >= DISTINCT_CAP) return;
    if (this.remember(value) && this.samples.length < SAMPLES) this.samples.push(value);
  }

  /** True when the value was not seen before. */
  private remember(value: Value): boolean {
    return value instanceof Date ? addNew(this.dates, value.getTime()) : addNew(this.values, value);
  }

  get kind(): ColumnKind {
    return KIND_OF_BIT.get(this.kinds) ?? 'mixed';
  }
}

function renderSample(cell: Cell): string {
  const shown = renderCell(cell);
  return shown.length > SAMPLE_CHARS ? `${shown.slice(0, SAMPLE_CHARS)}…` : shown;
}

/**
 * What each column holds, from one pass over the rows: its kind, how full it is, how many
 * distinct values (capped at DISTINCT_CAP) and a few samples as a person would read them.
 */
export function profileColumns(table: Table): ColumnProfile[] {
  const tallies = table.headers.map(() => new ColumnTally());
  for (const row of table.rows) {
    const width = Math.min(row.length, tallies.length);
    for (let column = 0; column < width; column++) {
      const cell = row[column] ?? null;
      if (cell !== null) tallies[column]?.add(cell);
    }
  }
  const rows = table.rows.length;
  return tallies.map((tally, index) => ({
    index,
    header: table.headers[index] ?? '',
    kind: tally.kind,
    fillRate: rows === 0 ? 0 : tally.filled / rows,
    distinct: tally.distinct,
    samples: tally.samples.map(renderSample),
  }));
}
