import type { Result } from '../common/text.ts';
import { ok } from '../common/text.ts';
import type { Journal } from './journal.ts';
import { UploadState } from './state.ts';

/**
 * The person's answer for chats whose outcome could not be checked in CallGear: send them again
 * (accepting a possible duplicate) or count them as uploaded (accepting a possible loss). Written
 * to the journal, so the decision is part of the import's history.
 */
export function decideDoubtful(journal: Journal, as: 'resend' | 'uploaded'): Result<number> {
  const keys = UploadState.replay(journal.records).inStatus('unknown').map((chat) => chat.key);
  if (keys.length === 0) return ok(0);
  const written = journal.append({ t: 'decided', at: journal.time(), k: keys, as });
  return written.ok ? ok(keys.length) : written;
}
