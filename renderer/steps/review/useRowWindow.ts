import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { MAX_SPACER_PX, rowCapacity, rowsInView, scrollOf, scrollTopFor, type RowGeometry, type RowSpan } from './row-window.ts';

export interface RowWindow extends RowSpan {
  spacer: number;
  /** The most rows drawn at once: keys taken modulo it never collide. */
  capacity: number;
  /** Scrolls so that row `index` is fully in view. */
  scrollToRow(index: number): void;
}

/** The grid's rows in view, following the scroller's position and size. */
export function useRowWindow(scroller: RefObject<HTMLDivElement | null>, total: number, rowHeight: number, headerHeight: number, overscan: number): RowWindow {
  const [view, setView] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const read = () => setView({ top: element.scrollTop, height: element.clientHeight });
    read();
    element.addEventListener('scroll', read, { passive: true });
    const resized = new ResizeObserver(read);
    resized.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      resized.disconnect();
    };
  }, [scroller]);

  const geometry: RowGeometry = { total, rowHeight, viewport: Math.max(rowHeight, view.height - headerHeight), maxSpacer: MAX_SPACER_PX };
  const { viewport } = geometry;
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (element === null) return;
      const top = scrollTopFor({ total, rowHeight, viewport, maxSpacer: MAX_SPACER_PX }, index, element.scrollTop);
      if (top !== element.scrollTop) element.scrollTop = top;
    },
    [scroller, total, rowHeight, viewport],
  );
  return { ...rowsInView(geometry, view.top, overscan), spacer: scrollOf(geometry).spacer, capacity: rowCapacity(geometry, overscan), scrollToRow };
}
