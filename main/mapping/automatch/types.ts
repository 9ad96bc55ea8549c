import type { Text } from '../../common/text.ts';
import type { FieldName } from '../fields.ts';
import type { Layout, Mapping } from '../model.ts';

/** What a column can be matched to: a chat or message field, or the key that groups rows into chats. */
export type Target = FieldName | 'chatKey';

export interface SuggestOptions {
  /** How many data rows to look at, from the top; 2000 unless told. */
  sampleRows?: number;
}

export interface Suggestion {
  /** Passes `MappingSchema.parse` unchanged; unmatched fields are `{ kind: 'none' }`. */
  mapping: Mapping;
  /** 0…1 per field; 0 when the field is left unmapped. */
  confidence: Record<FieldName, number>;
  /** Why each field got its column (or none), in every language the app speaks. */
  reasons: Record<FieldName, Text>;
  layout: { kind: Layout['kind']; confidence: number; reason: Text };
}

/** What the sampled values of one column look like. Shares are of the non-empty sampled cells. */
export interface ColumnStats {
  index: number;
  header: string;
  sampled: number;
  nonEmpty: number;
  distinct: number;
  /** Up to 64 distinct non-empty values as text, first seen first. */
  distinctValues: string[];
  email: number;
  phone: number;
  date: number;
  /** Whole numbers ≥ 0 (number cells or digit strings). */
  integer: number;
  /** Codes without spaces that hold a digit: "c-1042", "8f3a…", "1042". */
  idLike: number;
  /** Free text: words and spaces, 20+ characters or several lines. */
  longText: number;
  /** One to five words of letters, as a person's name is written. */
  nameLike: number;
  averageLength: number;
  /** Runs of equal consecutive values, an empty cell continuing the value above it. */
  runs: number;
  /** Share of distinct values that occur in one run only (1 when every value is one block). */
  contiguity: number;
}

/** How rows fall into chats, as far as the values tell before any mapping. */
export interface Groups {
  /** The column whose runs best mark chats, or -1 when no column repeats in runs. */
  column: number;
  /** Data-row index where each group starts (within the sample). */
  starts: number[];
  /** Average rows per group. */
  averageSize: number;
}

/** One column's claim on one target, with its evidence for the reasons. */
export interface Candidate {
  column: number;
  target: Target;
  score: number;
  header: number;
  synonym?: string;
  /** The header is the synonym as written (folded); a capped one only hints at the target. */
  exact?: boolean;
  /** Value support 0…1; undefined when the column had no values to judge. */
  values?: number;
  /** The header was overruled by what the values are. */
  overrode?: boolean;
  evidence?: Text;
}
