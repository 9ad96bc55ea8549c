import { fail, ok, type Result } from '../common/text.ts';
import type { Principal } from './auth.ts';
import type { Envelope } from './envelope.ts';
import type { MethodSpec, World } from './method.ts';
import { METHODS } from './methods.ts';
import { badValue, missing, rpcError, wrongType, type RpcError } from './rpc-errors.ts';
import { accountRefusal, ipRefusal } from './switches.ts';

export interface DispatchContext {
  world: World;
  weightOf: (method: string) => number;
  callerIp: string;
}

function authenticate(spec: MethodSpec, params: Record<string, unknown>, world: World): Result<Principal | undefined, RpcError> {
  if (!spec.needsToken) return ok(undefined);
  const token = params.access_token;
  if (token === undefined) return fail(missing('access_token'));
  if (typeof token !== 'string') return fail(wrongType('access_token', undefined, 'a string'));
  const principal = world.sessions.resolve(token);
  return principal ? ok(principal) : fail(rpcError('access_token_invalid', 'Access token is invalid or expired'));
}

/** An agent names the customer it acts for; the id must be one of its customer users (§2.4). */
function customerError(spec: MethodSpec, principal: Principal | undefined, params: Record<string, unknown>, world: World): RpcError | undefined {
  if (!spec.customerData || principal?.role !== 'agent') return undefined;
  const userId = params.user_id;
  if (userId === undefined) return missing('user_id');
  if (typeof userId !== 'number') return wrongType('user_id', userId, 'a number');
  if (!world.reference.customerUsers.some((u) => u.id === userId)) return badValue('user_id', userId, 'not a customer user of this agent');
  return undefined;
}

/** The checks before a method runs, in the order the API is assumed to apply them. */
function admit(method: string, spec: MethodSpec, params: Record<string, unknown>, ctx: DispatchContext): Result<Principal | undefined, RpcError> {
  const { world } = ctx;
  const ip = ipRefusal(world.switches(), ctx.callerIp);
  if (ip) return fail(ip);
  const auth = authenticate(spec, params, world);
  if (!auth.ok) return auth;
  const principal = auth.value;
  if (principal && !spec.roles.includes(principal.role)) return fail(rpcError('forbidden', 'Permission denied'));
  const refusal = accountRefusal(world.switches(), method, spec.components) ?? customerError(spec, principal, params, world);
  return refusal ? fail(refusal) : ok(principal);
}

/** Runs one API call: admission, the limit check, the method, then the charge for a success only. */
export function dispatch(envelope: Envelope, ctx: DispatchContext): Result<Record<string, unknown>, RpcError> {
  const { method, params } = envelope;
  const spec = METHODS.get(method);
  if (!spec) return fail(rpcError('method_not_found', `Method ${method} not found`));
  const admitted = admit(method, spec, params, ctx);
  if (!admitted.ok) return admitted;
  const { world } = ctx;
  const weight = ctx.weightOf(method);
  const over = world.limits.check(weight);
  if (over) return fail(over);
  const done = spec.handle({ params, principal: admitted.value, world });
  if (!done.ok) return done;
  world.limits.charge(weight);
  const metadata: Record<string, unknown> = { limits: world.limits.snapshot() };
  if (done.value.totalItems !== undefined) metadata.total_items = done.value.totalItems;
  const key = method === 'get.account' ? (world.switches().accountMetadataKey ?? 'metadata') : 'metadata';
  return ok({ data: done.value.data, [key]: metadata });
}
