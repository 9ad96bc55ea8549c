import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RowView } from '../../../main/contract/channels.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';

/**
 * Rows per request: about three screens. Pages of 200 made each request four times the work for
 * the engine and the bridge, and while the scroll bar is dragged every frame asks for a new page:
 * the UI benchmark's frames over 50 ms fell from ~60 of ~520 to 0–1 with pages of 50.
 */
export const PAGE_SIZE = 50;
/**
 * Page requests in flight at once. The engine answers in order, so a fling or a drag of the
 * scroll bar that asked for every page it passed would leave the rows where it stops waiting
 * behind all of them (the UI benchmark, bench/ui.ts, measures that wait).
 */
const IN_FLIGHT = 2;

export interface RowQuery {
  onlyProblems: boolean;
  code: string | undefined;
  /** Only the rows of the chats the upload journaled in this folder refused (the other filters are off). */
  failedIn?: string | undefined;
  /** Bumped after an edit or exclusion: the same rows, new contents. */
  version: number;
}

interface Cache {
  query: RowQuery;
  pages: Map<number, RowView[]>;
  asked: Set<number>;
}

export interface RowPages {
  /** Rows in the current view; undefined until the first page arrives. */
  total: number | undefined;
  row(index: number): RowView | undefined;
  /** The rows in view: their pages are fetched unless cached or already asked for. */
  want(first: number, last: number): void;
  problem: ProblemView | undefined;
}

const sameRows = (a: RowQuery, b: RowQuery) => a.onlyProblems === b.onlyProblems && a.code === b.code && a.failedIn === b.failedIn;

/**
 * The grid's rows, fetched a page at a time as they scroll into view and kept. After an edit
 * the old pages stay on screen until their fresh copies arrive, so nothing flickers.
 */
export function useRowPages(query: RowQuery): RowPages {
  const cache = useRef<Cache>({ query, pages: new Map(), asked: new Set() });
  const stale = useRef<Map<number, RowView[]>>(new Map());
  const [total, setTotal] = useState<number | undefined>();
  const [problem, setProblem] = useState<ProblemView | undefined>();
  const [, setTick] = useState(0);
  const range = useRef<[number, number]>([0, PAGE_SIZE - 1]);

  // Asks for the pages of the rows in view that are neither here nor on their way, a few at a time;
  // each answer asks again for wherever the grid is by then.
  const pump = useCallback(function pump() {
    const current = cache.current;
    const [first, last] = range.current;
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE) && current.asked.size < IN_FLIGHT; page++) {
      if (current.pages.has(page) || current.asked.has(page)) continue;
      current.asked.add(page);
      const { onlyProblems, code, failedIn } = current.query;
      const offset = page * PAGE_SIZE;
      const asking =
        failedIn === undefined
          ? api().pageRows({ offset, limit: PAGE_SIZE, onlyProblems, ...(code === undefined ? {} : { code }) })
          : api().pageFailedRows({ journalDir: failedIn, offset, limit: PAGE_SIZE });
      void asking.then((reply) => {
        if (cache.current !== current) return;
        current.asked.delete(page);
        if (!reply.ok) return setProblem(reply.error);
        current.pages.set(page, reply.value.rows);
        setProblem(undefined);
        setTotal(reply.value.total);
        setTick((n) => n + 1);
        pump();
      });
    }
  }, []);

  const want = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      pump();
    },
    [pump],
  );

  const { onlyProblems, code, failedIn, version } = query;
  useEffect(() => {
    const previous = cache.current;
    const next: RowQuery = { onlyProblems, code, failedIn, version };
    if (sameRows(previous.query, next) && previous.query.version === version) return;
    stale.current = sameRows(previous.query, next) ? previous.pages : new Map();
    if (!sameRows(previous.query, next)) setTotal(undefined);
    cache.current = { query: next, pages: new Map(), asked: new Set() };
    want(...(sameRows(previous.query, next) ? range.current : ([0, PAGE_SIZE - 1] as [number, number])));
  }, [onlyProblems, code, failedIn, version, want]);

  // A layout effect runs before every passive one, so the first rows are asked for ahead of the
  // step's other requests (the issues panel's findings): the engine answers in order.
  useLayoutEffect(() => want(0, PAGE_SIZE - 1), [want]);

  const row = (index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = cache.current.pages.get(page) ?? stale.current.get(page);
    return rows?.[index % PAGE_SIZE];
  };
  return { total, row, want, problem };
}
