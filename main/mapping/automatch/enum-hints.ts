/**
 * Enum evidence for auto-matching. How much a column looks like a status, initiator or sender
 * comes from the chat normalisers' synonym tables (one source of truth); which of initiator and
 * sender a column is, when both fit, from the few words only one of them uses.
 */
import { enumLikeness as likeness, type EnumKind } from '../../chats/normalise/enums.ts';
import { foldKey } from '../../chats/normalise/fold.ts';

export type { EnumKind };

/** Share (0…1) of the distinct values that are known words of this kind. */
export function enumLikeness(kind: EnumKind, distinctValues: readonly string[]): number {
  return likeness(kind, [...distinctValues]);
}

/** Words that name how a chat began, not who wrote a message. */
const INITIATOR_ONLY = new Set(
  ['autoinvite', 'auto invite', 'autoinvitation', 'proactive invite', 'proactive invitation', 'invitation', 'invite',
    'автоприглашение', 'приглашение', 'активное приглашение', 'проактивное приглашение'].map(foldKey),
);
/** Words that name who wrote a message, not how a chat began. */
const SOURCE_ONLY = new Set(
  ['system', 'bot', 'chatbot', 'chat bot', 'autoreply', 'auto reply', 'robot', 'notification',
    'система', 'системное', 'системное сообщение', 'бот', 'чатбот', 'чат-бот', 'автоответ', 'робот', 'уведомление'].map(foldKey),
);

/** Whether the values hold a word only this kind uses ("Auto-invite" for initiator, "Bot" for sender). */
export function hasOwnWords(kind: 'initiator' | 'source', distinctValues: readonly string[]): boolean {
  const own = kind === 'initiator' ? INITIATOR_ONLY : SOURCE_ONLY;
  return distinctValues.some((v) => own.has(foldKey(v)));
}
