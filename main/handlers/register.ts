import { text, type Problem, type Result } from '../common/text.ts';
import { CHANNEL_NAMES, CHANNELS, channelOf, type ChannelName } from '../contract/channels.ts';
import type { Handlers } from './types.ts';

/** Who sent an IPC message, as far as the check needs to know (Electron's IpcMainInvokeEvent). */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSender, request: unknown) => Promise<unknown>): void;
}

export type Refusal = (channel: string, why: string) => void;

const problem = (code: string, en: string, ru: string): Result<never> => ({ ok: false, error: { code, message: text(en, ru) } });

/**
 * Parses a request with its channel's schema and runs the handler; any throw becomes a problem
 * value. The IPC registration and the end-to-end harness both call through here.
 */
export async function dispatch(handlers: Handlers, name: ChannelName, request: unknown, onFault: (name: string, error: unknown) => void = () => undefined): Promise<Result<unknown, Problem>> {
  const parsed = CHANNELS[name].request.safeParse(request ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || name}: ${issue.message}`).join('; ');
    return problem('ipc.invalid_request', `The app sent a malformed request (${where}).`, `Приложение отправило некорректный запрос (${where}).`);
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<Result<unknown, Problem>>;
    return await handler(parsed.data);
  } catch (error) {
    onFault(name, error);
    return problem('app.internal', 'Something went wrong inside the app; the log has the details.', 'Внутренняя ошибка приложения; подробности в журнале.');
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'with an unreadable address';
  }
}

/**
 * Registers every contract call on IPC behind one check: the message must come from our own
 * window's top frame (`isOurs`). Only the contract's channels are registered, so any other
 * channel has no handler at all; refusals are logged with the channel and the reason.
 */
export function registerHandlers(ipc: IpcMainLike, handlers: Handlers, isOurs: (sender: IpcSender) => boolean, refused: Refusal, onFault?: (name: string, error: unknown) => void): void {
  for (const name of CHANNEL_NAMES) {
    const channel = channelOf(name);
    ipc.handle(channel, async (event, request) => {
      if (event.senderFrame === null || event.senderFrame.parent !== null || !isOurs(event)) {
        refused(channel, event.senderFrame === null ? 'no frame' : event.senderFrame.parent !== null ? 'a subframe' : `untrusted page ${originOf(event.senderFrame.url)}`);
        return problem('ipc.refused', 'This request did not come from the app window.', 'Запрос пришёл не из окна приложения.');
      }
      return dispatch(handlers, name, request, onFault);
    });
  }
}
