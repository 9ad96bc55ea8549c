import type { Initiator, MessageSource, Status } from '../../mapping/fields.ts';

/**
 * Words chat tools and CRMs export for the three upload.chats enums (JivoSite, Bitrix24 Open
 * Lines, Intercom, Zendesk, Talk-Me, LiveChat, amoCRM, Carrot quest, …), English and Russian.
 * Matching folds case, ё/е, spaces and punctuation, so "No-answer" = "no answer" = "NOANSWER".
 */
export type EnumKind = 'status' | 'initiator' | 'source';

const VISITOR = [
  'visitor', 'client', 'customer', 'user', 'end user', 'enduser', 'end-user', 'guest', 'contact', 'lead',
  'incoming', 'inbound', 'клиент', 'посетитель', 'пользователь', 'гость', 'контакт', 'покупатель', 'лид',
  'входящий', 'входящая', 'входящее',
];
const OPERATOR = [
  'operator', 'agent', 'manager', 'employee', 'staff', 'admin', 'administrator', 'support', 'teammate',
  'outgoing', 'outbound', 'оператор', 'менеджер', 'сотрудник', 'агент', 'консультант', 'администратор',
  'админ', 'поддержка', 'исходящий', 'исходящая', 'исходящее',
];
const AUTOMATIC = [
  'bot', 'chatbot', 'chat bot', 'system', 'auto', 'automatic', 'trigger', 'бот', 'чат-бот', 'чатбот',
  'система', 'системный', 'системное', 'системная', 'автоматически', 'автоматическое', 'автоматический',
  'триггер',
];

export const STATUS_SYNONYMS: Readonly<Record<Status, readonly string[]>> = {
  succeed: [
    'succeeded', 'success', 'successful', 'won', 'win', 'ok', 'done', 'closed', 'solved', 'resolved',
    'completed', 'complete', 'finished', 'answered', 'accepted', 'processed', 'handled', 'served',
    'took place', 'held', 'успешный', 'успешная', 'успешно', 'успех', 'состоявшийся', 'состоявшаяся',
    'состоялся', 'состоялась', 'завершён', 'завершена', 'завершено', 'завершённый', 'закрыт', 'закрыта',
    'закрыто', 'закрытый', 'решён', 'решена', 'решено', 'обработан', 'обработана', 'обработано',
    'обработанный', 'отвечен', 'отвечено', 'принят', 'принята', 'принятый', 'выполнен', 'выигран',
    'успешно реализовано', 'реализовано',
  ],
  lost: [
    'missed', 'unanswered', 'no answer', 'not answered', 'no reply', 'abandoned', 'unhandled',
    'unprocessed', 'timeout', 'timed out', 'expired', 'dropped', 'потерян', 'потерянный', 'потерянная',
    'потеряна', 'пропущен', 'пропущенный', 'пропущенная', 'пропущена', 'пропущено', 'без ответа',
    'не отвечен', 'неотвеченный', 'необработан', 'необработанный', 'необработанная', 'не обработан',
    'не состоялся', 'несостоявшийся', 'проигран', 'закрыто и не реализовано', 'не реализовано', 'упущен',
  ],
  refused: [
    'rejected', 'declined', 'denied', 'spam', 'junk', 'blocked', 'banned', 'blacklisted', 'отклонён',
    'отклонена', 'отклонено', 'отклонённый', 'отказ', 'отказано', 'отказан', 'спам', 'заблокирован',
    'заблокированный',
  ],
};

export const INITIATOR_SYNONYMS: Readonly<Record<Initiator, readonly string[]>> = {
  visitor: VISITOR,
  operator: OPERATOR,
  autoinvite: [
    'auto invite', 'auto-invite', 'proactive', 'proactive chat', 'proactive invitation', 'invitation',
    'invite', 'автоприглашение', 'автоматическое приглашение', 'активное приглашение', 'приглашение',
    ...AUTOMATIC,
  ],
};

export const SOURCE_SYNONYMS: Readonly<Record<MessageSource, readonly string[]>> = {
  visitor: VISITOR,
  operator: OPERATOR,
  system: [
    'autoreply', 'auto reply', 'autoresponder', 'auto response', 'autoinvite', 'auto invite', 'proactive',
    'service', 'notification', 'автоответ', 'автоответчик', 'автоприглашение', 'уведомление', 'служебное',
    ...AUTOMATIC,
  ],
};

/** The synonym tables by kind: canonical value → words that mean it. */
export const ENUM_SYNONYMS: Readonly<Record<EnumKind, Readonly<Record<string, readonly string[]>>>> = {
  status: STATUS_SYNONYMS,
  initiator: INITIATOR_SYNONYMS,
  source: SOURCE_SYNONYMS,
};
