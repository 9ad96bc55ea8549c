import { z } from 'zod';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import type { StoredChat } from './chat-model.ts';
import type { Envelope } from './envelope.ts';
import { FaultsSchema, type Faults } from './faults.ts';
import { parseParams } from './params.ts';
import { rpcError, type RpcError } from './rpc-errors.ts';
import { SwitchesSchema, type Switches } from './switches.ts';

/**
 * The `sandbox.*` namespace, which the real API does not have: lets a test in another process
 * (or a person with curl) steer a running sandbox. Needs no key, is never faulted or charged.
 */
export const CONTROL_PREFIX = 'sandbox.';

export interface ControlTarget {
  setFaults(faults: Faults): void;
  setSwitches(switches: Switches): void;
  status(): Record<string, unknown>;
  listChats(): StoredChat[];
  clearChats(): Result<void, Problem>;
}

const PageParams = z.strictObject({ offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).optional() });
const NoParams = z.strictObject({});

type Reply = Result<Record<string, unknown>, RpcError>;

const HANDLERS: Record<string, (params: Record<string, unknown>, target: ControlTarget) => Reply> = {
  'sandbox.set_faults': (params, target) => {
    const faults = parseParams(FaultsSchema, params);
    if (!faults.ok) return faults;
    target.setFaults(faults.value);
    return ok({ data: target.status() });
  },
  'sandbox.set_switches': (params, target) => {
    const switches = parseParams(SwitchesSchema, params);
    if (!switches.ok) return switches;
    target.setSwitches(switches.value);
    return ok({ data: target.status() });
  },
  'sandbox.status': (params, target) => {
    const none = parseParams(NoParams, params);
    return none.ok ? ok({ data: target.status() }) : none;
  },
  'sandbox.list_chats': (params, target) => {
    const page = parseParams(PageParams, params);
    if (!page.ok) return page;
    const all = target.listChats();
    const offset = page.value.offset ?? 0;
    return ok({ data: all.slice(offset, offset + (page.value.limit ?? all.length)), metadata: { total_items: all.length } });
  },
  'sandbox.clear_chats': (params, target) => {
    const none = parseParams(NoParams, params);
    if (!none.ok) return none;
    const cleared = target.clearChats();
    return cleared.ok ? ok({ data: { success: true } }) : fail(rpcError('internal_error', cleared.error.message.en));
  },
};

export function control(envelope: Envelope, target: ControlTarget): Reply {
  const handler = HANDLERS[envelope.method];
  return handler ? handler(envelope.params, target) : fail(rpcError('method_not_found', `Method ${envelope.method} not found`));
}
