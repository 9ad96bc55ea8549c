import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PickerItemSchema, PickerKindSchema, type PickerItem, type PickerKind } from '../contract/accounts.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { checkJson, errorCode, readJson } from '../files/json-file.ts';

/** A list as it was fetched from the account, and when. */
export interface KeptList {
  items: PickerItem[];
  fetchedAt: number;
}

/** Lists picked from an account, kept so that the Mapping step still has them offline. */
export interface PickerCache {
  read(accountId: string, kind: PickerKind): KeptList | undefined;
  write(accountId: string, kind: PickerKind, list: KeptList): void;
  /** The account was removed or now points elsewhere: its lists no longer describe it. */
  forget(accountId: string): void;
}

/** What the cache has to say about a file it could not use; never the file's content. */
export type CacheNote = (event: 'pickers.cache_unreadable' | 'pickers.cache_unwritable', fields: { kind: PickerKind; code: string }) => void;

const KINDS = PickerKindSchema.options;

/** Ids are UUIDs; anything else is never turned into a file name, so no id can reach outside the folder. */
const SAFE_ID = /^[A-Za-z0-9-]{1,100}$/;

const CacheFileSchema = z.strictObject({
  version: z.literal(1),
  accountId: z.string(),
  kind: PickerKindSchema,
  fetchedAt: z.number().int().nonnegative(),
  items: z.array(PickerItemSchema.strict()),
});

/**
 * One JSON file per account and list in `folder` (`<account id>.<kind>.json`), replaced
 * atomically. Only ids, names and e-mails of sites, campaigns and employees go in: the account's
 * key or password never passes through here. A damaged or foreign file is ignored (and noted),
 * as if there were none: the cache helps, it must never stop the app.
 */
export function diskPickerCache(folder: string, note: CacheNote = () => undefined): PickerCache {
  const file = (accountId: string, kind: PickerKind) => join(folder, `${accountId}.${kind}.json`);
  return {
    read(accountId, kind) {
      if (!SAFE_ID.test(accountId)) return undefined;
      const read = readJson(file(accountId, kind));
      if (read.kind === 'missing') return undefined;
      if (read.kind === 'unreadable') {
        note('pickers.cache_unreadable', { kind, code: errorCode(read.error) ?? 'read' });
        return undefined;
      }
      const checked = checkJson(CacheFileSchema, read.kind === 'json' ? read.json : undefined);
      if (!checked.ok || checked.value.accountId !== accountId || checked.value.kind !== kind) {
        note('pickers.cache_unreadable', { kind, code: 'damaged' });
        return undefined;
      }
      return { items: checked.value.items, fetchedAt: checked.value.fetchedAt };
    },
    write(accountId, kind, list) {
      if (!SAFE_ID.test(accountId)) return;
      const items = list.items.map(({ id, label, detail, siteId }) => ({ id, label, ...(detail === undefined ? {} : { detail }), ...(siteId === undefined ? {} : { siteId }) }));
      const content = { version: 1, accountId, kind, fetchedAt: list.fetchedAt, items };
      try {
        writeFileAtomic(file(accountId, kind), `${JSON.stringify(content)}\n`, 0o600);
      } catch (error) {
        note('pickers.cache_unwritable', { kind, code: errorCode(error) ?? 'write' });
      }
    },
    forget(accountId) {
      if (!SAFE_ID.test(accountId)) return;
      for (const kind of KINDS) {
        try {
          rmSync(file(accountId, kind), { force: true });
        } catch (error) {
          note('pickers.cache_unwritable', { kind, code: errorCode(error) ?? 'remove' });
        }
      }
    },
  };
}

/** Kept for this run of the app only: for callers that give no folder. */
export function memoryPickerCache(): PickerCache {
  const lists = new Map<string, KeptList>();
  const key = (accountId: string, kind: PickerKind) => `${accountId}\u0000${kind}`;
  return {
    read: (accountId, kind) => lists.get(key(accountId, kind)),
    write: (accountId, kind, list) => void lists.set(key(accountId, kind), list),
    forget: (accountId) => KINDS.forEach((kind) => lists.delete(key(accountId, kind))),
  };
}
