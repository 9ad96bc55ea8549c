import { z } from 'zod';
import { rpcError, type RpcError } from './rpc-errors.ts';

/**
 * Account settings and reply quirks a client must survive (callgear-data-api.md §2.3–2.5, §6, §7):
 * set at start or at run time, and kept until changed.
 */
export const SwitchesSchema = z.strictObject({
  /** Refuse every API call with ip_not_whitelisted; a string is the IP the message shows (default: the caller's). */
  ipNotWhitelisted: z.union([z.boolean(), z.string()]).optional(),
  accountInactive: z.boolean().optional(),
  /** Methods the user has no right to call: `forbidden`. */
  forbiddenMethods: z.array(z.string()).optional(),
  /** Account components turned off, e.g. `upload_chats`: method_component_disabled for methods that need them. */
  disabledComponents: z.array(z.string()).optional(),
  /** Let agents read `get.account` with a `user_id` (the docs list it as customer-only, §2.4). */
  agentReadsAccount: z.boolean().optional(),
  /** get.* pages hold at most this many rows even before the end, as a client has observed (§6.1). */
  shortPageSize: z.number().int().positive().optional(),
  /** The key `get.account` puts its metadata under: the docs print `meta_data` (§6.2). */
  accountMetadataKey: z.enum(['metadata', 'meta_data']).optional(),
});

export type Switches = z.infer<typeof SwitchesSchema>;

export function ipRefusal(switches: Switches, callerIp: string): RpcError | undefined {
  if (!switches.ipNotWhitelisted) return undefined;
  const ip = typeof switches.ipNotWhitelisted === 'string' ? switches.ipNotWhitelisted : callerIp;
  return rpcError('ip_not_whitelisted', `Your IP ${ip} is not whitelisted`, { params: { ip } });
}

/** Refusals that depend on the account rather than the request, in the order the API is assumed to check them. */
export function accountRefusal(switches: Switches, method: string, components: readonly string[]): RpcError | undefined {
  if (switches.accountInactive) return rpcError('account_inactive', 'Account is inactive');
  const off = components.filter((c) => switches.disabledComponents?.includes(c));
  if (off.length) {
    return rpcError('method_component_disabled', `Method ${method} needs disabled components: ${off.join(', ')}`, { params: { components: off } });
  }
  if (switches.forbiddenMethods?.includes(method)) return rpcError('forbidden', 'Permission denied');
  return undefined;
}
