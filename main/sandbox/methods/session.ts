import { z } from 'zod';
import { fail, ok } from '../../common/text.ts';
import { AUTH_PARAMS, DATA_API, type MethodSpec } from '../method.ts';
import { parseParams } from '../params.ts';
import { rpcError } from '../rpc-errors.ts';

const AGENT_APP_ID = 50001;

const LoginParams = z.strictObject({ login: z.string(), password: z.string() });

/** `login.user`: a session token that lives an hour by default (callgear-data-api.md §2.2). */
export const loginUser: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: false,
  customerData: false,
  components: DATA_API,
  handle: ({ params, world }) => {
    const parsed = parseParams(LoginParams, params);
    if (!parsed.ok) return parsed;
    const session = world.sessions.login(parsed.value.login, parsed.value.password);
    if (!session) return fail(rpcError('auth_error', 'Wrong login or password'));
    const appId = session.role === 'agent' ? AGENT_APP_ID : world.reference.account.app_id;
    return ok({ data: { access_token: session.access_token, expire_at: session.expire_at, app_id: appId } });
  },
};

const LogoutParams = z.strictObject(AUTH_PARAMS);

/** `logout.user` ends a session; a permanent key is left working (ASSUME: the docs only speak of sessions). */
export const logoutUser: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: true,
  customerData: false,
  components: DATA_API,
  handle: ({ params, principal, world }) => {
    const parsed = parseParams(LogoutParams, params);
    if (!parsed.ok) return parsed;
    if (principal?.session) world.sessions.logout(parsed.value.access_token);
    return ok({ data: { success: true } });
  },
};
