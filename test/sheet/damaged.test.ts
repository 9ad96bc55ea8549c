import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../main/sheet/open.ts';
import { guessHeaderRow, makeTable } from '../../main/sheet/header.ts';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { batchesOf, ValidationSession } from '../../main/chats/engine.ts';
import { mutate } from '../../scripts/fuzz/mutate.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';

/*
 * A chat export damaged the ways the fuzzer damages files (scripts/fuzz): every variant either
 * opens and goes through the whole engine, or is refused as a problem naming the file. Nothing
 * throws. (Fuzzing found hangs only inside SheetJS, which runs in a child process with a time limit.)
 */
const chats = generateChats({ chats: 60, seed: 11, layout: 'messages-by-key', language: 'mixed' });
const CASES = 120;

function throughTheEngine(bytes: Uint8Array, file: string): string {
  const opened = openWorkbook(bytes, file);
  if (!opened.ok) {
    expect(opened.error.file).toBe(file);
    expect(opened.error.message.en).toContain(file);
    expect(opened.error.message.ru).toContain(file);
    return opened.error.code;
  }
  for (const sheet of opened.value.sheets) {
    const table = makeTable(sheet, file, guessHeaderRow(sheet).row);
    if (!table.ok) continue;
    const validation = new ValidationSession(table.value, { employees: [], now: () => Date.UTC(2026, 0, 1) }).validate(suggestMapping(table.value).mapping);
    if (validation.ok) for (const batch of batchesOf(validation.value)) expect(batch.bytes).toBeGreaterThan(0);
  }
  return 'opened';
}

describe.each(['csv', 'xlsx'] as const)('a damaged %s chat export', (format) => {
  const sound = writeWorkbook(chats, format);

  it(`opens or is refused with a problem naming it, in each of ${CASES} seeded damages`, () => {
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= CASES; seed++) {
      const { bytes, how } = mutate(sound, seed);
      let outcome: string;
      try {
        outcome = throughTheEngine(bytes, `damaged.${format}`);
      } catch (error) {
        throw new Error(`seed ${seed} (${how}) threw: ${error instanceof Error ? error.stack : String(error)}`);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // Both ends are met: some damage leaves a readable file, some is refused.
    expect(outcomes.get('opened')).toBeGreaterThan(0);
    expect([...outcomes.keys()].some((code) => code !== 'opened')).toBe(true);
  });
});
