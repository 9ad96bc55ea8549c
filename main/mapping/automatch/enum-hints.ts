/**
 * A small private list of enum words, enough to recognise a status, initiator or sender column by
 * its values. The full synonym tables that turn values into API enums belong to the chat
 * normalisers (main/chats/normalise/); this list only has to tell the kinds of column apart.
 */
export type EnumKind = 'status' | 'initiator' | 'source';

const VISITOR = ['visitor', 'client', 'customer', 'user', 'guest', 'contact', 'lead', 'посетитель', 'клиент', 'пользователь', 'гость', 'покупатель', 'собеседник'];
const OPERATOR = ['operator', 'agent', 'employee', 'staff', 'manager', 'admin', 'support', 'teammate', 'оператор', 'сотрудник', 'менеджер', 'агент', 'консультант', 'специалист'];

const WORDS: Readonly<Record<EnumKind, readonly string[]>> = {
  status: [
    'succeed', 'succeeded', 'success', 'successful', 'won', 'win', 'completed', 'complete', 'done', 'resolved',
    'answered', 'served', 'taken place', 'held', 'lost', 'missed', 'unanswered', 'abandoned', 'no answer',
    'refused', 'rejected', 'declined', 'spam', 'blocked',
    'состоявшийся', 'состоялся', 'успешный', 'успешно', 'успех', 'выполнен', 'завершен', 'обработан', 'отвечен',
    'обслужен', 'потерянный', 'потерян', 'пропущенный', 'пропущен', 'без ответа', 'неотвеченный', 'упущен',
    'отклоненный', 'отклонен', 'отказ', 'отказано', 'спам', 'заблокирован',
  ],
  initiator: [
    ...VISITOR, ...OPERATOR,
    'autoinvite', 'auto invite', 'autoinvitation', 'proactive', 'proactive invite', 'invitation', 'trigger',
    'автоприглашение', 'приглашение', 'автоматически', 'активное приглашение', 'проактивное приглашение',
  ],
  source: [
    ...VISITOR, ...OPERATOR,
    'system', 'bot', 'auto', 'automatic', 'chatbot', 'chat bot', 'autoreply', 'auto reply', 'robot', 'incoming',
    'outgoing', 'система', 'системное', 'системное сообщение', 'бот', 'чатбот', 'чат бот', 'автоответ',
    'автоматическое', 'робот', 'входящее', 'исходящее',
  ],
};

export function enumWord(value: string): string {
  return value.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

const TABLES: ReadonlyMap<EnumKind, ReadonlySet<string>> = new Map(
  (Object.keys(WORDS) as EnumKind[]).map((kind) => [kind, new Set(WORDS[kind].map(enumWord))]),
);

/** Share (0…1) of the distinct values that are known words of this kind. */
export function enumLikeness(kind: EnumKind, distinctValues: readonly string[]): number {
  const table = TABLES.get(kind);
  if (!table || distinctValues.length === 0) return 0;
  let known = 0;
  for (const value of distinctValues) if (table.has(enumWord(value))) known++;
  return known / distinctValues.length;
}

/** Words only this kind uses, so a column holding them is that kind and not the other. */
export function hasOwnWords(kind: 'initiator' | 'source', distinctValues: readonly string[]): boolean {
  const own = kind === 'initiator' ? INITIATOR_ONLY : SOURCE_ONLY;
  return distinctValues.some((v) => own.has(enumWord(v)));
}

const shared = new Set([...VISITOR, ...OPERATOR].map(enumWord));
const INITIATOR_ONLY = new Set([...(TABLES.get('initiator') ?? [])].filter((w) => !shared.has(w)));
const SOURCE_ONLY = new Set([...(TABLES.get('source') ?? [])].filter((w) => !shared.has(w)));
