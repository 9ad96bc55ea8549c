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
}

function split(result: Normalised): { value?: string | number; issue?: CellIssue } {
  if (typeof result !== 'object') return { value: result };
  return 'repaired' in result ? { value: result.repaired, issue: result.issue } : { issue: result };
}

/** An unmapped field, or one constant for every row. */
export function constantColumn(field: FieldName, result: Normalised = undefined): FieldColumn {
  const { value, issue } = split(result);
  return { field, value: () => value, issue: () => issue };
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
  };
}

/** Issues are rare: their index array is made on the first one. */
class IssueStore {
  private codes: Int32Array | undefined;
  private readonly table: CellIssue[] = [];
  private readonly indexOf = new Map<CellIssue, number>();

  constructor(private readonly rowCount: number) {}

  set(row: number, issue: CellIssue): void {
    this.codes ??= new Int32Array(this.rowCount);
    let index = this.indexOf.get(issue);
    if (index === undefined) {
      index = this.table.push(issue);
      this.indexOf.set(issue, index);
    }
    this.codes[row] = index;
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

  constructor(readonly field: FieldName, readonly column: string | undefined, rowCount: number) {
    this.times = new Float64Array(rowCount).fill(Number.NaN);
    this.issues = new IssueStore(rowCount);
  }

  set(row: number, result: Normalised): void {
    if (typeof result === 'number') this.times[row] = result;
    else if (result !== undefined && typeof result === 'object' && !('repaired' in result)) this.issues.set(row, result);
  }

  value(row: number): number | undefined {
    const time = this.times[row] as number;
    return Number.isNaN(time) ? undefined : time;
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

  constructor(readonly field: FieldName, readonly column: string | undefined, rowCount: number) {
    this.codes = new Int32Array(rowCount);
    this.issues = new IssueStore(rowCount);
  }

  set(row: number, result: Normalised): void {
    if (result === undefined) return;
    if (typeof result !== 'object') this.setValue(row, result);
    else if ('repaired' in result) {
      this.setValue(row, result.repaired);
      this.issues.set(row, result.issue);
    } else this.issues.set(row, result);
  }

  private setValue(row: number, value: string | number): void {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      index = this.distinct.push(value);
      this.indexOf.set(value, index);
    }
    this.codes[row] = index;
  }

  value(row: number): string | number | undefined {
    const code = this.codes[row] as number;
    return code === 0 ? undefined : this.distinct[code - 1];
  }

  issue(row: number): CellIssue | undefined {
    return this.issues.get(row);
  }
}
