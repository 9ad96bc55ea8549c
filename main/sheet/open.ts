import { readFileSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../common/text.ts';
import { errorCode } from '../files/json-file.ts';
import { baseName } from './file-name.ts';
import { detectFormat } from './format.ts';
import { resolveLimits } from './limits.ts';
import { tooLarge, unreadableFile, unsupported } from './problems.ts';
import { textReader } from './text/text-reader.ts';
import type { ReadNote, ReadOptions, SheetFormat, Workbook, WorkbookReader } from './types.ts';
import { isolatedSheetjsReader } from './sheetjs/isolated.ts';
import { sheetjsReader } from './workbook-reader.ts';
import { xlsxReader } from './xlsx/reader.ts';
import { guardZip } from './zip-guard.ts';

/**
 * Tried in order; the first that takes the format reads it, so a faster reader goes in front.
 * A reader may decline a file it cannot read faithfully, and the next one for the format reads it.
 */
export const defaultReaders: readonly WorkbookReader[] = [xlsxReader, isolatedSheetjsReader(), textReader];

/**
 * The same readers with SheetJS in this process, for callers that isolate whole reads themselves
 * or read only files known to be sound (the corpus tests, the fuzzer's workers): a process per
 * file would cost them more than the reading.
 */
export const readersInProcess: readonly WorkbookReader[] = [xlsxReader, sheetjsReader, textReader];

const ZIPPED: ReadonlySet<SheetFormat> = new Set<SheetFormat>(['xlsx', 'xlsm', 'xlsb', 'ods']);

/**
 * The one way the engine reads a spreadsheet: checks the size caps, finds the real format, and
 * hands the bytes to the first reader for it. Every failure is a Problem naming the file.
 */
export function openWorkbook(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
  readers: readonly WorkbookReader[] = defaultReaders,
): Result<Workbook> {
  const limits = resolveLimits(options.limits);
  if (bytes.length > limits.maxFileBytes) return fail(tooLarge(file, bytes.length, limits.maxFileBytes));
  const format = detectFormat(bytes, file);
  if (!format.ok) return format;
  if (ZIPPED.has(format.value)) {
    const guarded = guardZip(bytes, file, format.value, limits);
    if (!guarded.ok) return guarded;
  }
  return readWith(readers, bytes, file, format.value, options);
}

function readWith(
  readers: readonly WorkbookReader[],
  bytes: Uint8Array,
  file: string,
  format: SheetFormat,
  options: ReadOptions,
): Result<Workbook> {
  const declined: ReadNote[] = [];
  for (const reader of readers) {
    if (!reader.formats.has(format)) continue;
    const outcome = reader.read(bytes, file, format, options);
    if ('fallback' in outcome) {
      declined.push(outcome.fallback);
      continue;
    }
    if (!outcome.ok || declined.length === 0) return outcome;
    return ok({ ...outcome.value, notes: [...declined, ...outcome.value.notes] });
  }
  return fail(unsupported(file));
}

/**
 * Reads a file from disk and opens it (the only place this module touches the file system).
 * Messages carry the file's name, not its folder, which may hold a person's name.
 */
export function openFile(path: string, options: ReadOptions = {}): Result<Workbook> {
  const file = baseName(path);
  const limits = resolveLimits(options.limits);
  let bytes: Uint8Array;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return fail(unreadableFile(file, 'EISDIR'));
    // A device or pipe has no end to read to (think /dev/zero).
    if (!stats.isFile()) return fail(unreadableFile(file, 'ENOTFILE'));
    // Refuse before reading: a 5 GB file must not be pulled into memory just to be rejected.
    if (stats.size > limits.maxFileBytes) return fail(tooLarge(file, stats.size, limits.maxFileBytes));
    bytes = readFileSync(path);
  } catch (error) {
    return fail(unreadableFile(file, errorCode(error) ?? ''));
  }
  return openWorkbook(bytes, file, options);
}
