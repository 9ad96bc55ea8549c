import type { Result } from '../common/text.ts';
import type { ChannelName } from '../contract/channels.ts';
import type { Handlers } from './types.ts';

/** Told of every call once it is answered: its name, its parsed request and its result. */
export type CallObserver = (name: ChannelName, request: unknown, result: Result<unknown>) => void;

/**
 * The same handler table, with `observe` told of every answered call. Concerns that follow the
 * import as a whole (is it saved, which headers does it map) watch the calls instead of every
 * handler group knowing about them.
 */
export function observeCalls(handlers: Handlers, observe: CallObserver): Handlers {
  const wrapped = Object.entries(handlers).map(([name, handler]) => {
    const call = handler as (request: unknown) => Promise<Result<unknown>>;
    const watched = async (request: unknown) => {
      const result = await call(request);
      observe(name as ChannelName, request, result);
      return result;
    };
    return [name, watched];
  });
  return Object.fromEntries(wrapped) as Handlers;
}
