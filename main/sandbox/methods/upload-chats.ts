import { z } from 'zod';
import { fail, ok } from '../../common/text.ts';
import { wallTime } from '../datetime.ts';
import { AUTH_PARAMS, UPLOAD_COMPONENTS, type MethodSpec } from '../method.ts';
import { parseParams } from '../params.ts';
import { rpcError } from '../rpc-errors.ts';
import { validateChats } from '../upload-validation.ts';

const UploadParams = z.strictObject({ ...AUTH_PARAMS, chats: z.unknown() });

/** `upload.chats`: all chats valid or none stored; ids come back in input order (§5.2). */
export const uploadChats: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: true,
  customerData: true,
  components: UPLOAD_COMPONENTS,
  handle: ({ params, world }) => {
    const parsed = parseParams(UploadParams, params);
    if (!parsed.ok) return parsed;
    const now = wallTime(world.clock(), world.reference.account.timezone);
    const chats = validateChats(parsed.value.chats, { reference: world.reference, now });
    if (!chats.ok) return chats;
    const stored = world.store.add(chats.value, now);
    if (!stored.ok) return fail(rpcError('internal_error', 'Internal error: the chats were not stored'));
    return ok({ data: stored.value.map((id) => ({ id })) });
  },
};
