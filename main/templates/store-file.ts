import { readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { emptyStore, StoreSchema, TEMPLATES_VERSION, type Store } from './model.ts';
import { reasonOf, storeDamaged, storeNewer, storeStuck, storeUnwritable } from './problems.ts';

export interface LoadedStore {
  store: Store;
  /** Set when the file on disk could not be read and was kept aside: say so once, then carry on. */
  damaged?: Problem;
}

function parse(raw: string): { store: Store } | { why: string } | { newer: number } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { why: 'not JSON' };
  }
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  if (typeof version === 'number' && version > TEMPLATES_VERSION) return { newer: version };
  const parsed = StoreSchema.safeParse(json);
  if (parsed.success) return { store: parsed.data };
  const issue = parsed.error.issues[0];
  return { why: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Reads the store; a missing file is an empty store. A damaged one is renamed aside (never
 * overwritten) and reported; one from a newer app is refused and left untouched.
 */
export function readStore(path: string, now: () => number): Result<LoadedStore> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({ store: emptyStore() });
    return setAside(path, reasonOf(error), now);
  }
  const parsed = parse(raw);
  if ('store' in parsed) return ok({ store: parsed.store });
  if ('newer' in parsed) return fail(storeNewer(path, parsed.newer));
  return setAside(path, parsed.why, now);
}

function setAside(path: string, why: string, now: () => number): Result<LoadedStore> {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  const aside = join(dirname(path), `${basename(path, '.json')}.damaged-${stamp}.json`);
  try {
    renameSync(path, aside);
  } catch (error) {
    return fail(storeStuck(path, `${why}; ${reasonOf(error)}`));
  }
  return ok({ store: emptyStore(), damaged: storeDamaged(path, aside, why) });
}

export function writeStore(path: string, store: Store): Result<void> {
  try {
    writeFileAtomic(path, `${JSON.stringify(StoreSchema.parse(store), null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    return fail(storeUnwritable(path, reasonOf(error)));
  }
}
