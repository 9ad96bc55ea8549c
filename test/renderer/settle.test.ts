import { describe, expect, it } from 'vitest';
import { SETTLE_MS, settleDelay } from '../../renderer/steps/mapping/settle.ts';

describe('when a mapping change is validated', () => {
  it('validates the first change at once', () => {
    expect(settleDelay(1_000, undefined)).toBe(0);
  });

  it('validates a change after a quiet moment at once: a picked source shows its counts without a wait', () => {
    expect(settleDelay(5_000, 5_000 - SETTLE_MS)).toBe(0);
    expect(settleDelay(60_000, 1_000)).toBe(0);
  });

  it('waits for a pause when changes follow each other quickly, as key strokes do', () => {
    expect(settleDelay(1_100, 1_000)).toBe(SETTLE_MS);
    expect(settleDelay(1_000 + SETTLE_MS - 1, 1_000)).toBe(SETTLE_MS);
  });
});
