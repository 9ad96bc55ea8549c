import type { Result } from '../../main/common/text.ts';
import { batchesOf, ValidationSession } from '../../main/chats/engine.ts';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { guessHeaderRow, makeTable } from '../../main/sheet/header.ts';
import { defaultReaders, openWorkbook } from '../../main/sheet/open.ts';
import type { WorkbookReader } from '../../main/sheet/types.ts';

/**
 * What a person's file goes through: open, then each sheet's header, suggested mapping,
 * validation and batches. Either the problem the file was refused with, or each batch's size.
 */
export function throughTheEngine(bytes: Uint8Array, file: string, readers: readonly WorkbookReader[] = defaultReaders): Result<number[]> {
  const opened = openWorkbook(bytes, file, {}, readers);
  if (!opened.ok) return opened;
  const sizes: number[] = [];
  for (const sheet of opened.value.sheets) {
    const table = makeTable(sheet, file, guessHeaderRow(sheet).row);
    if (!table.ok) continue;
    const validation = new ValidationSession(table.value, { employees: [], now: () => Date.UTC(2026, 0, 1) }).validate(suggestMapping(table.value).mapping);
    if (validation.ok) for (const batch of batchesOf(validation.value)) sizes.push(batch.bytes);
  }
  return { ok: true, value: sizes };
}
