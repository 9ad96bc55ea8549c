import { text, type Text } from '../common/text.ts';
import type { Action } from './errors.ts';

/** What a mnemonic's message may draw on: the error's details, already stripped of secrets. */
export interface ErrorDetail {
  method: string;
  field?: string;
  value?: string;
  serverMessage: string;
  params: Readonly<Record<string, unknown>>;
  window?: 'minute' | 'day';
  ip?: string;
}

interface MnemonicInfo {
  action: Action;
  describe: (detail: ErrorDetail) => Text;
}

const where = (d: ErrorDetail): Text =>
  d.field === undefined
    ? text('', '')
    : text(` Field: ${d.field}${d.value === undefined ? '' : ` = "${d.value}"`}.`, ` Поле: ${d.field}${d.value === undefined ? '' : ` = «${d.value}»`}.`);

const withWhere = (en: string, ru: string) => (d: ErrorDetail): Text => {
  const w = where(d);
  return text(`${en}${w.en}`, `${ru}${w.ru}`);
};

const bug = (en: string, ru: string): MnemonicInfo => ({
  action: 'bug',
  describe: withWhere(
    `${en} This is a fault in Chat Importer, not in your data; please report it with the log.`,
    `${ru} Это ошибка Chat Importer, а не ваших данных; сообщите о ней, приложив журнал.`,
  ),
});

const SECURITY_TAB = text(
  'Administrator → Account → Rules and security settings → API tab',
  'Администратор → Аккаунт → Правила и настройки безопасности → вкладка API',
);

function components(d: ErrorDetail): string {
  const listed = d.params.components;
  return Array.isArray(listed) ? listed.map(String).join(', ') : '';
}

/** Every mnemonic of callgear-data-api.md §4.3, with its action and words a person can act on. */
export const MNEMONICS: Readonly<Record<string, MnemonicInfo>> = {
  parse_error: bug('CallGear could not read the request as JSON.', 'CallGear не смог прочитать запрос как JSON.'),
  invalid_request: bug('CallGear refused the request envelope.', 'CallGear отклонил оболочку запроса.'),
  method_not_found: {
    action: 'user',
    describe: (d) =>
      text(
        `The server does not know the method ${d.method}. This usually means the wrong address: check that the account's brand (CallGear, CoMagic, UIS) and API address are right.`,
        `Сервер не знает метод ${d.method}. Обычно это значит, что адрес неверен: проверьте бренд учётной записи (CallGear, CoMagic, UIS) и адрес API.`,
      ),
  },
  required_parameter_missed: {
    action: 'fix',
    describe: withWhere('A required value is missing.', 'Не хватает обязательного значения.'),
  },
  invalid_parameter_value: {
    action: 'fix',
    describe: (d) => {
      const w = where(d);
      return text(`CallGear refused a value: ${d.serverMessage}.${w.en}`, `CallGear отклонил значение: ${d.serverMessage}.${w.ru}`);
    },
  },
  data_type_error: {
    action: 'fix',
    describe: withWhere('A value has the wrong type (text instead of a number or the reverse).', 'Значение неверного типа (текст вместо числа или наоборот).'),
  },
  unexpected_parameters: bug('CallGear does not know a parameter that was sent.', 'CallGear не знает переданный параметр.'),
  invalid_parameters_combination: {
    action: 'fix',
    describe: withWhere(
      'Values contradict each other (for example a campaign that belongs to another site).',
      'Значения противоречат друг другу (например, рекламная кампания другого сайта).',
    ),
  },
  sort_prohibited: bug('Sorting by this field is not allowed.', 'Сортировка по этому полю не разрешена.'),
  filter_prohibited: bug('Filtering by this field is not allowed.', 'Фильтр по этому полю не разрешён.'),
  date_interval_limit_reached: {
    action: 'fix',
    describe: () => text('The date range is longer than CallGear allows (3 months).', 'Период дат длиннее, чем допускает CallGear (3 месяца).'),
  },
  auth_error: {
    action: 'user',
    describe: () =>
      text(
        'The login or password is wrong. Check them, and that the account belongs to this brand (a UIS login does not work on CoMagic and vice versa).',
        'Неверный логин или пароль. Проверьте их и то, что учётная запись относится к этому бренду (логин UIS не подходит для CoMagic и наоборот).',
      ),
  },
  access_token_invalid: {
    action: 'user',
    describe: () =>
      text(
        'CallGear does not accept the access key. Check the key in the account settings, or issue a new one in the client area (user management).',
        'CallGear не принимает ключ доступа. Проверьте ключ в настройках учётной записи или выпустите новый в личном кабинете (управление пользователями).',
      ),
  },
  access_token_expired: {
    action: 'user',
    describe: () =>
      text('The access key has expired. Issue a new key in the client area and enter it in the account settings.', 'Срок действия ключа доступа истёк. Выпустите новый ключ в личном кабинете и укажите его в настройках учётной записи.'),
  },
  access_token_blocked: {
    action: 'user',
    describe: () =>
      text('The access key is blocked. Ask the account administrator to unblock it or to issue a new one.', 'Ключ доступа заблокирован. Попросите администратора аккаунта разблокировать его или выпустить новый.'),
  },
  ip_not_whitelisted: {
    action: 'user',
    describe: (d) => {
      const ipEn = d.ip === undefined ? "This computer's IP address" : `This computer's IP address ${d.ip}`;
      const ipRu = d.ip === undefined ? 'IP-адрес этого компьютера' : `IP-адрес этого компьютера ${d.ip}`;
      return text(
        `${ipEn} is not on the account's API whitelist. Add it in the client area: ${SECURITY_TAB.en} (an agent adds it in the customer's account). Home and mobile connections change their address often.`,
        `${ipRu} не входит в список разрешённых для API. Добавьте его в личном кабинете: ${SECURITY_TAB.ru} (агент добавляет его в аккаунте клиента). Домашние и мобильные подключения часто меняют адрес.`,
      );
    },
  },
  forbidden: {
    action: 'user',
    describe: (d) =>
      text(
        `The user of this key has no right to call ${d.method}. Ask the account administrator to grant it.`,
        `У пользователя этого ключа нет права вызывать ${d.method}. Попросите администратора аккаунта выдать его.`,
      ),
  },
  method_component_disabled: {
    action: 'user',
    describe: (d) =>
      text(
        `The account lacks a component needed for ${d.method}${components(d) ? ` (${components(d)})` : ''}. Uploading chats needs "Data API" and "Uploading offline inquiries from an outside system"; enable them in Account → Tariffs and options.`,
        `В аккаунте не подключён компонент, нужный для ${d.method}${components(d) ? ` (${components(d)})` : ''}. Для загрузки чатов нужны «Data API» и «Загрузка офлайн-заявок из внешней системы»; подключите их в разделе Аккаунт → Тарифы и опции.`,
      ),
  },
  parameter_component_disabled: {
    action: 'user',
    describe: withWhere(
      'A component needed for one of the fields is off in the account; enable it or leave that field unmapped.',
      'Компонент, нужный для одного из полей, отключён в аккаунте; подключите его или не сопоставляйте это поле.',
    ),
  },
  component_disabled: {
    action: 'user',
    describe: () => text('A component the account needs is turned off; enable it in Account → Tariffs and options.', 'Нужный компонент аккаунта отключён; подключите его в разделе Аккаунт → Тарифы и опции.'),
  },
  account_inactive: {
    action: 'user',
    describe: () => text('The CallGear account is blocked. Contact CallGear support.', 'Аккаунт заблокирован. Обратитесь в поддержку.'),
  },
  limit_exceeded: {
    action: 'wait',
    describe: (d) =>
      d.window === 'day'
        ? text("The account's daily API points are used up; the upload can resume after the daily reset.", 'Суточный лимит баллов API исчерпан; загрузку можно продолжить после его обновления.')
        : text("The account's per-minute API points are used up; waiting for the next minute.", 'Лимит баллов API в минуту исчерпан; ждём следующей минуты.'),
  },
  batch_opreations_not_supported: bug('CallGear refused a batch of requests.', 'CallGear отклонил пакет запросов.'),
  notifications_not_supported: bug('CallGear refused a request without an id.', 'CallGear отклонил запрос без id.'),
  internal_error: {
    action: 'retry',
    describe: () =>
      text(
        'CallGear had an internal error. The request is tried again a few times; if it persists, contact support with the time of the attempt.',
        'Внутренняя ошибка CallGear. Запрос будет повторён несколько раз; если ошибка не пройдёт, сообщите в поддержку время попытки.',
      ),
  },
};

/** The code groups of §4.2, used only when a reply carries no mnemonic we know. */
export function actionForCode(rpcCode: number, hasField: boolean): Action {
  if (rpcCode === -32603) return 'retry';
  if (rpcCode === -32029) return 'wait';
  if (rpcCode === -32700 || rpcCode === -32600 || rpcCode === -32099) return 'bug';
  // The reference: an unknown mnemonic is a data problem when it names a field, else the person's.
  return hasField ? 'fix' : 'user';
}
