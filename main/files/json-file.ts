import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/*
 * The app's own small JSON files (accounts, templates, recent projects, kept lists) are read the
 * same way everywhere: bytes, then JSON, then the file's schema. Each caller decides what a
 * missing, unreadable or damaged file means for it (an empty list, a note in the log, a refusal),
 * so these steps return what happened instead of deciding.
 */

export type JsonRead = { kind: 'json'; json: unknown } | { kind: 'missing' } | { kind: 'unreadable'; error: unknown } | { kind: 'not_json' };

export function readJson(path: string): JsonRead {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', error };
  }
  try {
    return { kind: 'json', json: JSON.parse(raw) as unknown };
  } catch {
    return { kind: 'not_json' };
  }
}

/** The first thing wrong with a value against a schema: where (a field path, or "file") and why. */
export interface Misfit {
  where: string;
  why: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; misfit: Misfit };

export function checkJson<T>(schema: z.ZodType<T>, json: unknown): Checked<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, misfit: { where: issue?.path.join('.') || 'file', why: issue?.message ?? 'invalid' } };
}

export const misfitText = ({ where, why }: Misfit): string => `${where}: ${why}`;

/** The version a file says it has, when a newer app than this one wrote it. */
export function newerVersion(json: unknown, current: number): number | undefined {
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  return typeof version === 'number' && version > current ? version : undefined;
}

/** The system's code for a file error ('ENOENT', 'EACCES'…), when it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
