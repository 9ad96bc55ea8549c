import { z } from 'zod';
import { seededRandom } from './random.ts';

/**
 * What can go wrong between a client and the API. `reset_after` is the one that matters most:
 * the request is processed and stored, then the connection dies without a reply, so the client
 * cannot know the outcome and must reconcile (callgear-data-api.md §7.3).
 */
export const FAULT_KINDS = ['http_5xx', 'reset_before', 'reset_after', 'hang', 'internal_error'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const FaultRuleSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** Only requests for this method; every API method when absent (never the sandbox.* controls). */
  method: z.string().optional(),
  /** Fire on each matching request with this chance, drawn from the seeded generator. */
  probability: z.number().min(0).max(1).optional(),
  /** Fire at most this many times (alone: on the next N matching requests). */
  times: z.number().int().positive().optional(),
  /** Let this many matching requests through untouched before the rule can fire. */
  skip: z.number().int().nonnegative().optional(),
  /** HTTP status for `http_5xx` (default 503). */
  status: z.number().int().min(500).max(599).optional(),
});

export const FaultsSchema = z.strictObject({
  /** Seed of the generator behind `probability`; the same seed and request order give the same faults. */
  seed: z.number().int().optional(),
  /** Delay before every API request is processed. */
  latencyMs: z.number().int().nonnegative().optional(),
  rules: z.array(FaultRuleSchema).optional(),
  /** One-shot: every session token stops working now. */
  expireSessions: z.boolean().optional(),
  /** One-shot: leave exactly these many points in the current minute / day window. */
  budget: z.strictObject({ minute: z.number().int().nonnegative().optional(), day: z.number().int().nonnegative().optional() }).optional(),
});

export type FaultRule = z.infer<typeof FaultRuleSchema>;
export type Faults = z.infer<typeof FaultsSchema>;

/** What the transport does with one request. */
export type FaultAction = { kind: 'none' } | { kind: 'http_5xx'; status: number } | { kind: Exclude<FaultKind, 'http_5xx'> };

interface LiveRule {
  rule: FaultRule;
  seen: number;
  fired: number;
}

/** Decides, per request, which fault (if any) applies. Rules are tried in order; the first that fires wins. */
export class FaultPlanner {
  private rules: LiveRule[] = [];
  private seed = 1;
  private random: () => number = seededRandom(1);
  private latency = 0;

  /**
   * Changes the parts that are given and keeps the rest: new rules start with fresh counters and a
   * generator reseeded (with `seed`, or the last seed), so a run of faults repeats exactly.
   */
  set(faults: Faults): void {
    if (faults.seed !== undefined) this.seed = faults.seed;
    if (faults.latencyMs !== undefined) this.latency = faults.latencyMs;
    if (faults.rules !== undefined) this.rules = faults.rules.map((rule) => ({ rule, seen: 0, fired: 0 }));
    if (faults.rules !== undefined || faults.seed !== undefined) this.random = seededRandom(this.seed);
  }

  /** The standing faults, with how many times each rule has fired so far. */
  describe(): { latencyMs: number; rules: (FaultRule & { fired: number })[] } {
    return { latencyMs: this.latency, rules: this.rules.map((r) => ({ ...r.rule, fired: r.fired })) };
  }

  latencyMs(): number {
    return this.latency;
  }

  decide(method: string | undefined): FaultAction {
    for (const live of this.rules) {
      if (live.rule.method !== undefined && live.rule.method !== method) continue;
      if (this.fires(live)) {
        live.fired += 1;
        const kind = live.rule.kind;
        return kind === 'http_5xx' ? { kind, status: live.rule.status ?? 503 } : { kind };
      }
    }
    return { kind: 'none' };
  }

  private fires(live: LiveRule): boolean {
    live.seen += 1;
    if (live.seen <= (live.rule.skip ?? 0)) return false;
    if (live.rule.times !== undefined && live.fired >= live.rule.times) return false;
    return live.rule.probability === undefined || this.random() < live.rule.probability;
  }
}
