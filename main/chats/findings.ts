import type { Text } from '../common/text.ts';
import type { FieldName } from '../mapping/fields.ts';

/** An error blocks the chat it belongs to; a warning is shown but the chat is still sent. */
export type Severity = 'error' | 'warning';

/**
 * One problem found in the data. Findings live beside the rows (keyed by data-row index), never
 * inside row objects.
 */
export interface Finding {
  /** Stable code, e.g. `phone.invalid`. */
  code: string;
  severity: Severity;
  /** Data-row indexes (0-based into `Table.rows`) the finding is about. */
  rowIndexes: number[];
  /** Spreadsheet row numbers as the person sees them, same order as `rowIndexes`. */
  rows: number[];
  column?: string;
  field?: FieldName;
  /** Index of the chat the rows belong to, once rows are grouped. */
  chat?: number;
  message: Text;
  /** A value that would fix it, when the engine can tell. */
  fix?: { value: string; label: Text };
}
