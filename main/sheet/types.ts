/**
 * What a reader gives the engine. Readers sit behind `WorkbookReader` so a faster one (issue 8's
 * streaming xlsx reader) can slot in without the engine noticing.
 */

/**
 * One cell. A `Date` is a naive wall-clock time: its UTC fields hold the date and time exactly as
 * written in the file, with no zone; the mapping's file time zone gives it meaning later.
 */
export type Cell = string | number | boolean | Date | null;

export type SheetFormat = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'tsv' | 'txt';
export const TEXT_FORMATS: ReadonlySet<SheetFormat> = new Set(['csv', 'tsv', 'txt']);

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
export type Delimiter = ',' | ';' | '\t' | '|';

export interface MergeRange {
  /** 0-based, inclusive. */
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** Something the person should know about how the file was read (not an error). */
export interface ReadNote {
  code: string;
  sheet?: string;
  message: import('../common/text.ts').Text;
}

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /**
   * Every row from the sheet's first row: `rows[i]` is spreadsheet row i + 1 (for text files:
   * record i + 1). Blank rows stay as empty arrays so row numbers never shift. A row may be
   * shorter than others; missing cells are empty.
   */
  rows: Cell[][];
  /** Merged ranges; the top-left value has already been copied into every cell of the range. */
  merges: MergeRange[];
}

export interface TextSettings {
  encoding: TextEncoding;
  /** False when the caller chose the encoding. */
  encodingGuessed: boolean;
  /** True when the file began with a byte-order mark. */
  bom: boolean;
  delimiter: Delimiter;
  delimiterGuessed: boolean;
}

export interface Workbook {
  /** The file's name, for messages. */
  file: string;
  format: SheetFormat;
  sheets: SheetGrid[];
  /** Only for csv, tsv and txt. */
  text?: TextSettings;
  notes: ReadNote[];
}

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total decompressed size of a zipped workbook, in bytes. */
  maxUnzippedBytes: number;
  /** Largest number of non-empty cells across all sheets. */
  maxCells: number;
}

/**
 * What a streaming reader reports while it reads, so a person sees a large file moving instead of
 * a frozen window. Readers that parse in one go call nothing.
 */
export interface ReadProgress {
  /** Bytes of the file's data consumed so far, out of `total`. */
  bytes?(done: number, total: number): void;
  /** A sheet's first rows, as soon as they are read and before the rest of the sheet. */
  firstRows?(sheet: string, rows: readonly Cell[][]): void;
}

/**
 * Where the xlsx reader changes how it unpacks a part, by size. Each way gives the same bytes;
 * tests move the thresholds to run every way on the same file.
 */
export interface UnpackThresholds {
  /** Compressed size from which a part is inflated on a helper thread while it is scanned. */
  threadFrom: number;
  /** Below that, declared sizes up to this are inflated in one native call; larger ones by fflate in pieces. */
  wholeUpTo: number;
}

export interface ReadOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  limits?: Partial<ReadLimits>;
  progress?: ReadProgress;
  unpack?: Partial<UnpackThresholds>;
}

/**
 * A reader's answer for a file it met but cannot read faithfully: `openWorkbook` hands the file
 * to the next reader for the format and keeps the note, so nothing is read silently wrong.
 */
export interface ReaderFallback {
  fallback: ReadNote;
}

export type ReadOutcome = import('../common/text.ts').Result<Workbook> | ReaderFallback;

export interface WorkbookReader {
  readonly formats: ReadonlySet<SheetFormat>;
  read(bytes: Uint8Array, file: string, format: SheetFormat, options: ReadOptions): ReadOutcome;
}

/** A sheet once its header row is chosen: what mapping and validation work on. */
export interface Table {
  file: string;
  sheet: string;
  /** Unique, non-empty names: blanks become "Column C", repeats get " (2)". */
  headers: string[];
  /** 1-based spreadsheet row number of the header row. */
  headerRow: number;
  /** Data rows: `rows[i]` is spreadsheet row `headerRow + 1 + i`. Blank rows are kept. */
  rows: Cell[][];
}

export type ColumnKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'mixed';

export interface ColumnProfile {
  index: number;
  header: string;
  kind: ColumnKind;
  /** Share of data rows with a value in this column, 0…1. */
  fillRate: number;
  distinct: number;
  /** Up to five distinct sample values, as shown to a person. */
  samples: string[];
}
