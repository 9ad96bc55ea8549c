import { text, type Text } from '../common/text.ts';
import type { Severity } from './findings.ts';

/**
 * Every finding the engine can report: its stable code, its severity and its words. Values are
 * quoted for the person reading the findings; findings are never written to logs.
 */
interface CodeInfo {
  severity: Severity;
  describe: (detail: Detail) => Text;
}

export interface Detail {
  field?: string;
  column?: string;
  value?: string;
  normalised?: string;
  other?: string;
}

const q = (value: string | undefined): string => `"${value ?? ''}"`;

export const CODES = {
  'chat_key.missing': {
    severity: 'error',
    describe: (d) =>
      text(
        `The chat key column ${q(d.column)} is empty, so this row belongs to no chat.`,
        `В столбце ключа чата ${q(d.column)} пусто — строка не относится ни к одному чату.`,
      ),
  },
  'start_date_time.missing': {
    severity: 'warning',
    describe: (d) =>
      text(
        `The chat start in ${q(d.column)} is empty; the first message's time ${d.normalised ?? ''} is used.`,
        `Начало чата в ${q(d.column)} не заполнено; взято время первого сообщения ${d.normalised ?? ''}.`,
      ),
  },
  'date.invalid': {
    severity: 'error',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is not a date and time (expected e.g. 2024-03-01 10:15:00).`,
        `${q(d.value)} в ${q(d.column)} — не дата и время (ожидается, например, 01.03.2024 10:15).`,
      ),
  },
  'date.out_of_range': {
    severity: 'error',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is outside the years 1900–9999.`,
        `${q(d.value)} в ${q(d.column)} — вне диапазона лет 1900–9999.`,
      ),
  },
  'date.future': {
    severity: 'error',
    describe: (d) =>
      text(
        `${d.normalised ?? ''} (${q(d.column)}) is in the future in the account's time zone; CallGear refuses future times.`,
        `${d.normalised ?? ''} (${q(d.column)}) — в будущем по часовому поясу аккаунта; CallGear не принимает будущее время.`,
      ),
  },
  'date_time.missing': {
    severity: 'error',
    describe: (d) =>
      text(`The message time in ${q(d.column)} is empty.`, `Время сообщения в ${q(d.column)} не заполнено.`),
  },
  'message.before_start': {
    severity: 'error',
    describe: (d) =>
      text(
        `This message (${d.normalised ?? ''}) is earlier than the chat's start (${d.other ?? ''}).`,
        `Сообщение (${d.normalised ?? ''}) раньше начала чата (${d.other ?? ''}).`,
      ),
  },
  'status.missing': {
    severity: 'error',
    describe: () => text('The chat has no status (lost, succeed or refused).', 'У чата нет статуса (lost, succeed или refused).'),
  },
  'status.invalid': enumInvalid('status', 'lost, succeed, refused'),
  'initiator.invalid': enumInvalid('initiator', 'operator, visitor, autoinvite'),
  'source.invalid': enumInvalid('source', 'operator, visitor, system'),
  'source.missing': {
    severity: 'error',
    describe: (d) =>
      text(
        `Who wrote this message is not known (${q(d.column)} is empty).`,
        `Неизвестно, кто написал сообщение (${q(d.column)} не заполнено).`,
      ),
  },
  'phone.invalid': {
    severity: 'error',
    describe: (d) =>
      text(`${q(d.value)} in ${q(d.column)} is not a phone number.`, `${q(d.value)} в ${q(d.column)} — не номер телефона.`),
  },
  'phone.dropped': {
    severity: 'warning',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is not a phone number; the chat is sent with its e-mail only.`,
        `${q(d.value)} в ${q(d.column)} — не номер телефона; чат будет отправлен только с e-mail.`,
      ),
  },
  'phone.excel_date': {
    severity: 'error',
    describe: (d) =>
      text(
        `The phone in ${q(d.column)} was turned into a date by a spreadsheet (${q(d.value)}); type it again as text.`,
        `Телефон в ${q(d.column)} превращён табличным редактором в дату (${q(d.value)}); введите его заново как текст.`,
      ),
  },
  'phone.digits_lost': {
    severity: 'error',
    describe: (d) =>
      text(
        `The phone ${q(d.value)} in ${q(d.column)} was shortened to scientific notation and lost digits; restore it from the source.`,
        `Телефон ${q(d.value)} в ${q(d.column)} сокращён до экспоненциальной записи и потерял цифры; восстановите его по источнику.`,
      ),
  },
  'phone.repaired': {
    severity: 'warning',
    describe: (d) =>
      text(
        `The phone ${q(d.value)} in ${q(d.column)} is sent as ${d.normalised ?? ''} (${d.other ?? ''}).`,
        `Телефон ${q(d.value)} в ${q(d.column)} будет отправлен как ${d.normalised ?? ''} (${d.other ?? ''}).`,
      ),
  },
  'email.invalid': {
    severity: 'error',
    describe: (d) =>
      text(`${q(d.value)} in ${q(d.column)} is not an e-mail address.`, `${q(d.value)} в ${q(d.column)} — не адрес e-mail.`),
  },
  'email.dropped': {
    severity: 'warning',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is not an e-mail address; the chat is sent with its phone only.`,
        `${q(d.value)} в ${q(d.column)} — не адрес e-mail; чат будет отправлен только с телефоном.`,
      ),
  },
  'contact.missing': {
    severity: 'error',
    describe: () =>
      text(
        'The chat has neither a phone nor an e-mail; CallGear needs at least one.',
        'У чата нет ни телефона, ни e-mail; CallGear требует хотя бы одно из них.',
      ),
  },
  'target.missing': {
    severity: 'error',
    describe: () =>
      text(
        'The chat has no site, campaign or visitor session; map one of them or set a site for all chats.',
        'У чата нет сайта, рекламной кампании или сессии посетителя; сопоставьте одно из них или задайте сайт для всех чатов.',
      ),
  },
  'id.invalid': {
    severity: 'error',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is not a valid ${d.field ?? ''} (a positive whole number).`,
        `${q(d.value)} в ${q(d.column)} — недопустимый ${d.field ?? ''} (нужно целое положительное число).`,
      ),
  },
  'site.unknown': {
    severity: 'error',
    describe: (d) =>
      d.column === undefined
        ? text(
            `The site ${d.value ?? ''} set for all chats is not one of this account's sites, so CallGear would refuse every chat: choose one of its sites in the mapping.`,
            `Сайта ${d.value ?? ''}, заданного для всех чатов, нет среди сайтов этого аккаунта, и CallGear отклонит каждый чат: выберите один из его сайтов в сопоставлении.`,
          )
        : text(
            `The site ${q(d.value)} in ${q(d.column)} is not one of this account's sites, so CallGear would refuse the chat.`,
            `Сайта ${q(d.value)} из ${q(d.column)} нет среди сайтов этого аккаунта, и CallGear отклонит чат.`,
          ),
  },
  'campaign.unknown': {
    severity: 'error',
    describe: (d) =>
      d.column === undefined
        ? text(
            `The campaign ${d.value ?? ''} set for all chats is not one of this account's campaigns, so CallGear would refuse every chat: choose one of its campaigns in the mapping.`,
            `Рекламной кампании ${d.value ?? ''}, заданной для всех чатов, нет среди кампаний этого аккаунта, и CallGear отклонит каждый чат: выберите одну из его кампаний в сопоставлении.`,
          )
        : text(
            `The campaign ${q(d.value)} in ${q(d.column)} is not one of this account's campaigns, so CallGear would refuse the chat.`,
            `Рекламной кампании ${q(d.value)} из ${q(d.column)} нет среди кампаний этого аккаунта, и CallGear отклонит чат.`,
          ),
  },
  'campaign.other_site': {
    severity: 'error',
    describe: (d) =>
      text(
        `The campaign ${d.value ?? ''} runs on site ${d.other ?? ''}, but this chat's site is ${d.normalised ?? ''}; CallGear refuses a chat whose campaign and site disagree: correct one of them, or leave one out.`,
        `Рекламная кампания ${d.value ?? ''} работает на сайте ${d.other ?? ''}, а сайт этого чата — ${d.normalised ?? ''}; CallGear отклоняет чат, у которого кампания и сайт не совпадают: исправьте одно из них или оставьте одно.`,
      ),
  },
  'employee.missing': {
    severity: 'error',
    describe: (d) =>
      text(
        `An operator's message needs the employee who wrote it, but ${q(d.column)} is empty.`,
        `Для сообщения оператора нужен сотрудник, но ${q(d.column)} не заполнено.`,
      ),
  },
  'employee.unknown': {
    severity: 'error',
    describe: (d) =>
      text(
        `No CallGear employee matches ${q(d.value)} in ${q(d.column)}${d.other ? `; did you mean ${d.other}?` : ''}.`,
        `Нет сотрудника CallGear, соответствующего ${q(d.value)} в ${q(d.column)}${d.other ? `; возможно, ${d.other}?` : ''}.`,
      ),
  },
  'employee.no_directory': {
    severity: 'error',
    describe: (d) =>
      text(
        `The operator ${q(d.value)} in ${q(d.column)} needs a CallGear employee id, and no employee list is loaded to find it: load the account's employees (CLI: --employees FILE) or map the name to an id.`,
        `Оператору ${q(d.value)} в ${q(d.column)} нужен id сотрудника CallGear, а список сотрудников не загружен: загрузите сотрудников аккаунта (в CLI: --employees ФАЙЛ) или сопоставьте имя с id.`,
      ),
  },
  'employee.ambiguous': {
    severity: 'error',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} matches several employees (${d.other ?? ''}); choose one in the employee mapping.`,
        `${q(d.value)} в ${q(d.column)} подходит нескольким сотрудникам (${d.other ?? ''}); выберите одного в сопоставлении сотрудников.`,
      ),
  },
  'message.empty': {
    severity: 'warning',
    describe: (d) =>
      text(`The message text in ${q(d.column)} is empty; this row is left out.`, `Текст сообщения в ${q(d.column)} пуст; строка пропущена.`),
  },
  'chat.no_messages': {
    severity: 'error',
    describe: () => text('The chat has no message with text.', 'В чате нет ни одного сообщения с текстом.'),
  },
  'chat.duplicate': {
    severity: 'error',
    describe: (d) =>
      text(
        `The same chat appears earlier in the file (row ${d.other ?? ''}); it would be uploaded twice.`,
        `Этот же чат уже есть в файле выше (строка ${d.other ?? ''}); он был бы загружен дважды.`,
      ),
  },
  'chat.conflicting_values': {
    severity: 'warning',
    describe: (d) =>
      text(
        `Rows of this chat disagree on ${d.field ?? ''} (${q(d.column)}); the first value ${q(d.value)} is used.`,
        `Строки этого чата расходятся в поле ${d.field ?? ''} (${q(d.column)}); взято первое значение ${q(d.value)}.`,
      ),
  },
  'chat.too_large': {
    severity: 'error',
    describe: (d) =>
      text(
        `The chat is ${d.value ?? ''} bytes as JSON, over the 512 KB a request may carry.`,
        `Чат занимает ${d.value ?? ''} байт в JSON — больше 512 КБ, допустимых для запроса.`,
      ),
  },
} satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof CODES;

function enumInvalid(field: string, allowed: string): CodeInfo {
  return {
    severity: 'error',
    describe: (d) =>
      text(
        `${q(d.value)} in ${q(d.column)} is not a known ${field} (${allowed})${d.other ? `; did you mean ${d.other}?` : ''}. Add it to the value map.`,
        `${q(d.value)} в ${q(d.column)} — неизвестное значение ${field} (${allowed})${d.other ? `; возможно, ${d.other}?` : ''}. Добавьте его в таблицу значений.`,
      ),
  };
}
