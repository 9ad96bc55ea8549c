import { z } from 'zod';
import { fail, ok } from '../../common/text.ts';
import { AUTH_PARAMS, DATA_API, type MethodSpec } from '../method.ts';
import { parseParams } from '../params.ts';
import { rpcError } from '../rpc-errors.ts';

const AccountParams = z.strictObject(AUTH_PARAMS);

/**
 * `get.account`: the account id, name and IANA time zone. The docs list it for customers only, so
 * agents are refused unless the `agentReadsAccount` switch is on (open question §7.6). Data is a
 * one-row array like every get.* reply (ASSUME: the page's reply example was not readable in full).
 */
export const getAccount: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: true,
  customerData: true,
  components: DATA_API,
  handle: ({ params, principal, world }) => {
    const parsed = parseParams(AccountParams, params);
    if (!parsed.ok) return parsed;
    if (principal?.role === 'agent' && !world.switches().agentReadsAccount) return fail(rpcError('forbidden', 'Permission denied'));
    return ok({ data: [{ ...world.reference.account }] });
  },
};
