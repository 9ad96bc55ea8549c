import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ok, type Result } from '../common/text.ts';
import { readJournal, type Journal } from './journal.ts';
import { PLAN_FILE, readPlan } from './plan-file.ts';
import { sameChat, type PlannedChat } from './plan.ts';
import type { ImportIdentity, JournalRecord } from './records.ts';
import { UploadState } from './state.ts';

/*
 * A file changed after an upload (fixed in Excel, or only saved again) is another import with a
 * journal of its own, which knows nothing of what the first one sent: every chat would go to
 * CallGear a second time. Before a new import sends anything, the chats that earlier imports of
 * the same file to the same account uploaded are looked up and left out.
 */

/** The chats one earlier journal saw accepted, by key and by who and when, with their CallGear ids. */
function acceptedIn(dir: string, identity: ImportIdentity): { byKey: Map<string, number>; byChat: Map<string, number> } | undefined {
  const records = readJournal(dir);
  if (!records.ok) return undefined;
  const opened = records.value[0];
  if (opened?.t !== 'open' || opened.import.endpoint !== identity.endpoint || opened.import.userId !== identity.userId) return undefined;
  const byKey = new Map<string, number>();
  for (const chat of UploadState.replay(records.value).chats.values()) if (chat.status === 'accepted' && chat.id !== undefined) byKey.set(chat.key, chat.id);
  if (byKey.size === 0) return undefined;
  const byChat = new Map<string, number>();
  const note = (key: string, who: string) => {
    const id = byKey.get(key);
    if (id !== undefined) byChat.set(who, id);
  };
  for (const record of records.value) if (record.t === 'sent') for (const ref of record.chats) if (ref.s !== undefined) note(ref.k, ref.s);
  // Journals written before chats carried `s`: their last plan says who its chats were.
  const planPath = join(dir, PLAN_FILE);
  const plan = byChat.size < byKey.size && existsSync(planPath) ? readPlan(planPath) : undefined;
  if (plan?.ok) for (const chat of plan.value) note(chat.key, sameChat(chat));
  return { byKey, byChat };
}

/** One earlier journal and the chats of this import it uploaded, each with its CallGear id there. */
export interface UploadedEarlier {
  from: string;
  found: [key: string, id: number][];
}

/**
 * Which chats of `plan` the imports in `earlierDirs` (to the same account) uploaded: the same chat
 * (same content), or the same visitor's chat started at the same second (content fixed since).
 * Looked up once, before the import (its journal `records`) sends anything; none after that.
 */
export function findUploadedEarlier(
  records: readonly JournalRecord[],
  plan: readonly PlannedChat[],
  identity: ImportIdentity,
  earlierDirs: readonly string[],
): UploadedEarlier[] {
  if (records.some((record) => record.t === 'sent' || record.t === 'earlier')) return [];
  const left = new Map(plan.map((chat) => [chat.key, chat]));
  const groups: UploadedEarlier[] = [];
  for (const dir of earlierDirs) {
    if (left.size === 0) break;
    const accepted = acceptedIn(dir, identity);
    if (accepted === undefined) continue;
    const found: [string, number][] = [];
    for (const chat of left.values()) {
      const id = accepted.byKey.get(chat.key) ?? accepted.byChat.get(sameChat(chat));
      if (id !== undefined) found.push([chat.key, id]);
    }
    for (const [key] of found) left.delete(key);
    if (found.length > 0) groups.push({ from: dir, found });
  }
  return groups;
}

/**
 * Records in a new import's journal which of its chats earlier imports uploaded, so no run of it
 * sends them. Done once, before this import sends anything; returns how many chats it leaves out.
 */
export function markUploadedEarlier(journal: Journal, plan: readonly PlannedChat[], identity: ImportIdentity, earlierDirs: readonly string[]): Result<number> {
  let marked = 0;
  for (const { from, found } of findUploadedEarlier(journal.records, plan, identity, earlierDirs)) {
    const written = journal.append({ t: 'earlier', at: journal.time(), from, found });
    if (!written.ok) return written;
    marked += found.length;
  }
  return ok(marked);
}
