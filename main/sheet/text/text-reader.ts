import type { Buffer } from 'node:buffer';
import { fail, ok, type Result } from '../../common/text.ts';
import { extensionOf, stemOf } from '../file-name.ts';
import { resolveLimits } from '../limits.ts';
import { outOfMemory } from '../problems.ts';
import type { Delimiter, ReadOptions, SheetFormat, TextSettings, Workbook, WorkbookReader } from '../types.ts';
import { parseCsv } from './csv.ts';
import { textSource, type TextSource } from './encoding.ts';
import { guessDelimiter, SAMPLE_CHARS } from './delimiter.ts';
import { parseUtf8Csv } from './csv-bytes.ts';

function chooseDelimiter(text: string | Buffer, file: string, chosen: Delimiter | undefined): { delimiter: Delimiter; guessed: boolean } {
  if (chosen !== undefined) return { delimiter: chosen, guessed: false };
  // A .tsv says what it is; guessing could only get it wrong (e.g. one column with commas).
  if (extensionOf(file) === 'tsv') return { delimiter: '\t', guessed: true };
  return { delimiter: guessDelimiter(sampleOf(text), ',').delimiter, guessed: true };
}

/**
 * Enough decoded text for the delimiter guess to see what it would in the whole decoded file:
 * more than its sample (at most 4 bytes per character), or all of it.
 */
function sampleOf(text: string | Buffer): string {
  if (typeof text === 'string') return text;
  return new TextDecoder().decode(text.subarray(0, 4 * SAMPLE_CHARS + 4));
}

/** V8 cannot hold a string past ~512 M characters; say so instead of crashing. */
function decodeSafely(bytes: Uint8Array, file: string, options: ReadOptions): Result<TextSource> {
  try {
    return ok(textSource(bytes, file, options.encoding));
  } catch (error) {
    if (error instanceof RangeError) return fail(outOfMemory(file));
    throw error;
  }
}

/** Reads csv, tsv and txt into a workbook with one sheet named after the file. */
export const textReader: WorkbookReader = {
  formats: new Set<SheetFormat>(['csv', 'tsv', 'txt']),
  read(bytes, file, format, options): Result<Workbook> {
    const decoded = decodeSafely(bytes, file, options);
    if (!decoded.ok) return decoded;
    const { text, encoding, guessed, bom, notes } = decoded.value;
    const { delimiter, guessed: delimiterGuessed } = chooseDelimiter(text, file, options.delimiter);
    const name = stemOf(file);
    const csvOptions = { delimiter, file, sheet: name, maxCells: resolveLimits(options.limits).maxCells };
    const rows = typeof text === 'string' ? parseCsv(text, csvOptions) : parseUtf8Csv(text, csvOptions);
    if (!rows.ok) return rows;
    const settings: TextSettings = { encoding, encodingGuessed: guessed, bom, delimiter, delimiterGuessed };
    return ok({
      file,
      format,
      sheets: [{ name, hidden: false, rows: rows.value, merges: [] }],
      text: settings,
      notes,
    });
  },
};
