import { describe, expect, it } from 'vitest';
import { mutate } from '../../scripts/fuzz/mutate.ts';
import { throughTheEngine } from '../../scripts/fuzz/through-engine.ts';
import { generateChats, writeWorkbook } from '../fixtures/chats.ts';

/*
 * A chat export damaged the ways the fuzzer damages files (scripts/fuzz): every variant either
 * opens and goes through the whole engine, or is refused as a problem naming the file. Nothing
 * throws. (The hangs fuzzing found were inside SheetJS, which now reads in a child process with a
 * time limit, and in our conversion of its sheets, mended.)
 */
const chats = generateChats({ chats: 60, seed: 11, layout: 'messages-by-key', language: 'mixed' });
const CASES = 120;

function outcomeOf(bytes: Uint8Array, file: string): string {
  const outcome = throughTheEngine(bytes, file);
  if (!outcome.ok) {
    expect(outcome.error.file).toBe(file);
    expect(outcome.error.message.en).toContain(file);
    expect(outcome.error.message.ru).toContain(file);
    return outcome.error.code;
  }
  for (const size of outcome.value) expect(size).toBeGreaterThan(0);
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
        outcome = outcomeOf(bytes, `damaged.${format}`);
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
