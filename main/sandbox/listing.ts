import { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import { checkFilter, matches, type Filter, type FilterSpec } from './filter.ts';
import { rpcError, unexpected, type RpcError } from './rpc-errors.ts';

/** Paging and shaping parameters shared by get.* methods (callgear-data-api.md §6.1). */
export const LIST_PARAMS = {
  limit: z.number().int().min(1).max(10_000).optional(),
  offset: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  filter: z.unknown().optional(),
  sort: z.array(z.strictObject({ field: z.string(), order: z.enum(['asc', 'desc']) })).optional(),
};

export interface ListParams {
  limit?: number;
  offset?: number;
  fields?: string[];
  filter?: unknown;
  sort?: { field: string; order: 'asc' | 'desc' }[];
}

export interface ListSpec extends FilterSpec {
  sortable: readonly string[];
}

export interface Page {
  data: Record<string, unknown>[];
  totalItems: number;
}

function checkFields(fields: readonly string[] | undefined, spec: ListSpec): RpcError | undefined {
  const unknown = fields?.find((f) => !spec.fields.includes(f));
  return unknown === undefined ? undefined : unexpected('fields', unknown);
}

function checkSort(sort: ListParams['sort'], spec: ListSpec): RpcError | undefined {
  for (const [i, s] of (sort ?? []).entries()) {
    if (!spec.fields.includes(s.field)) return unexpected(`sort.${i}.field`, s.field);
    if (!spec.sortable.includes(s.field)) return rpcError('sort_prohibited', `Sorting by ${s.field} is prohibited`, { field: `sort.${i}.field`, value: s.field });
  }
  return undefined;
}

function sorted(rows: Record<string, unknown>[], sort: ListParams['sort']): Record<string, unknown>[] {
  if (!sort?.length) return rows;
  const key = (v: unknown) => (v === null || v === undefined ? '' : v);
  return [...rows].sort((a, b) => {
    for (const s of sort) {
      const x = key(a[s.field]);
      const y = key(b[s.field]);
      if (x === y) continue;
      const d = x < y ? -1 : 1;
      return s.order === 'asc' ? d : -d;
    }
    return 0;
  });
}

function project(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
}

/**
 * One page of rows: filtered, sorted, cut by offset and limit, shaped to `fields`. With
 * `shortPageSize` a page stops early while `totalItems` stays true, as a client has seen (§6.1).
 */
export function listPage(rows: Record<string, unknown>[], params: ListParams, spec: ListSpec, shortPageSize?: number): Result<Page, RpcError> {
  const problem = checkFields(params.fields, spec) ?? checkSort(params.sort, spec);
  if (problem) return fail(problem);
  let filter: Filter | undefined;
  if (params.filter !== undefined) {
    const checked = checkFilter(params.filter, spec);
    if (!checked.ok) return fail(checked.error);
    filter = checked.filter;
  }
  const kept = sorted(filter ? rows.filter((r) => matches(r, filter)) : rows, params.sort);
  const offset = params.offset ?? 0;
  const size = Math.min(params.limit ?? 1000, shortPageSize ?? Number.POSITIVE_INFINITY);
  const fields = params.fields?.length ? params.fields : spec.fields;
  return ok({ data: kept.slice(offset, offset + size).map((r) => project(r, fields)), totalItems: kept.length });
}
