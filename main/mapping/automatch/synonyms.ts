import type { Target } from './types.ts';

/**
 * Header names seen in exports of common chat tools (JivoSite, Bitrix24 Open Lines, Intercom,
 * Zendesk Chat, LiveChat, Talk-Me, amoCRM, Carrot quest, Tawk.to, Crisp, WhatsApp and Telegram
 * exports) and in hand-made tables, in English and Russian. A number after a name caps the score
 * for names that are only a hint ("Date" may be the chat start or the message time).
 */
type Synonym = string | readonly [string, number];

export const HEADER_SYNONYMS: Readonly<Record<Target, readonly Synonym[]>> = {
  chatKey: [
    'chat id', 'chat key', 'chat number', 'chat no', 'conversation id', 'conversation', 'conversation number',
    'dialog id', 'dialogue id', 'thread id', 'ticket id', 'ticket number', 'chat uuid', 'chat_id',
    ['chat', 0.7], ['id', 0.45], ['thread', 0.7], ['ticket', 0.7],
    'id диалога', 'ид диалога', 'номер диалога', 'диалог', 'id чата', 'ид чата', 'номер чата', 'no чата',
    'чат id', 'ключ чата', 'номер обращения', 'id обращения', 'обращение', 'идентификатор чата',
    'идентификатор диалога', 'id беседы', 'беседа', 'id переписки', ['чат', 0.7], ['ид', 0.45],
  ],
  start_date_time: [
    'chat started', 'chat start', 'chat start time', 'chat start date', 'start', 'started', 'started at',
    'start time', 'start date', 'start date time', 'start datetime', 'created', 'created at', 'creation date',
    'creation time', 'date created', 'chat created', 'chat date', 'conversation started', 'conversation start',
    'opened at', 'first message at', 'chat started at', 'start_date_time',
    'дата начала', 'время начала', 'дата и время начала', 'начало', 'начало чата', 'начало диалога',
    'дата начала чата', 'время начала чата', 'дата создания', 'время создания', 'создан', 'создано',
    'дата обращения', 'время обращения', 'дата чата', 'чат начат', 'начат', 'открыт',
    ['date', 0.62], ['дата', 0.62], ['дата и время', 0.6], ['date time', 0.6],
  ],
  date_time: [
    'timestamp', 'sent at', 'sent', 'sent time', 'time sent', 'message time', 'message date', 'message date time',
    'message timestamp', 'message sent at', 'posted at', 'written at', 'date_time', 'datetime', 'message datetime',
    'дата сообщения', 'время сообщения', 'дата и время сообщения', 'время отправки', 'дата отправки',
    'отправлено', 'время написания', 'дата и время отправки',
    ['date', 0.7], ['time', 0.7], ['date time', 0.75], ['дата', 0.7], ['время', 0.72], ['дата и время', 0.75],
  ],
  name: [
    'name', 'visitor', 'visitor name', 'client', 'client name', 'customer', 'customer name', 'contact',
    'contact name', 'full name', 'fio', 'user name', 'guest', 'guest name', 'lead name', 'person',
    ['first name', 0.75], ['username', 0.7], ['user', 0.6],
    'имя', 'имя клиента', 'имя посетителя', 'имя контакта', 'клиент', 'посетитель', 'фио', 'фио клиента',
    'контакт', 'покупатель', 'собеседник', 'гость', 'заказчик', ['пользователь', 0.6], ['лид', 0.6],
  ],
  phone: [
    'phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone',
    'whatsapp', 'whatsapp number', 'msisdn', 'contact phone', 'visitor phone', 'client phone', 'customer phone',
    'телефон', 'номер телефона', 'тел', 'мобильный', 'мобильный телефон', 'контактный телефон',
    'телефон клиента', 'телефон посетителя', 'сотовый', ['номер', 0.6], ['phone no', 0.95],
  ],
  email: [
    'email', 'email address', 'mail', 'visitor email', 'client email', 'customer email', 'contact email',
    'почта', 'электронная почта', 'эл почта', 'адрес почты', 'адрес электронной почты', 'email клиента',
    'почта клиента', 'email посетителя', 'мейл', 'емейл', 'имейл',
  ],
  status: [
    'status', 'chat status', 'result', 'outcome', 'state', 'resolution', 'chat result', 'conversation status',
    'статус', 'итог', 'результат', 'статус чата', 'статус обращения', 'статус диалога', 'состояние',
    'итог чата', 'результат чата',
  ],
  initiator: [
    'initiator', 'initiated by', 'started by', 'initiated', 'chat initiator', 'opened by', 'who started',
    'инициатор', 'инициатор чата', 'инициатор диалога', 'кто начал', 'кто инициировал', 'начат кем',
  ],
  source: [
    'sender', 'sender type', 'author', 'author type', 'from', 'role', 'message source', 'message author',
    'who', 'who wrote', 'written by', 'sent by', 'direction', 'user type', 'party', ['source', 0.75],
    ['type', 0.5],
    'отправитель', 'тип отправителя', 'автор', 'автор сообщения', 'кто написал', 'от кого', 'роль',
    'источник сообщения', 'направление', 'кто', ['источник', 0.7], ['тип', 0.5],
  ],
  employee_id: [
    'operator', 'operator name', 'operator id', 'agent', 'agent name', 'agent id', 'employee', 'employee name',
    'employee id', 'staff', 'manager', 'responsible', 'assignee', 'assigned to', 'assigned agent', 'teammate',
    'support agent', 'operator email', 'agent email',
    'оператор', 'имя оператора', 'id оператора', 'сотрудник', 'id сотрудника', 'менеджер', 'ответственный',
    'ответственный сотрудник', 'консультант', 'агент', 'исполнитель', 'оператор чата', 'специалист',
  ],
  message: [
    'message', 'message text', 'text', 'body', 'content', 'message body', 'message content', 'transcript',
    'chat transcript', 'first message', 'question', 'comment', 'msg',
    'сообщение', 'текст', 'текст сообщения', 'содержание', 'содержимое', 'переписка', 'стенограмма',
    'первое сообщение', 'вопрос', 'реплика', 'комментарий',
  ],
  site_id: [
    'site', 'site id', 'website', 'website id', 'web site', 'site_id', 'сайт', 'id сайта', 'ид сайта', 'номер сайта',
  ],
  campaign_id: [
    'campaign', 'campaign id', 'ad campaign', 'advertising campaign', 'кампания', 'рекламная кампания',
    'id кампании', 'id рекламной кампании', 'ид кампании',
  ],
  visitor_session_id: [
    'session', 'session id', 'visitor session', 'visitor session id', 'visitor_session_id', 'сессия', 'id сессии',
    'ид сессии', 'сессия посетителя', 'номер сессии', 'id сессии посетителя',
  ],
};

/** Words too general to decide a field alone: they count for little when they are all that matches. */
export const WEAK_TOKENS: ReadonlyMap<string, number> = new Map([
  ['id', 0.35], ['ид', 0.35], ['no', 0.35], ['number', 0.35], ['num', 0.35], ['номер', 0.35],
  ['code', 0.35], ['код', 0.35], ['name', 0.4], ['имя', 0.4], ['date', 0.4], ['дат', 0.4],
  ['time', 0.4], ['врем', 0.4], ['type', 0.35], ['тип', 0.35], ['value', 0.3], ['значени', 0.3],
  ['chat', 0.5], ['чат', 0.5], ['visitor', 0.5], ['посетител', 0.5], ['client', 0.5], ['клиент', 0.5],
  ['customer', 0.5], ['contact', 0.5], ['контакт', 0.5], ['user', 0.5], ['пользовател', 0.5],
  ['message', 0.6], ['сообщени', 0.6],
]);
