import type { Mapping } from '../mapping/model.ts';
import { findHeader, headerKey, mappedColumns } from './headers.ts';
import type { PastImport, Template } from './model.ts';

/** A remembered mapping that might fit a file: a named template or a past import. */
export type Candidate = { kind: 'template'; template: Template } | { kind: 'past'; past: PastImport };

export interface Match {
  candidate: Candidate;
  /** `exact`: the same headers, in any order; `overlap`: most of them, and every mapped one. */
  how: 'exact' | 'overlap';
  /** The file's headers found among the candidate's. */
  matched: number;
  /** The file's headers. */
  total: number;
}

/** Shared headers over the larger header row: an extra or a missing column each count against it. */
export const OVERLAP_THRESHOLD = 0.8;

const signatureOf = (candidate: Candidate) => (candidate.kind === 'template' ? candidate.template.headers : candidate.past.headers);
const mappingOf = (candidate: Candidate): Mapping => (candidate.kind === 'template' ? candidate.template.mapping : candidate.past.mapping);

function compare(headers: readonly string[], candidate: Candidate): Match | undefined {
  const mine = new Set(headers.map(headerKey));
  const theirs = new Set(signatureOf(candidate).map(headerKey));
  const matched = [...mine].filter((key) => theirs.has(key)).length;
  const everyMapped = mappedColumns(mappingOf(candidate)).every((use) => findHeader(headers, use.column) !== undefined);
  if (!everyMapped || mine.size === 0) return undefined;
  if (matched === mine.size && matched === theirs.size) return { candidate, how: 'exact', matched, total: headers.length };
  if (matched / Math.max(mine.size, theirs.size) >= OVERLAP_THRESHOLD) return { candidate, how: 'overlap', matched, total: headers.length };
  return undefined;
}

/**
 * The remembered mapping to apply to a file with these headers, if one fits well enough to apply
 * without asking. Candidates come in order of preference (templates, then past imports, newest
 * first): an exact match beats any overlap, a larger overlap beats a smaller, and the order breaks ties.
 */
export function findMatch(headers: readonly string[], candidates: readonly Candidate[]): Match | undefined {
  let best: Match | undefined;
  for (const candidate of candidates) {
    const match = compare(headers, candidate);
    if (match === undefined) continue;
    if (match.how === 'exact') return match;
    if (best === undefined || match.matched > best.matched) best = match;
  }
  return best;
}
