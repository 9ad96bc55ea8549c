import { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import { rpcError, type RpcError } from './rpc-errors.ts';

export type RpcId = string | number;

/** One JSON-RPC 2.0 request as the Data API accepts it: an id, a method and an object of params. */
export interface Envelope {
  id: RpcId;
  method: string;
  params: Record<string, unknown>;
}

export interface EnvelopeFailure {
  /** The request's id when it could be read, so the reply still pairs with it. */
  id: RpcId | null;
  error: RpcError;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IdSchema = z.union([z.string(), z.number()]);
const EnvelopeSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: IdSchema,
  method: z.string().min(1),
  // Params stay the parsed object itself (not a zod copy): unknown-key checks need what was sent.
  params: z.custom<Record<string, unknown>>(isRecord).optional(),
});

/** Reads a request body the way the reference describes the envelope errors (§1, §4.3). */
export function readEnvelope(body: string): Result<Envelope, EnvelopeFailure> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail({ id: null, error: rpcError('parse_error', 'Parse error: the body is not valid JSON') });
  }
  if (Array.isArray(json)) {
    return fail({ id: null, error: rpcError('batch_opreations_not_supported', 'Batch operations are not supported') });
  }
  if (isRecord(json) && !('id' in json)) {
    return fail({ id: null, error: rpcError('notifications_not_supported', 'Notifications are not supported: give the request an id') });
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const id = isRecord(json) ? IdSchema.safeParse(json.id) : undefined;
    const field = parsed.error.issues[0]?.path.join('.') || undefined;
    return fail({ id: id?.success ? id.data : null, error: rpcError('invalid_request', 'Invalid Request', { field }) });
  }
  const { id, method, params } = parsed.data;
  return ok({ id, method, params: params ?? {} });
}

export function errorReply(id: RpcId | null, error: RpcError): string {
  return JSON.stringify({ jsonrpc: '2.0', id, error });
}

export function resultReply(id: RpcId, result: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: '2.0', id, result });
}
