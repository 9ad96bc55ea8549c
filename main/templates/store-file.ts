import { renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { checkJson, misfitText, newerVersion, readJson } from '../files/json-file.ts';
import { emptyStore, StoreSchema, TEMPLATES_VERSION, type Store } from './model.ts';
import { reasonOf, storeDamaged, storeNewer, storeStuck, storeUnwritable } from './problems.ts';

export interface LoadedStore {
  store: Store;
  /** Set when the file on disk could not be read and was kept aside: say so once, then carry on. */
  damaged?: Problem;
}

/**
 * Reads the store; a missing file is an empty store. A damaged one is renamed aside (never
 * overwritten) and reported; one from a newer app is refused and left untouched.
 */
export function readStore(path: string, now: () => number): Result<LoadedStore> {
  const read = readJson(path);
  if (read.kind === 'missing') return ok({ store: emptyStore() });
  if (read.kind === 'unreadable') return setAside(path, reasonOf(read.error), now);
  if (read.kind === 'not_json') return setAside(path, 'not JSON', now);
  const newer = newerVersion(read.json, TEMPLATES_VERSION);
  if (newer !== undefined) return fail(storeNewer(path, newer));
  const checked = checkJson(StoreSchema, read.json);
  return checked.ok ? ok({ store: checked.value }) : setAside(path, misfitText(checked.misfit), now);
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
