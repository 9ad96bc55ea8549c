/*
 * The differential rule between the streaming reader and SheetJS: the same sheets, rows, merges
 * and notes, with numbers compared exactly (Object.is: -0 and NaN included) and dates as instants.
 */
import type { Cell, ReadOutcome, Workbook } from '../../../main/sheet/types.ts';

const sameCell = (a: Cell, b: Cell): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b);

function rowDifferences(sheet: string, ours: Cell[][], theirs: Cell[][]): string[] {
  const found: string[] = [];
  if (ours.length !== theirs.length) found.push(`${sheet}: ${ours.length} rows, SheetJS ${theirs.length}`);
  for (let r = 0; r < Math.min(ours.length, theirs.length) && found.length < 5; r++) {
    const a = ours[r] ?? [];
    const b = theirs[r] ?? [];
    if (a.length !== b.length) found.push(`${sheet} row ${r + 1}: ${a.length} cells, SheetJS ${b.length}`);
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      if (!sameCell(a[c] ?? null, b[c] ?? null)) found.push(`${sheet} row ${r + 1} column ${c + 1}: ${String(a[c])} vs ${String(b[c])}`);
    }
  }
  return found;
}

/** Every way the two workbooks differ (empty when they agree). */
export function differences(ours: Workbook, theirs: Workbook): string[] {
  const found: string[] = [];
  const shape = (book: Workbook): string => JSON.stringify(book.sheets.map((sheet) => [sheet.name, sheet.hidden]));
  if (shape(ours) !== shape(theirs)) found.push(`sheets ${shape(ours)} vs ${shape(theirs)}`);
  ours.sheets.forEach((sheet, i) => {
    const other = theirs.sheets[i];
    if (!other) return;
    found.push(...rowDifferences(sheet.name, sheet.rows, other.rows));
    if (JSON.stringify(sheet.merges) !== JSON.stringify(other.merges)) found.push(`${sheet.name}: merges differ`);
  });
  const notes = (book: Workbook): string => JSON.stringify(book.notes);
  if (notes(ours) !== notes(theirs)) found.push(`notes ${notes(ours)} vs ${notes(theirs)}`);
  return found;
}

export type Verdict = { kind: 'same' } | { kind: 'fallback'; code: string; reason: string } | { kind: 'differs'; details: string[] };

/** How the streaming reader's outcome for one file compares with SheetJS's. */
export function verdict(ours: ReadOutcome, theirs: ReadOutcome): Verdict {
  if ('fallback' in ours) return { kind: 'fallback', code: ours.fallback.code, reason: ours.fallback.message.en };
  if ('fallback' in theirs) return { kind: 'differs', details: ['SheetJS declined'] };
  if (!ours.ok || !theirs.ok) {
    const same = !ours.ok && !theirs.ok && ours.error.code === theirs.error.code;
    return same ? { kind: 'same' } : { kind: 'differs', details: [`outcome ${ours.ok || ours.error.code} vs ${theirs.ok || theirs.error.code}`] };
  }
  const details = differences(ours.value, theirs.value);
  return details.length === 0 ? { kind: 'same' } : { kind: 'differs', details };
}
