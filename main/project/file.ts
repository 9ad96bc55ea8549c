import { writeFileAtomic } from '../files/atomic-write.ts';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { z } from 'zod';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import { hashFile } from '../upload/identity.ts';
import { canonicalProject, migrateV1, PROJECT_EXTENSION, PROJECT_VERSION, ProjectSchema, ProjectV1Schema, unknownKeys, type Project, type ProjectSource } from './model.ts';
import { notAProject, projectInvalid, projectNewer, projectUnknownField, projectUnreadable, projectUnwritable, reasonOf, sourceChanged, sourceMissing, sourceUnreadable } from './problems.ts';

/** Whether a command-line argument names a project rather than a spreadsheet. */
export function isProjectPath(path: string): boolean {
  return extname(path).toLowerCase() === PROJECT_EXTENSION;
}

/** Reads a project, migrating an older version; a newer version or anything else is refused by name. */
export function readProject(path: string): Result<Project> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(error instanceof SyntaxError ? notAProject(path, text('not JSON', 'не JSON')) : projectUnreadable(path, reasonOf(error)));
  }
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail(notAProject(path, text('no project version', 'нет версии проекта')));
  if (version > PROJECT_VERSION) return fail(projectNewer(path, version, PROJECT_VERSION));
  if (version === 1) {
    const old = parsed(path, ProjectV1Schema, json);
    const sound = old.ok ? checked(path, json, old.value) : old;
    return sound.ok ? ok(migrateV1(sound.value)) : sound;
  }
  const current = parsed(path, ProjectSchema, json);
  return current.ok ? checked(path, json, current.value) : current;
}

/**
 * Writes the project in its one canonical spelling, through a temporary file renamed over the old
 * one: a crash leaves the old project or the new, never half of one. Refuses an invalid project,
 * so a field the schema does not know (a pasted key) never reaches the disk.
 */
export function writeProject(path: string, project: Project): Result<void> {
  const valid = parsed(path, ProjectSchema, project);
  if (!valid.ok) return valid;
  const sound = checked(path, project, valid.value);
  if (!sound.ok) return sound;
  const bytes = `${JSON.stringify(canonicalProject(sound.value), null, 2)}\n`;
  try {
    writeFileAtomic(path, bytes);
    return ok(undefined);
  } catch (error) {
    return fail(projectUnwritable(path, reasonOf(error)));
  }
}

export type SourceCheck =
  | { status: 'same'; path: string }
  /** Not at its path any more; `problem` says so, naming the path. */
  | { status: 'moved'; path: string; problem: Problem }
  /** Other bytes than when the project was saved (`sha256`/`size` are the new ones); `warning` says so. */
  | { status: 'changed'; path: string; sha256: string; size: number; warning: Problem };

/** A spreadsheet's identity as a project keeps it; the failure is the file system's code (ENOENT, …). */
export async function sourceOf(path: string): Promise<Result<ProjectSource, string>> {
  try {
    const { size } = statSync(path);
    return ok({ path, sha256: await hashFile(path), size });
  } catch (error) {
    return fail(reasonOf(error));
  }
}

/** Whether the source file is still where the project says, with the same bytes. */
export async function checkSource(project: Project, projectPath: string): Promise<Result<SourceCheck>> {
  const { path, sha256, size } = project.source;
  const now = await sourceOf(path);
  if (!now.ok) {
    if (now.error === 'ENOENT' || now.error === 'ENOTDIR') return ok({ status: 'moved', path, problem: sourceMissing(path, projectPath) });
    return fail(sourceUnreadable(path, now.error));
  }
  if (now.value.sha256 === sha256 && now.value.size === size) return ok({ status: 'same', path });
  return ok({ status: 'changed', path, sha256: now.value.sha256, size: now.value.size, warning: sourceChanged(path, project.savedAt, size, now.value.size) });
}

function parsed<S extends z.ZodType>(path: string, schema: S, json: unknown): Result<z.infer<S>> {
  const result = schema.safeParse(json);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  const where = (issue?.path ?? []).map(String);
  if (issue?.code === 'unrecognized_keys') return fail(projectUnknownField(path, [...where, ...issue.keys.slice(0, 1)].join('.')));
  return fail(projectInvalid(path, where.join('.') || '(top)', issue?.message ?? 'invalid'));
}

/** The mapping's objects strip unknown keys; a project refuses them like every other field. */
function checked<T>(path: string, input: unknown, value: T): Result<T> {
  const unknown = unknownKeys(input, value);
  return unknown[0] === undefined ? ok(value) : fail(projectUnknownField(path, unknown[0]));
}
