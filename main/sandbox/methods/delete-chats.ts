import { z } from 'zod';
import { fail, ok } from '../../common/text.ts';
import { AUTH_PARAMS, UPLOAD_COMPONENTS, type MethodSpec } from '../method.ts';
import { parseParams } from '../params.ts';
import { badValue, rpcError } from '../rpc-errors.ts';

const DeleteParams = z.strictObject({ ...AUTH_PARAMS, id: z.number().int() });

/**
 * `delete.chats`: one chat per call, and only one that came through the Data API (§5.3). The reply
 * is `result.data.success`, the shape every other reply has; the reference's `result.success` is
 * read as shorthand for it (ASSUME).
 */
export const deleteChats: MethodSpec = {
  roles: ['customer', 'agent'],
  needsToken: true,
  customerData: true,
  components: UPLOAD_COMPONENTS,
  handle: ({ params, world }) => {
    const parsed = parseParams(DeleteParams, params);
    if (!parsed.ok) return parsed;
    const id = parsed.value.id;
    if (world.reference.widgetChats.some((c) => c.id === id)) {
      return fail(badValue('id', id, 'only chats uploaded through the Data API can be deleted'));
    }
    if (!world.store.get(id)) return fail(badValue('id', id, 'no such chat'));
    const removed = world.store.remove(id);
    if (!removed.ok) return fail(rpcError('internal_error', 'Internal error: the chat was not deleted'));
    return ok({ data: { success: true } });
  },
};
