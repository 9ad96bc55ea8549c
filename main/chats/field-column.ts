import type { Cell } from '../sheet/types.ts';
import type { FieldName } from '../mapping/fields.ts';
import type { Text } from '../common/text.ts';
import type { FindingCode } from './codes.ts';
import { displayCell, isBlank } from './cells.ts';
import type { ConcreteDateOrder } from './normalise/datetime.ts';

/** What one cell of a field says, when it says something worth telling. Shared per distinct value. */
export interface CellIssue {
  code: FindingCode;
  value: string;
  normalised?: string;
  other?: string;
  fix?: string;
}

/**
 * What one cell normalises to: a value, an issue instead of a value, or a repaired value with the
 * issue that explains the repair.
 */
export type Normalised = string | number | undefined | CellIssue | { repaired: string | number; issue: CellIssue };

/** What a chat's rows say about one chat-level field. */
export interface Picked<T> {
  value?: T;
  issue?: CellIssue;
  /** Rows whose cell was refused (no value, an issue). */
  issueRows: number[];
  conflictRow?: number;
}

/**
 * One field's normalised values for every data row. `value(row)` is undefined when the cell is
 * empty or invalid; `issue(row)` explains an invalid or repaired cell.
 *
 * Values live in typed arrays of indexes into small tables, not in arrays of a million pointers:
 * on a 1M-row file the garbage collector's scans of such arrays cost more than the work itself.
 */
export interface FieldColumn {
  readonly field: FieldName;
  /** The header of the column it came from; undefined for constants and unmapped fields. */
  readonly column?: string;
  /** For date fields: how ambiguous dates were read, and why. */
  dateOrder?: { order: ConcreteDateOrder; inferred: boolean; confidence: number; evidence?: Text };
  value(row: number): string | number | undefined;
  issue(row: number): CellIssue | undefined;
  /**
   * A chat-level field over the rows `rowsOf[from, to)` of one chat: the first value, the first
   * issue, the rows refused, and the first row whose value differs from the first. Each column
   * kind loops over its own storage: this runs for every field of every chat.
   */
  pick(rowsOf: Int32Array, from: number, to: number): Picked<string | number>;
  /**
   * Normalises the given data rows again after the person edited or excluded them, instead of the
   * whole column. Columns that keep nothing per row (constants, free text read live) have none.
   */
  refresh?(rows: readonly Cell[][], changed: readonly number[]): void;
}

/** `pick` for any column, through `value` and `issue`. */
function pickEach(column: FieldColumn, rowsOf: Int32Array, from: number, to: number): Picked<string | number> {
  const picked: Picked<string | number> = { issueRows: [] };
  for (let i = from; i < to; i++) {
    const r = rowsOf[i] as number;
    const value = column.value(r);
    const issue = column.issue(r);
    if (issue) {
      picked.issue ??= issue;
      if (value === undefined) picked.issueRows.push(r);
    }
    if (value === undefined) continue;
    if (picked.value === undefined) picked.value = value;
    else if (value !== picked.value && picked.conflictRow === undefined) picked.conflictRow = r;
  }
  return picked;
}

function split(result: Normalised): { value?: string | number; issue?: CellIssue } {
  if (typeof result !== 'object') return { value: result };
  return 'repaired' in result ? { value: result.repaired, issue: result.issue } : { issue: result };
}

/** An unmapped field, or one constant for every row. */
export function constantColumn(field: FieldName, result: Normalised = undefined): FieldColumn {
  const { value, issue } = split(result);
  return {
    field,
    value: () => value,
    issue: () => issue,
    pick(rowsOf, from, to) {
      const picked: Picked<string | number> = { issueRows: [] };
      if (from === to) return picked;
      if (issue !== undefined) picked.issue = issue;
      if (value !== undefined) picked.value = value;
      else if (issue !== undefined) for (let i = from; i < to; i++) picked.issueRows.push(rowsOf[i] as number);
      return picked;
    },
  };
}

/** Free text (names, messages): kept in the table and trimmed when read, never copied. */
export function textColumn(field: FieldName, column: string, rows: Cell[][], index: number): FieldColumn {
  return {
    field,
    column,
    value(row) {
      const cell = rows[row]?.[index] ?? null;
      if (isBlank(cell)) return undefined;
      return typeof cell === 'string' ? cell.trim() : displayCell(cell);
    },
    issue: () => undefined,
    pick(rowsOf, from, to) {
      return pickEach(this, rowsOf, from, to);
    },
  };
}

/** Issues are rare: their index array is made on the first one. */
class IssueStore {
  private codes: Int32Array | undefined;
  private readonly table: CellIssue[] = [];
  private readonly indexOf = new Map<CellIssue, number>();

  constructor(private readonly rowCount: number) {}

  /** A number standing for `issue` (never 0), for `setCode`. */
  code(issue: CellIssue): number {
    let index = this.indexOf.get(issue);
    if (index === undefined) {
      index = this.table.push(issue);
      this.indexOf.set(issue, index);
    }
    return index;
  }

  setCode(row: number, code: number): void {
    if (code === 0 && this.codes === undefined) return;
    this.codes ??= new Int32Array(this.rowCount);
    this.codes[row] = code;
  }

  get(row: number): CellIssue | undefined {
    const code = this.codes?.[row] ?? 0;
    return code === 0 ? undefined : this.table[code - 1];
  }
}

/** Times (account wall ms) in a Float64Array; NaN where there is none. */
export class TimeColumn implements FieldColumn {
  dateOrder?: FieldColumn['dateOrder'];
  private readonly times: Float64Array;
  private readonly issues: IssueStore;
  private source: { index: number; normalise: (cell: Cell) => Normalised } | undefined;

  constructor(readonly field: FieldName, readonly column: string | undefined, rowCount: number) {
    this.times = new Float64Array(rowCount).fill(Number.NaN);
    this.issues = new IssueStore(rowCount);
  }

  /**
   * Normalises column `index` of every row. A cell equal to the one above (the reader shares a
   * chat's repeated values) takes the same result without normalising it again.
   */
  fill(rows: readonly Cell[][], index: number, normalise: (cell: Cell) => Normalised): void {
    this.source = { index, normalise };
    let last: Cell = null;
    let time = Number.NaN;
    let issue = 0;
    for (let row = 0; row < rows.length; row++) {
      const cell = rows[row]?.[index] ?? null;
      if (cell === null) continue;
      if (cell !== last) {
        last = cell;
        const result = normalise(cell);
        time = typeof result === 'number' ? result : Number.NaN;
        issue = result !== undefined && typeof result === 'object' && !('repaired' in result) ? this.issues.code(result) : 0;
      }
      if (time === time) this.times[row] = time;
      else if (issue !== 0) this.issues.setCode(row, issue);
    }
  }

  refresh(rows: readonly Cell[][], changed: readonly number[]): void {
    if (this.source === undefined) return;
    const { index, normalise } = this.source;
    for (const row of changed) {
      const cell = rows[row]?.[index] ?? null;
      const result = cell === null ? undefined : normalise(cell);
      this.times[row] = typeof result === 'number' ? result : Number.NaN;
      const issue = result !== undefined && typeof result === 'object' && !('repaired' in result) ? this.issues.code(result) : 0;
      this.issues.setCode(row, issue);
    }
  }

  value(row: number): number | undefined {
    const time = this.times[row] as number;
    return Number.isNaN(time) ? undefined : time;
  }

  pick(rowsOf: Int32Array, from: number, to: number): Picked<number> {
    const picked: Picked<number> = { issueRows: [] };
    const { times, issues } = this;
    let first = Number.NaN;
    for (let i = from; i < to; i++) {
      const r = rowsOf[i] as number;
      const time = times[r] as number;
      const issue = issues.get(r);
      if (issue) {
        picked.issue ??= issue;
        if (time !== time) picked.issueRows.push(r);
      }
      if (time !== time) continue;
      if (first !== first) picked.value = first = time;
      else if (time !== first && picked.conflictRow === undefined) picked.conflictRow = r;
    }
    return picked;
  }

  issue(row: number): CellIssue | undefined {
    return this.issues.get(row);
  }
}

/** Values that repeat (phones, statuses, ids…): one Int32 per row pointing into a table of distinct values. */
export class IndexedColumn implements FieldColumn {
  private readonly codes: Int32Array;
  private readonly distinct: (string | number)[] = [];
  private readonly indexOf = new Map<string | number, number>();
  private readonly issues: IssueStore;
  private source: { index: number; normalise: (cell: Cell) => Normalised } | undefined;

  constructor(readonly field: FieldName, readonly column: string | undefined, rowCount: number) {
    this.codes = new Int32Array(rowCount);
    this.issues = new IssueStore(rowCount);
  }

  /** As `TimeColumn.fill`: each run of equal cells is normalised once. */
  fill(rows: readonly Cell[][], index: number, normalise: (cell: Cell) => Normalised): void {
    this.source = { index, normalise };
    let last: Cell = null;
    let value = 0;
    let issue = 0;
    for (let row = 0; row < rows.length; row++) {
      const cell = rows[row]?.[index] ?? null;
      if (cell === null) continue;
      if (cell !== last) {
        last = cell;
        const result = normalise(cell);
        const { value: v, issue: i } = split(result);
        value = v === undefined ? 0 : this.valueCode(v);
        issue = i === undefined ? 0 : this.issues.code(i);
      }
      if (value !== 0) this.codes[row] = value;
      if (issue !== 0) this.issues.setCode(row, issue);
    }
  }

  private valueCode(value: string | number): number {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.distinct.push(value);
      this.indexOf.set(value, index);
    }
    return index;
  }

  refresh(rows: readonly Cell[][], changed: readonly number[]): void {
    if (this.source === undefined) return;
    const { index, normalise } = this.source;
    for (const row of changed) {
      const cell = rows[row]?.[index] ?? null;
      const { value, issue } = cell === null ? {} : split(normalise(cell));
      this.codes[row] = value === undefined ? 0 : this.valueCode(value);
      this.issues.setCode(row, issue === undefined ? 0 : this.issues.code(issue));
    }
  }

  value(row: number): string | number | undefined {
    const code = this.codes[row] as number;
    return code === 0 ? undefined : this.distinct[code - 1];
  }

  /** Equal values share a code, so codes are compared instead of values. */
  pick(rowsOf: Int32Array, from: number, to: number): Picked<string | number> {
    const picked: Picked<string | number> = { issueRows: [] };
    const { codes, issues } = this;
    let first = 0;
    for (let i = from; i < to; i++) {
      const r = rowsOf[i] as number;
      const code = codes[r] as number;
      const issue = issues.get(r);
      if (issue) {
        picked.issue ??= issue;
        if (code === 0) picked.issueRows.push(r);
      }
      if (code === 0) continue;
      if (first === 0) picked.value = this.distinct[(first = code) - 1];
      else if (code !== first && picked.conflictRow === undefined) picked.conflictRow = r;
    }
    return picked;
  }

  issue(row: number): CellIssue | undefined {
    return this.issues.get(row);
  }
}
