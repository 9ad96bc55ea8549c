import { randomBytes } from 'node:crypto';

/** A seeded generator in [0, 1): fault decisions repeat exactly for the same seed and request order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Session tokens must not be guessable even in a sandbox: a leaked test log should not replay. */
export function newToken(): string {
  return randomBytes(24).toString('hex');
}
