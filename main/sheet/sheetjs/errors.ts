import type { Problem } from '../../common/text.ts';
import { corrupt, encrypted, outOfMemory } from '../problems.ts';
import type { SheetFormat } from '../types.ts';

/*
 * SheetJS reports every failure as a bare Error with English prose. Only the cases a person can
 * act on differently are told apart; the prose itself is not passed on, since it can quote
 * pieces of the file.
 */
const PASSWORD = /password|encrypt/i;
const MEMORY = /allocation failed|invalid (typed )?array length|invalid string length|out of memory/i;

export function problemFromSheetJs(error: unknown, file: string, format: SheetFormat): Problem {
  const message = error instanceof Error ? error.message : String(error);
  if (PASSWORD.test(message)) return encrypted(file);
  if (error instanceof RangeError && MEMORY.test(message)) return outOfMemory(file);
  return corrupt(file, format);
}
