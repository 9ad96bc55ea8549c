import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useLanguage } from '../../i18n/language.tsx';
import { GridRow } from './GridRow.tsx';
import type { RowPages } from './useRowPages.ts';
import { useRowWindow } from './useRowWindow.ts';

export interface ActiveCell {
  index: number;
  column: number;
}

interface GridProps {
  headers: string[];
  pages: RowPages;
  active: ActiveCell;
  editing: boolean;
  onActive(cell: ActiveCell): void;
  onEditing(editing: boolean): void;
  onCommit(index: number, column: number, value: string): void;
}

const ROW_HEIGHT = 34;
/** The sticky header row inside the scroller covers this much of it. */
const HEADER_HEIGHT = 34;
const PAGE_ROWS = 15;
const OVERSCAN = 10;
/**
 * Rows are placed from a base that moves every this many rows, so while the grid scrolls a row
 * keeps its props and React skips it.
 */
const BASE_STEP = 256;

/**
 * The rows, virtualised: only the rows in view exist in the page, so a million rows scroll like
 * ten. One cell at a time is in the tab order; arrows, Page Up/Down and Home/End move it.
 */
export function Grid({ headers, pages, active, editing, onActive, onEditing, onCommit }: GridProps) {
  const { t } = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const total = pages.total ?? 0;
  const view = useRowWindow(scroller, total, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN);
  const { first, last, scrollToRow } = view;
  const { want } = pages;
  useEffect(() => {
    if (last >= first) want(first, last);
  }, [first, last, want]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scrollToRow(active.index);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-cell="${active.index}:${active.column}"]`)?.focus());
  }, [active, scrollToRow]);

  // Stable callbacks let each row skip rendering while the grid scrolls past it.
  const latest = useRef({ onActive, onEditing, onCommit });
  latest.current = { onActive, onEditing, onCommit };
  const focusCell = useCallback((index: number, column: number) => latest.current.onActive({ index, column }), []);
  const editCell = useCallback((index: number, column: number) => {
    latest.current.onActive({ index, column });
    latest.current.onEditing(true);
  }, []);
  const commit = useCallback((index: number, column: number, value: string) => latest.current.onCommit(index, column, value), []);
  const cancel = useCallback(() => {
    focusWanted.current = true;
    latest.current.onEditing(false);
  }, []);

  const move = (index: number, column: number) => {
    focusWanted.current = true;
    onActive({ index: Math.max(0, Math.min(total - 1, index)), column: Math.max(0, Math.min(headers.length - 1, column)) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || total === 0) return;
    const { index, column } = active;
    const moves: Record<string, () => void> = {
      ArrowDown: () => move(index + 1, column),
      ArrowUp: () => move(index - 1, column),
      ArrowRight: () => move(index, column + 1),
      ArrowLeft: () => move(index, column - 1),
      PageDown: () => move(index + PAGE_ROWS, column),
      PageUp: () => move(index - PAGE_ROWS, column),
      Home: () => (event.ctrlKey ? move(0, column) : move(index, 0)),
      End: () => (event.ctrlKey ? move(total - 1, column) : move(index, headers.length - 1)),
      Enter: () => onEditing(true),
      F2: () => onEditing(true),
    };
    const action = moves[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };

  const width = 80 + headers.length * 180;
  // The active cell is the grid's one tab stop; when it is scrolled away the grid itself is.
  const activeShown = pages.row(active.index) !== undefined && active.index >= first && active.index <= last;
  // A focused cell scrolled away now shows another row: the grid itself takes the focus.
  useEffect(() => {
    const grid = scroller.current;
    if (!activeShown && grid !== null && grid.contains(document.activeElement) && document.activeElement !== grid) grid.focus({ preventScroll: true });
  }, [activeShown]);
  const base = first - (first % BASE_STEP);
  const indexes = last >= first ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
  return (
    <div
      ref={scroller}
      className="grid"
      role="grid"
      aria-label={t.review.gridLabel}
      aria-rowcount={total + 1}
      aria-colcount={headers.length + 1}
      tabIndex={activeShown ? undefined : 0}
      onKeyDown={onKeyDown}
    >
      <div role="row" aria-rowindex={1} className="grid-row grid-head" style={{ width }}>
        <div role="columnheader" className="grid-rownum">
          {t.review.row}
        </div>
        {headers.map((header, column) => (
          <div key={column} role="columnheader" className="grid-cell" title={header}>
            {header}
          </div>
        ))}
      </div>
      <div style={{ height: view.spacer, width, position: 'relative' }}>
        <div style={{ position: 'absolute', left: 0, top: view.firstTop - (first - base) * ROW_HEIGHT, width }}>
          {indexes.map((index) => (
            <GridRow
              // Keyed by slot, not by row: a row scrolled out hands its elements to the row scrolled
              // in, so React updates them in place instead of removing and creating a row of
              // elements per row, which was most of a frame while the scroll bar is dragged.
              key={index % view.capacity}
              index={index}
              top={(index - base) * ROW_HEIGHT}
              row={pages.row(index)}
              headers={headers}
              active={active.index === index ? active.column : undefined}
              editing={editing && active.index === index}
              onFocusCell={focusCell}
              onEdit={editCell}
              onCommit={commit}
              onCancel={cancel}
            />
          ))}
        </div>
      </div>
      {pages.total === 0 && <p className="grid-empty">{t.review.noRows}</p>}
    </div>
  );
}
