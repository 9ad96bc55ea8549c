/** Typing in a field should not start a validation per key stroke. */
export const SETTLE_MS = 250;

/**
 * How long to wait before validating a change: a change after a quiet moment (a source picked, a
 * value chosen) goes at once, so its counts come back within the responsiveness target (issue 6:
 * ≤ 500 ms at 100k rows); changes in quick succession (typing) wait until the person pauses.
 */
export function settleDelay(now: number, previousChange: number | undefined): number {
  return previousChange === undefined || now - previousChange >= SETTLE_MS ? 0 : SETTLE_MS;
}
