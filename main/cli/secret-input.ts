import type { Readable } from 'node:stream';
import { usage } from './errors.ts';

export type SecretInput = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * One line from stdin: piped (`secret-tool lookup … | chat-importer accounts add …`) or typed.
 * Typed input is read in raw mode so the terminal never shows it; Ctrl+C cancels.
 */
export function readSecretLine(input: SecretInput, prompt: () => void): Promise<string> {
  const tty = input.isTTY === true && input.setRawMode !== undefined;
  return new Promise((done, failed) => {
    let line = '';
    const finish = (error?: Error) => {
      input.off('data', onData).off('end', onEnd).off('error', finish);
      if (tty) input.setRawMode?.(false);
      input.pause();
      if (error) failed(error);
      else done(line);
    };
    const onEnd = () => finish();
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\n' || char === '\r' || (tty && char === '\u0004')) return finish();
        if (tty && char === '\u0003') return finish(usage('Cancelled; no account was added.', 'Отменено; учётная запись не добавлена.'));
        line = tty && (char === '\u007f' || char === '\b') ? [...line].slice(0, -1).join('') : line + char;
      }
    };
    if (tty) {
      prompt();
      input.setRawMode?.(true);
    }
    input.setEncoding('utf8');
    input.on('data', onData).on('end', onEnd).on('error', finish);
    input.resume();
  });
}
