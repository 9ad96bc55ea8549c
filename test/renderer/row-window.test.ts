import { describe, expect, it } from 'vitest';
import { MAX_SPACER_PX, rowCapacity, rowsInView, scrollOf, scrollTopFor, type RowGeometry } from '../../renderer/steps/review/row-window.ts';

const ROW = 34;
const grid = (total: number): RowGeometry => ({ total, rowHeight: ROW, viewport: 400, maxSpacer: MAX_SPACER_PX });
/** The rows fully inside the viewport at real scroll position `top`. */
function fullyShown(geometry: RowGeometry, top: number): number[] {
  const span = rowsInView(geometry, top, 0);
  const shown: number[] = [];
  for (let i = span.first; i <= span.last; i++) {
    const drawnAt = span.firstTop + (i - span.first) * ROW - top;
    if (drawnAt >= 0 && drawnAt + ROW <= geometry.viewport) shown.push(i);
  }
  return shown;
}

describe('the review grid’s rows in view', () => {
  it('scrolls a small file one to one: row n is drawn at n × row height', () => {
    const small = grid(100_000);
    expect(scrollOf(small)).toEqual({ spacer: 100_000 * ROW, scale: 1 });
    const span = rowsInView(small, 500 * ROW, 10);
    expect(span.first).toBe(490);
    expect(span.firstTop).toBe(490 * ROW);
  });

  it('keeps a 1,007,319-row file inside the browser’s height limit and still reaches its last row', () => {
    const large = grid(1_007_319);
    const { spacer, scale } = scrollOf(large);
    expect(spacer).toBe(MAX_SPACER_PX);
    expect(scale).toBeGreaterThan(1);
    const bottom = spacer - large.viewport;
    expect(fullyShown(large, bottom)).toContain(1_007_318);
    expect(rowsInView(large, bottom, 10).last).toBe(1_007_318);
  });

  it('brings any row fully into view, the first and the last included', () => {
    for (const total of [50, 100_000, 1_007_319, 3_000_000]) {
      const geometry = grid(total);
      for (const index of [0, 1, Math.floor(total / 3), total - 2, total - 1]) {
        // The browser keeps whole pixels of scroll.
        const top = Math.round(scrollTopFor(geometry, index, 0));
        expect(top).toBeLessThanOrEqual(Math.max(0, scrollOf(geometry).spacer - geometry.viewport));
        expect(fullyShown(geometry, top), `row ${index} of ${total}`).toContain(index);
      }
    }
  });

  it('does not move when the row is already in view', () => {
    const geometry = grid(1_007_319);
    const top = scrollTopFor(geometry, 500_000, 0);
    expect(scrollTopFor(geometry, 499_999, top)).toBe(top);
  });

  it('draws nothing for an empty view', () => {
    const span = rowsInView(grid(0), 0, 10);
    expect(span.last).toBeLessThan(span.first);
  });
});

describe('keys for the rows drawn', () => {
  it('never collide: the rows drawn at any position are fewer than the capacity', () => {
    const geometry = grid(1_007_319);
    const capacity = rowCapacity(geometry, 10);
    for (const top of [0, 17, 34 * 500 + 5, 12_345_678.5, scrollOf(geometry).spacer - geometry.viewport]) {
      const span = rowsInView(geometry, top, 10);
      expect(span.last - span.first + 1).toBeLessThanOrEqual(capacity);
    }
  });
});
