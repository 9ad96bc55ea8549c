/**
 * Which rows of a fixed-height grid are in view, for any number of rows. Chromium lays boxes out
 * in 1/64 px units and caps an element near 33.5M px, so 1,007,319 rows of 34 px (34.2M px) would
 * leave the last 20,000 rows past the end of the scroll bar. Past `maxSpacer` the scroll range is
 * compressed: one real pixel of scroll stands for `scale` pixels of rows, and the rows in view are
 * drawn where the real scroll position shows them.
 */
export interface RowGeometry {
  total: number;
  rowHeight: number;
  /** Height of the rows' part of the viewport (the scroller minus its sticky header). */
  viewport: number;
  /** Largest height the rows' spacer may take; Chromium's own limit is about 33.5M px. */
  maxSpacer: number;
}

export const MAX_SPACER_PX = 30_000_000;

export interface Scroll {
  /** Height of the element that gives the scroller its range. */
  spacer: number;
  /** Rows' pixels per real pixel of scroll (1 until the file outgrows `maxSpacer`). */
  scale: number;
}

export function scrollOf({ total, rowHeight, viewport, maxSpacer }: RowGeometry): Scroll {
  const rowsHeight = total * rowHeight;
  const spacer = Math.min(rowsHeight, maxSpacer);
  const realMax = spacer - viewport;
  const scale = realMax > 0 && rowsHeight > spacer ? (rowsHeight - viewport) / realMax : 1;
  return { spacer, scale };
}

/** The most rows `rowsInView` ever draws at once for this geometry and overscan. */
export function rowCapacity({ rowHeight, viewport }: RowGeometry, overscan: number): number {
  return Math.floor(viewport / rowHeight) + 2 + 2 * overscan;
}

export interface RowSpan {
  /** First and last row to draw (overscan included); last < first when there are none. */
  first: number;
  last: number;
  /** Where row `first` is drawn inside the spacer. */
  firstTop: number;
}

/** The rows to draw at real scroll position `scrollTop`, `overscan` extra on each side. */
export function rowsInView(geometry: RowGeometry, scrollTop: number, overscan: number): RowSpan {
  const { total, rowHeight, viewport } = geometry;
  const { scale } = scrollOf(geometry);
  const offset = scrollTop * scale;
  const first = Math.max(0, Math.floor(offset / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.floor((offset + viewport) / rowHeight) + overscan);
  return { first, last, firstTop: Math.round(first * rowHeight - offset + scrollTop) };
}

/**
 * The real scroll position that brings row `index` fully into view, moving as little as possible;
 * the current position when it already is.
 */
export function scrollTopFor(geometry: RowGeometry, index: number, scrollTop: number): number {
  const { rowHeight, viewport } = geometry;
  const { spacer, scale } = scrollOf(geometry);
  const offset = scrollTop * scale;
  const start = index * rowHeight;
  // The browser keeps whole pixels of scroll; compressed, one of them is `scale` pixels of rows.
  const slack = scale === 1 ? 0 : Math.ceil(scale) + 1;
  let wanted = offset;
  if (start < offset) wanted = start - slack;
  else if (start + rowHeight > offset + viewport) wanted = start + rowHeight - viewport + slack;
  if (wanted === offset) return scrollTop;
  return Math.min(Math.max(0, spacer - viewport), Math.max(0, wanted / scale));
}
