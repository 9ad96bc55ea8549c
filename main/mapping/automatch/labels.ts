import { text, type Text } from '../../common/text.ts';
import type { Target } from './types.ts';

/** What each target is called in reasons shown to a person. */
export const TARGET_LABEL: Readonly<Record<Target, Text>> = {
  chatKey: text('the chat key', 'ключ чата'),
  start_date_time: text('the chat start', 'начало чата'),
  name: text("the visitor's name", 'имя посетителя'),
  phone: text('the phone', 'телефон'),
  email: text('the e-mail', 'e-mail'),
  status: text('the chat status', 'статус чата'),
  initiator: text('who started the chat', 'инициатор чата'),
  visitor_session_id: text('the visitor session id', 'сессия посетителя'),
  campaign_id: text('the campaign id', 'рекламная кампания'),
  site_id: text('the site id', 'сайт'),
  date_time: text('the message time', 'время сообщения'),
  source: text('who wrote the message', 'отправитель сообщения'),
  employee_id: text('the employee', 'сотрудник'),
  message: text('the message text', 'текст сообщения'),
};
