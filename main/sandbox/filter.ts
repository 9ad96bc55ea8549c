import { isRecord } from './envelope.ts';
import { badValue, rpcError, unexpected, wrongType, type RpcError } from './rpc-errors.ts';

/** Operators seen in real requests (callgear-data-api.md §6.1), plus the obvious inclusive ones. */
const OPERATORS = ['=', '!=', '<', '>', '<=', '>=', 'in'] as const;
type Operator = (typeof OPERATORS)[number];

export type Filter = { field: string; operator: Operator; value: unknown } | { filters: Filter[]; condition: 'and' | 'or' };

export interface FilterSpec {
  fields: readonly string[];
  filterable: readonly string[];
}

type Checked = { ok: true; filter: Filter } | { ok: false; error: RpcError };

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function checkLeaf(node: Record<string, unknown>, path: string, spec: FilterSpec): Checked {
  const extra = Object.keys(node).find((k) => !['field', 'operator', 'value'].includes(k));
  if (extra) return { ok: false, error: unexpected(`${path}.${extra}`, node[extra]) };
  const { field, operator, value } = node;
  if (typeof field !== 'string') return { ok: false, error: wrongType(`${path}.field`, field, 'string') };
  if (!spec.fields.includes(field)) return { ok: false, error: unexpected(`${path}.field`, field) };
  if (!spec.filterable.includes(field)) {
    return { ok: false, error: rpcError('filter_prohibited', `Filtering by ${field} is prohibited`, { field: `${path}.field`, value: field }) };
  }
  if (!OPERATORS.includes(operator as Operator)) return { ok: false, error: badValue(`${path}.operator`, operator, `one of ${OPERATORS.join(' ')}`) };
  const list = operator === 'in';
  if (list ? !Array.isArray(value) || !value.every(isScalar) : !isScalar(value)) {
    return { ok: false, error: wrongType(`${path}.value`, value, list ? 'an array' : 'a scalar') };
  }
  return { ok: true, filter: { field, operator: operator as Operator, value } };
}

function checkGroup(node: Record<string, unknown>, path: string, spec: FilterSpec): Checked {
  const extra = Object.keys(node).find((k) => !['filters', 'condition'].includes(k));
  if (extra) return { ok: false, error: unexpected(`${path}.${extra}`, node[extra]) };
  const { filters, condition } = node;
  if (condition !== 'and' && condition !== 'or') return { ok: false, error: badValue(`${path}.condition`, condition, 'and or or') };
  if (!Array.isArray(filters) || filters.length === 0) return { ok: false, error: badValue(`${path}.filters`, filters, 'a non-empty array') };
  const children: Filter[] = [];
  for (const [i, child] of filters.entries()) {
    const checked = checkFilter(child, spec, `${path}.filters.${i}`);
    if (!checked.ok) return checked;
    children.push(checked.filter);
  }
  return { ok: true, filter: { filters: children, condition } };
}

/** A leaf `{field, operator, value}` or a group `{filters, condition}`, nestable (§6.1). */
export function checkFilter(node: unknown, spec: FilterSpec, path = 'filter'): Checked {
  if (!isRecord(node)) return { ok: false, error: wrongType(path, node, 'an object') };
  return 'filters' in node || 'condition' in node ? checkGroup(node, path, spec) : checkLeaf(node, path, spec);
}

/** Order of two values of the same kind; undefined when they cannot be ordered (so `<`, `>` do not match). */
function order(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
}

function compare(actual: unknown, operator: Operator, expected: unknown): boolean {
  if (operator === '=') return actual === expected;
  if (operator === '!=') return actual !== expected;
  if (operator === 'in') return Array.isArray(expected) && expected.includes(actual);
  const d = order(actual, expected);
  if (d === undefined) return false;
  return operator === '<' ? d < 0 : operator === '>' ? d > 0 : operator === '<=' ? d <= 0 : d >= 0;
}

export function matches(record: Record<string, unknown>, filter: Filter): boolean {
  if ('filters' in filter) {
    return filter.condition === 'and' ? filter.filters.every((f) => matches(record, f)) : filter.filters.some((f) => matches(record, f));
  }
  return compare(record[filter.field], filter.operator, filter.value);
}
