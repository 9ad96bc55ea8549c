import type { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import { isRecord } from './envelope.ts';
import { badValue, missing, unexpected, wrongType, type RpcError } from './rpc-errors.ts';

type Path = readonly PropertyKey[];

function valueAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isRecord(at) && typeof key === 'string' && Object.hasOwn(at, key)) at = at[key];
    else return undefined;
  }
  return at;
}

/** Array positions join like names, e.g. `filter.filters.1.field`: the form the reference gives for nested names (§4.1). */
export const fieldName = (path: Path): string => path.map(String).join('.');

/** Turns the first zod issue into the mnemonic the API uses for it, unknown parameters first. */
function issueError(issues: readonly z.core.$ZodIssue[], params: unknown): RpcError {
  const extra = issues.find((i) => i.code === 'unrecognized_keys');
  if (extra && extra.code === 'unrecognized_keys') {
    const path = [...extra.path, extra.keys[0] ?? ''];
    return unexpected(fieldName(path), valueAt(params, path));
  }
  const issue = issues[0];
  if (!issue) return badValue('params', params, 'invalid');
  const field = fieldName(issue.path);
  const value = valueAt(params, issue.path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return missing(field);
    // A fraction where an id belongs has the right JSON type and a wrong value.
    if (issue.expected === 'int' && typeof value === 'number') return badValue(field, value, 'must be a whole number');
    return wrongType(field, value, issue.expected);
  }
  return badValue(field, value, issue.message);
}

/** Parses a method's params with its strict schema; errors are the API's own mnemonics. */
export function parseParams<S extends z.ZodType>(schema: S, params: Record<string, unknown>): Result<z.infer<S>, RpcError> {
  const parsed = schema.safeParse(params);
  return parsed.success ? ok(parsed.data) : fail(issueError(parsed.error.issues, params));
}
