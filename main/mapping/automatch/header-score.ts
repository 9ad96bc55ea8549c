import { editDistance, normaliseHeader, tokenLikeness, type NormalHeader } from './normalise.ts';
import { HEADER_SYNONYMS, WEAK_TOKENS } from './synonyms.ts';
import type { Target } from './types.ts';

export interface HeaderMatch {
  target: Target;
  score: number;
  /** The synonym it matched, as written in the table of synonyms. */
  synonym: string;
  /** The header is that synonym once case, punctuation and word endings are folded. */
  exact: boolean;
}

interface PreparedSynonym {
  text: string;
  cap: number;
  normal: NormalHeader;
  weight: number;
}

const TARGETS = Object.keys(HEADER_SYNONYMS) as Target[];

const PREPARED: ReadonlyMap<Target, readonly PreparedSynonym[]> = new Map(
  TARGETS.map((target) => [
    target,
    HEADER_SYNONYMS[target].map((entry) => {
      const [text, cap] = typeof entry === 'string' ? [entry, 1] : entry;
      const normal = normaliseHeader(text);
      return { text, cap, normal, weight: totalWeight(normal.tokens) };
    }),
  ]),
);

function weightOf(token: string): number {
  return WEAK_TOKENS.get(token) ?? 1;
}

function totalWeight(tokens: readonly string[]): number {
  let sum = 0;
  for (const t of tokens) sum += weightOf(t);
  return sum;
}

/**
 * How well a header names each target, 0…1: 1 for a known name as written (after folding case,
 * punctuation and word endings), less for a partial or misspelt one. Only targets above `floor`.
 */
export function scoreHeader(header: string, floor = 0.3): HeaderMatch[] {
  const normal = normaliseHeader(header);
  if (normal.tokens.length === 0) return [];
  const headerWeight = totalWeight(normal.tokens);
  const matches: HeaderMatch[] = [];
  for (const target of TARGETS) {
    let best: HeaderMatch | undefined;
    for (const synonym of PREPARED.get(target) ?? []) {
      const like = likeness(normal, headerWeight, synonym, target);
      const score = synonym.cap * like;
      if (score > (best?.score ?? 0)) best = { target, score, synonym: synonym.text, exact: like === 1 };
    }
    if (best && best.score >= floor) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score);
}

const ID_WORDS = new Set(['id', 'ид', 'no', 'number', 'num', 'номер', 'code', 'код', 'uuid', 'key', 'ключ', 'идентификатор']);
const DATE_WORDS = new Set(['date', 'дат', 'time', 'врем', 'timestamp', 'datetime']);
const ID_TARGETS = new Set<Target>(['chatKey', 'site_id', 'campaign_id', 'visitor_session_id', 'employee_id', 'phone']);
const DATE_TARGETS = new Set<Target>(['start_date_time', 'date_time']);
const CLASS_WORDS: readonly [ReadonlySet<string>, ReadonlySet<Target>][] = [
  [ID_WORDS, ID_TARGETS],
  [DATE_WORDS, DATE_TARGETS],
];

function likeness(header: NormalHeader, headerWeight: number, synonym: PreparedSynonym, target: Target): number {
  if (synonym.normal.compact === '') return 0;
  if (header.compact === synonym.normal.compact) return 1;
  let best = 0;
  const compactLength = Math.min(header.compact.length, synonym.normal.compact.length);
  if (compactLength >= 5) {
    const allowed = compactLength >= 10 ? 2 : 1;
    if (editDistance(header.compact, synonym.normal.compact, allowed) <= allowed) best = 0.9;
  }
  // Weighted Dice over tokens, each header token used once, typos and longer forms counted at 0.85.
  const used = new Array<boolean>(header.tokens.length).fill(false);
  const unmatchedSynonym: string[] = [];
  let matched = 0;
  for (const s of synonym.normal.tokens) {
    let bestLike = 0;
    let bestIndex = -1;
    for (let i = 0; i < header.tokens.length; i++) {
      if (used[i]) continue;
      const like = tokenLikeness(header.tokens[i]!, s);
      if (like > bestLike) {
        bestLike = like;
        bestIndex = i;
      }
    }
    if (bestIndex >= 0) {
      used[bestIndex] = true;
      matched += bestLike * weightOf(s);
    } else {
      unmatchedSynonym.push(s);
    }
  }
  if (matched === 0) return best;
  const dice = (2 * matched) / (headerWeight + synonym.weight);
  // A word that says "identifier" or "date" left unmatched on either side means another kind of
  // column: "Visitor ID" is not the visitor's name, "Message date" is not the message.
  const unmatchedHeader = header.tokens.filter((_, i) => !used[i]);
  // Likewise a synonym whose own class word went unmatched: "Message" is not "Message time".
  let penalty = 1;
  for (const [tokens, targets] of CLASS_WORDS) {
    const inClass = targets.has(target);
    if (!inClass && unmatchedHeader.some((t) => tokens.has(t))) penalty = 0.6;
    if (inClass && unmatchedSynonym.some((t) => tokens.has(t))) penalty = 0.6;
  }
  return Math.max(best, 0.95 * dice * penalty);
}
