import type { Delimiter } from '../types.ts';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Records looked at: enough to see a pattern past a title line, cheap even for wide files. */
const SAMPLE_RECORDS = 50;
/** And at most this much text, so one enormous first cell cannot make the guess slow. */
export const SAMPLE_CHARS = 1024 * 1024;

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Share of sampled records that have the winning field count, 0…1; 0 when nothing fit. */
  confidence: number;
}

/**
 * Field counts per candidate for the first records, respecting quotes (a delimiter or a line
 * break inside quotes does not count). Blank records are skipped; a record cut off by the
 * sample's end is dropped so it cannot look inconsistent.
 */
function fieldCounts(text: string): number[][] {
  const end = Math.min(text.length, SAMPLE_CHARS);
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  const counts: number[][] = DELIMITERS.map(() => []);
  let current = codes.map(() => 1);
  let quoted = false;
  let blank = true;
  let records = 0;
  for (let i = 0; i < end && records < SAMPLE_RECORDS; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    if (quoted) continue;
    if (c === 10 || c === 13) {
      if (!blank) {
        current.forEach((count, k) => counts[k]?.push(count));
        records++;
      }
      current = codes.map(() => 1);
      blank = true;
      continue;
    }
    blank = false;
    const k = codes.indexOf(c);
    if (k !== -1) current[k] = (current[k] ?? 0) + 1;
  }
  const complete = end === text.length && records < SAMPLE_RECORDS;
  if (complete && !blank && !quoted) current.forEach((count, k) => counts[k]?.push(count));
  return counts;
}

/** The most common count and how many records have it. */
function mode(counts: number[]): { value: number; share: number } {
  const seen = new Map<number, number>();
  let best = { value: 0, hits: 0 };
  for (const count of counts) {
    const hits = (seen.get(count) ?? 0) + 1;
    seen.set(count, hits);
    if (hits > best.hits || (hits === best.hits && count > best.value)) best = { value: count, hits };
  }
  return { value: best.value, share: counts.length === 0 ? 0 : best.hits / counts.length };
}

/**
 * The delimiter that splits the first records into the same number (at least two) of fields
 * most consistently; ties go to more fields, then to the order of DELIMITERS. `fallback` when
 * no candidate splits anything (a one-column file).
 */
export function guessDelimiter(text: string, fallback: Delimiter): DelimiterGuess {
  const counts = fieldCounts(text);
  let best: DelimiterGuess = { delimiter: fallback, confidence: 0 };
  let bestFields = 0;
  DELIMITERS.forEach((delimiter, k) => {
    const { value, share } = mode(counts[k] ?? []);
    if (value < 2) return;
    if (share > best.confidence || (share === best.confidence && value > bestFields)) {
      best = { delimiter, confidence: share };
      bestFields = value;
    }
  });
  return best;
}
