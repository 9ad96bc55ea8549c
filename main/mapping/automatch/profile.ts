import type { Cell, Table } from '../../sheet/types.ts';
import type { ColumnStats } from './types.ts';
import { cellText, isDate, isEmail, isIdLike, isInteger, isLongText, isNameLike, isPhone } from './values.ts';

const KEPT_DISTINCT = 64;

/** Look at the first `sampleRows` data rows of one column. */
export function profileColumn(table: Table, index: number, sampleRows: number): ColumnStats {
  const rows = table.rows;
  const sampled = Math.min(rows.length, sampleRows);
  const stats: ColumnStats = {
    index,
    header: table.headers[index] ?? '',
    sampled,
    nonEmpty: 0,
    distinct: 0,
    distinctValues: [],
    email: 0,
    phone: 0,
    date: 0,
    integer: 0,
    idLike: 0,
    longText: 0,
    nameLike: 0,
    averageLength: 0,
    runs: 0,
    contiguity: 0,
  };
  // Keyed by cell text; a Map, never a plain object, so "__proto__" is just a value.
  const runsOf = new Map<string, number>();
  let previous: string | undefined;
  let totalLength = 0;
  for (let r = 0; r < sampled; r++) {
    const cell: Cell = rows[r]?.[index] ?? null;
    const text = cellText(cell);
    if (text === '') continue;
    stats.nonEmpty++;
    totalLength += text.length;
    if (text !== previous) {
      stats.runs++;
      runsOf.set(text, (runsOf.get(text) ?? 0) + 1);
      previous = text;
    }
    if (isEmail(text)) stats.email++;
    else if (isDate(cell, text)) stats.date++;
    else if (isPhone(cell, text)) stats.phone++;
    if (isInteger(cell, text)) stats.integer++;
    if (isIdLike(cell, text)) stats.idLike++;
    if (typeof cell === 'string') {
      if (isLongText(text)) stats.longText++;
      else if (isNameLike(text)) stats.nameLike++;
    }
  }
  stats.distinct = runsOf.size;
  let single = 0;
  for (const [value, count] of runsOf) {
    if (count === 1) single++;
    if (stats.distinctValues.length < KEPT_DISTINCT) stats.distinctValues.push(value);
  }
  stats.contiguity = runsOf.size === 0 ? 0 : single / runsOf.size;
  stats.averageLength = stats.nonEmpty === 0 ? 0 : totalLength / stats.nonEmpty;
  if (stats.nonEmpty > 0) {
    for (const key of ['email', 'phone', 'date', 'integer', 'idLike', 'longText', 'nameLike'] as const) {
      stats[key] /= stats.nonEmpty;
    }
  }
  return stats;
}

/** Share of sampled rows with a value in the column. */
export function fillRate(stats: ColumnStats): number {
  return stats.sampled === 0 ? 0 : stats.nonEmpty / stats.sampled;
}
