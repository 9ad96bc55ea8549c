import { ALL_FIELDS } from '../fields.ts';
import type { HeaderMatch } from './header-score.ts';
import { judgeValues, type ValueContext } from './value-score.ts';
import type { Candidate, ColumnStats, Target } from './types.ts';

export const TARGETS: readonly Target[] = ['chatKey', ...ALL_FIELDS];

/** Below this a column is not proposed at all: leaving a field empty beats a wrong guess. */
export const MIN_SCORE = 0.5;

export interface ColumnEvidence {
  stats: ColumnStats;
  headers: readonly HeaderMatch[];
  context: ValueContext;
}

/**
 * Every claim one column makes. The header leads; values confirm it, or contradict it (a header
 * whose values do not fit at all keeps a third of its score), and can claim a target alone only
 * when they are distinctive (e-mails, phones, dates, free text, known enum words, chat ids).
 */
export function claimsOf(evidence: ColumnEvidence): Candidate[] {
  const { stats, headers, context } = evidence;
  const claims: Candidate[] = [];
  for (const target of TARGETS) {
    const match = headers.find((m) => m.target === target);
    const h = match?.score ?? 0;
    if (stats.nonEmpty === 0) {
      if (h > 0) claims.push({ column: stats.index, target, score: 0.9 * h, header: h, synonym: match?.synonym, exact: match?.exact });
      continue;
    }
    const judged = judgeValues(stats, target, context);
    const fromHeader = h === 0 ? 0 : judged.fit < 0.3 ? 0.35 * h : h * (0.55 + 0.45 * judged.fit);
    const high = Math.max(fromHeader, judged.alone);
    const low = Math.min(fromHeader, judged.alone);
    const score = Math.min(1, high + 0.25 * low * (1 - high));
    if (score <= 0) continue;
    claims.push({
      column: stats.index,
      target,
      score,
      header: h,
      synonym: match?.synonym,
      exact: match?.exact,
      values: judged.fit,
      evidence: judged.evidence,
    });
  }
  return claims;
}

/** Give each target its best column, strongest claims first; a column serves one target only. */
export function assign(claims: readonly Candidate[]): Map<Target, Candidate> {
  const order = new Map(TARGETS.map((t, i) => [t, i]));
  const sorted = [...claims].sort(
    (a, b) => b.score - a.score || order.get(a.target)! - order.get(b.target)! || a.column - b.column,
  );
  const chosen = new Map<Target, Candidate>();
  const usedColumns = new Set<number>();
  for (const claim of sorted) {
    if (claim.score < MIN_SCORE) break;
    if (chosen.has(claim.target) || usedColumns.has(claim.column)) continue;
    chosen.set(claim.target, claim);
    usedColumns.add(claim.column);
  }
  return chosen;
}
