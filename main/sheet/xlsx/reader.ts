import { fail, ok } from '../../common/text.ts';
import { CellBudget, resolveLimits } from '../limits.ts';
import { fillMerges } from '../merges.ts';
import { datesOutOfRange, errorCells, hiddenSheet, mergedCells, readerFallback } from '../notes.ts';
import { outOfMemory, tooManyCells } from '../problems.ts';
import type { ReadNote, ReadOptions, ReadOutcome, SheetFormat, SheetGrid, Workbook, WorkbookReader } from '../types.ts';
import { readZipDirectory } from '../zip-directory.ts';
import { Carry } from './carry.ts';
import type { CellContext } from './cell-store.ts';
import { lastCommentRow } from './comments.ts';
import { readSharedStrings } from './shared-strings.ts';
import { SheetScanner } from './sheet-scanner.ts';
import { Refused, Unsupported } from './stops.ts';
import { dateStyles } from './styles.ts';
import { readLayout, type SheetPart } from './workbook.ts';
import { ZipParts } from './zip-parts.ts';

/*
 * The streaming xlsx/xlsm reader: each part is scanned as bytes in pieces as it is inflated (a
 * big sheet on a helper thread, see ZipParts), so a sheet of a million rows never exists as one
 * string or one DOM, and the rows are the only large thing it builds. What it does not read the way SheetJS would, it declines, and
 * `openWorkbook` hands the file to SheetJS with a note saying why.
 */

const MEMORY = /allocation failed|invalid (typed )?array length|invalid string length|out of memory/i;

function readSheet(parts: ZipParts, part: SheetPart, context: CellContext): { grid: SheetGrid; notes: ReadNote[] } {
  const scanner = new SheetScanner(context);
  const carry = new Carry(scanner);
  parts.stream(part.path, carry.sink);
  if (carry.leftover > 0 || !scanner.complete) throw new Unsupported('unusual_markup');
  const { store, tail } = scanner;
  const rows = store.finish(Math.max(tail.lastLinkRow, lastCommentRow(parts, part.path)));
  const merges = tail.merges;
  if (!fillMerges(rows, merges, context.budget)) {
    throw new Refused(tooManyCells(context.file, part.name, rows.length, context.budget.max));
  }
  const notes: ReadNote[] = [];
  if (merges.length > 0) notes.push(mergedCells(part.name, merges.length));
  if (store.errors > 0) notes.push(errorCells(part.name, store.errors, store.firstError));
  if (store.badDates > 0) notes.push(datesOutOfRange(part.name, store.badDates, store.firstBadDate));
  return { grid: { name: part.name, hidden: part.hidden, rows, merges }, notes };
}

function stylesOf(parts: ZipParts, name: string | undefined): Uint8Array {
  if (name === undefined) return dateStyles(undefined);
  // SheetJS fails a workbook whose declared styles part is missing.
  const xml = parts.text(name);
  if (xml === undefined) throw new Unsupported('missing_part');
  return dateStyles(xml);
}

function readBook(bytes: Uint8Array, file: string, format: SheetFormat, options: ReadOptions): Workbook {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Unsupported('missing_part');
  const limits = resolveLimits(options.limits);
  const progress = options.progress;
  const parts = new ZipParts(bytes, directory.entries, {
    file,
    maxUnzippedBytes: limits.maxUnzippedBytes,
    onBytes: (done) => progress?.bytes?.(done, bytes.length),
    unpack: options.unpack,
  });
  try {
    return readParts(parts, file, format, limits.maxCells, progress);
  } finally {
    parts.close();
  }
}

function readParts(parts: ZipParts, file: string, format: SheetFormat, maxCells: number, progress: ReadOptions['progress']): Workbook {
  const layout = readLayout(parts);
  // The first sheet inflates on its helper thread while the shared strings are read here.
  if (layout.sheets[0] !== undefined) parts.prefetch(layout.sheets[0].path);
  const strings = layout.sharedStrings === undefined ? [] : readSharedStrings(parts, layout.sharedStrings);
  const styles = stylesOf(parts, layout.styles);
  const budget = new CellBudget(maxCells);
  const sheets: SheetGrid[] = [];
  const notes: ReadNote[] = [];
  for (const [index, part] of layout.sheets.entries()) {
    const next = layout.sheets[index + 1];
    if (next !== undefined) parts.prefetch(next.path);
    const { grid, notes: found } = readSheet(parts, part, {
      file,
      sheet: part.name,
      strings,
      dateStyles: styles,
      date1904: layout.date1904,
      budget,
      firstRows: (rows) => progress?.firstRows?.(part.name, rows),
    });
    sheets.push(grid);
    if (part.hidden) notes.push(hiddenSheet(file, part.name));
    notes.push(...found);
  }
  return { file, format, sheets, notes };
}

function outcomeOf(error: unknown, file: string): ReadOutcome {
  if (error instanceof Refused) return fail(error.problem);
  if (error instanceof Unsupported) return { fallback: readerFallback(file, error.reason) };
  // Out of memory is the file's size, not its shape: SheetJS would need more still.
  if (error instanceof RangeError && MEMORY.test(error.message)) return fail(outOfMemory(file));
  return { fallback: readerFallback(file, 'unexpected') };
}

export const xlsxReader: WorkbookReader = {
  formats: new Set<SheetFormat>(['xlsx', 'xlsm']),
  read(bytes, file, format, options): ReadOutcome {
    try {
      return ok(readBook(bytes, file, format, options));
    } catch (error) {
      return outcomeOf(error, file);
    }
  },
};
