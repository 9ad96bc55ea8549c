import type { Table } from '../../sheet/types.ts';
import { enumLikeness } from './enum-hints.ts';
import { fillRate } from './profile.ts';
import type { ColumnStats, Groups } from './types.ts';
import { cellText } from './values.ts';

const NO_GROUPS: Groups = { column: -1, starts: [], averageSize: 1 };

/**
 * Find how rows fall into chats before anything is mapped: a well-filled column whose values
 * repeat in runs (a chat id, or the visitor's details repeated on every message row), or else a
 * set of columns written on the same few rows only (a chat's details on its first row).
 * `notChats` are columns whose header names something else that repeats (an operator, a site).
 */
export function findGroups(table: Table, columns: readonly ColumnStats[], notChats: ReadonlySet<number>): Groups {
  const repeated = repeatedColumn(columns.filter((c) => !notChats.has(c.index)));
  if (repeated) return groupsFrom(table, repeated);
  const firstRows = firstRowColumn(table, columns);
  return firstRows ? groupsFrom(table, firstRows) : NO_GROUPS;
}

function repeatedColumn(columns: readonly ColumnStats[]): ColumnStats | undefined {
  let best: ColumnStats | undefined;
  for (const c of columns) {
    if (c.sampled === 0 || fillRate(c) < 0.9 || !enoughDistinct(c) || isEnum(c)) continue;
    if (c.runs >= 3 && c.contiguity >= 0.9 && c.sampled / c.runs >= 1.5 && (!best || c.runs > best.runs)) best = c;
  }
  return best;
}

/** Three or more columns filled on exactly the same rows, a third of them or fewer. */
function firstRowColumn(table: Table, columns: readonly ColumnStats[]): ColumnStats | undefined {
  const patterns = new Map<string, ColumnStats[]>();
  for (const c of columns) {
    const fill = fillRate(c);
    if (c.nonEmpty < 3 || fill > 0.67) continue;
    const key = patternKey(table, c);
    patterns.set(key, [...(patterns.get(key) ?? []), c]);
  }
  let best: ColumnStats[] | undefined;
  for (const group of patterns.values()) {
    if (group.length >= 3 && (!best || group[0]!.nonEmpty > best[0]!.nonEmpty)) best = group;
  }
  if (!best || !columns.some((c) => fillRate(c) >= 0.95)) return undefined;
  return best.find((c) => !isEnum(c)) ?? best[0];
}

/** Which sampled rows hold a value, as a compact key (row count plus two hashes of the rows). */
function patternKey(table: Table, c: ColumnStats): string {
  let h1 = 0x811c9dc5;
  let h2 = 17;
  for (let r = 0; r < c.sampled; r++) {
    if (cellText(table.rows[r]?.[c.index] ?? null) === '') continue;
    h1 = Math.imul(h1 ^ r, 0x01000193) >>> 0;
    h2 = (Math.imul(h2, 31) + r + 1) >>> 0;
  }
  return `${c.nonEmpty}:${h1}:${h2}`;
}

function groupsFrom(table: Table, column: ColumnStats): Groups {
  const starts: number[] = [];
  let previous: string | undefined;
  for (let r = 0; r < column.sampled; r++) {
    const text = cellText(table.rows[r]?.[column.index] ?? null);
    if (text === '' || text === previous) continue;
    starts.push(r);
    previous = text;
  }
  return { column: column.index, starts, averageSize: column.sampled / Math.max(1, starts.length) };
}

function enoughDistinct(c: ColumnStats): boolean {
  return c.distinct >= Math.max(c.sampled <= 20 ? 3 : 5, Math.min(40, 0.02 * c.sampled));
}

/** A column of status, initiator or sender words: sorted by them, a table would seem grouped. */
function isEnum(c: ColumnStats): boolean {
  return (['status', 'initiator', 'source'] as const).some((kind) => enumLikeness(kind, c.distinctValues) >= 0.5);
}

/**
 * How much a column behaves like a chat field, 0…1: 1 when it never changes inside a group of
 * rows (or is written once per group), 0 when it changes inside every group. Undefined when
 * there are no groups to judge by.
 */
export function chatLevel(table: Table, groups: Groups, stats: ColumnStats): number | undefined {
  if (groups.column < 0 || stats.nonEmpty === 0) return undefined;
  if (groups.column === stats.index) return 1;
  const { starts } = groups;
  let judged = 0;
  let varying = 0;
  let once = 0;
  for (let g = 0; g < starts.length; g++) {
    const from = starts[g]!;
    const to = g + 1 < starts.length ? starts[g + 1]! : stats.sampled;
    let first: string | undefined;
    let count = 0;
    let varies = false;
    for (let r = from; r < to; r++) {
      const text = cellText(table.rows[r]?.[stats.index] ?? null);
      if (text === '') continue;
      count++;
      if (first === undefined) first = text;
      else if (text !== first) varies = true;
    }
    if (count >= 2) {
      judged++;
      if (varies) varying++;
    } else if (count === 1 && to - from >= 2) {
      once++;
    }
  }
  if (judged >= 3 || (judged > 0 && judged >= once)) return 1 - varying / judged;
  if (once >= 3) return 1;
  return undefined;
}
