import { text, type Problem } from '../common/text.ts';
import type { TransportError } from '../callgear/errors.ts';
import { OFFLINE } from '../contract/offline.ts';

/** The server could not be reached before the upload began: said so, with why; the page adds what is kept. */
export function offlineProblem(error: TransportError): Problem {
  return {
    code: OFFLINE,
    message: text(
      `${error.message.en} This computer appears to be offline. Nothing was sent.`,
      `${error.message.ru} Похоже, компьютер не подключён к сети. Ничего не отправлено.`,
    ),
  };
}
