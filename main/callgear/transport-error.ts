import { text, type Text } from '../common/text.ts';
import { WRITE_METHODS, type TransportError, type TransportReason } from './errors.ts';

/** Connection failures that prove the request never reached a server. */
const NEVER_SENT: ReadonlySet<TransportReason> = new Set<TransportReason>(['refused', 'dns', 'tls']);

const WORDS: Readonly<Record<TransportReason, (host: string, status?: number) => Text>> = {
  timeout: (host) => text(`${host} did not answer in time.`, `${host} не ответил вовремя.`),
  aborted: () => text('The request was cancelled.', 'Запрос отменён.'),
  refused: (host) => text(`${host} refused the connection. Check the address and that the server runs.`, `${host} отказал в соединении. Проверьте адрес и что сервер работает.`),
  dns: (host) =>
    text(`${host} could not be found. Check the address and the internet connection.`, `Не удалось найти ${host}. Проверьте адрес и подключение к интернету.`),
  tls: (host) =>
    text(
      `The secure connection to ${host} failed (certificate not trusted). A proxy or antivirus may intercept HTTPS.`,
      `Не удалось установить защищённое соединение с ${host} (сертификат не доверенный). HTTPS может перехватывать прокси или антивирус.`,
    ),
  reset: (host) => text(`The connection to ${host} was cut.`, `Соединение с ${host} прервалось.`),
  http: (host, status) => text(`${host} answered with HTTP ${status ?? '?'} instead of an API reply.`, `${host} ответил HTTP ${status ?? '?'} вместо ответа API.`),
  'not-json': (host) => text(`${host} answered with something that is not JSON.`, `${host} ответил не в формате JSON.`),
  'bad-reply': (host) => text(`${host} answered JSON that is not a Data API reply.`, `${host} ответил JSON, который не является ответом Data API.`),
  network: (host) => text(`The network failed while talking to ${host}.`, `Сбой сети при обращении к ${host}.`),
};

const MAYBE_DONE = text(
  ' The request may still have been carried out; the chats are checked in CallGear before anything is sent again.',
  ' Запрос мог быть выполнен; перед повторной отправкой чаты будут проверены в CallGear.',
);

/**
 * A failure with no usable reply. For writes, anything after the request may have left this
 * computer is "outcome unknown", never "failed": the chats might be stored (§7.3).
 */
export function transportError(method: string, host: string, reason: TransportReason, sent: boolean, status?: number): TransportError {
  const unknown = sent && !NEVER_SENT.has(reason) && !(reason === 'http' && status !== undefined && status < 500) && WRITE_METHODS.has(method);
  const base = WORDS[reason](host, status);
  const message = unknown ? text(base.en + MAYBE_DONE.en, base.ru + MAYBE_DONE.ru) : base;
  const error: TransportError = {
    kind: 'transport',
    code: `transport.${reason}`,
    method,
    reason,
    action: reason === 'aborted' ? 'user' : reason === 'http' && status !== undefined && status < 500 ? 'user' : 'retry',
    outcome: unknown ? 'unknown' : 'not-processed',
    message,
  };
  if (status !== undefined) error.status = status;
  return error;
}

/** Reads the reason out of what fetch/undici throws, without keeping the thrown object. */
export function reasonOf(thrown: unknown, timedOut: boolean, aborted: boolean): TransportReason {
  if (timedOut) return 'timeout';
  if (aborted) return 'aborted';
  const code = errorCode(thrown) ?? errorCode(causeOf(thrown)) ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return 'tls';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}

function causeOf(thrown: unknown): unknown {
  return typeof thrown === 'object' && thrown !== null && 'cause' in thrown ? thrown.cause : undefined;
}

function errorCode(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : undefined;
}
