import { useCallback, useEffect, useRef, useState } from 'react';
import type { RowView } from '../../../main/contract/channels.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';

export const PAGE_SIZE = 200;

export interface RowQuery {
  onlyProblems: boolean;
  code: string | undefined;
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
  /** Fetch the pages covering these indexes, if not cached or already asked for. */
  want(first: number, last: number): void;
  problem: ProblemView | undefined;
}

const sameRows = (a: RowQuery, b: RowQuery) => a.onlyProblems === b.onlyProblems && a.code === b.code;

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

  const fetchPage = useCallback((page: number) => {
    const current = cache.current;
    if (current.pages.has(page) || current.asked.has(page)) return;
    current.asked.add(page);
    const { onlyProblems, code } = current.query;
    void api()
      .pageRows({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, onlyProblems, ...(code === undefined ? {} : { code }) })
      .then((reply) => {
        if (cache.current !== current) return;
        current.asked.delete(page);
        if (!reply.ok) return setProblem(reply.error);
        current.pages.set(page, reply.value.rows);
        setProblem(undefined);
        setTotal(reply.value.total);
        setTick((n) => n + 1);
      });
  }, []);

  const want = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) fetchPage(page);
    },
    [fetchPage],
  );

  const { onlyProblems, code, version } = query;
  useEffect(() => {
    const previous = cache.current;
    if (previous.query.onlyProblems === onlyProblems && previous.query.code === code && previous.query.version === version) return;
    const next: RowQuery = { onlyProblems, code, version };
    stale.current = sameRows(previous.query, next) ? previous.pages : new Map();
    if (!sameRows(previous.query, next)) setTotal(undefined);
    cache.current = { query: next, pages: new Map(), asked: new Set() };
    want(...(sameRows(previous.query, next) ? range.current : ([0, PAGE_SIZE - 1] as [number, number])));
  }, [onlyProblems, code, version, want]);

  useEffect(() => want(0, PAGE_SIZE - 1), [want]);

  const row = (index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = cache.current.pages.get(page) ?? stale.current.get(page);
    return rows?.[index % PAGE_SIZE];
  };
  return { total, row, want, problem };
}
