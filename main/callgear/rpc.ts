import { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import { apiError, RpcErrorSchema } from './api-error.ts';
import type { CallGearError } from './errors.ts';
import { parseLimits, type Limits } from './limits.ts';
import type { Redactor } from './redact.ts';
import { reasonOf, transportError } from './transport-error.ts';

/** What the client writes to its log: codes, sizes and times, never params, values or secrets. */
export type LogEntry =
  | { event: 'request'; method: string; id: string; bytes: number }
  | { event: 'reply'; method: string; id: string; ms: number }
  | { event: 'failure'; method: string; id: string; ms: number; code: string; outcome: string };

export interface RpcReply {
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
  limits: Limits | undefined;
}

export interface RpcFailure {
  error: CallGearError;
  limits: Limits | undefined;
}

export interface Wire {
  endpoint: URL;
  fetch: typeof fetch;
  redact: Redactor;
  log: (entry: LogEntry) => void;
  newId: () => string;
  now: () => number;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Pre-serialised JSON appended to params under this key (upload.chats' `chats`). */
  raw?: { key: string; json: Uint8Array } | undefined;
}

const EnvelopeSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string(), z.number(), z.null()]),
  result: z.object({ data: z.unknown(), metadata: z.record(z.string(), z.unknown()).optional(), meta_data: z.record(z.string(), z.unknown()).optional() }).optional(),
  error: RpcErrorSchema.optional(),
});

/** One request's bytes: params serialised once, the pre-built chats spliced in without a re-parse. */
export function encodeRequest(id: string, method: string, params: Record<string, unknown>, raw?: CallOptions['raw']): Uint8Array {
  const head = JSON.stringify({ jsonrpc: '2.0', id, method, params });
  if (raw === undefined) return Buffer.from(head, 'utf8');
  const withoutClose = head.slice(0, -2);
  const separator = Object.keys(params).length ? ',' : '';
  return Buffer.concat([Buffer.from(`${withoutClose}${separator}${JSON.stringify(raw.key)}:`, 'utf8'), raw.json, Buffer.from('}}', 'utf8')]);
}

/**
 * Posts one JSON-RPC request (never a batch) with a fresh id and reads its reply into a typed
 * outcome. Nothing here throws: every failure comes back as a value.
 */
export async function rpcCall(wire: Wire, method: string, params: Record<string, unknown>, options: CallOptions): Promise<Result<RpcReply, RpcFailure>> {
  const id = wire.newId();
  const host = wire.endpoint.host;
  const started = wire.now();
  const body = encodeRequest(id, method, params, options.raw);
  const failed = (error: CallGearError, limits?: Limits): Result<RpcReply, RpcFailure> => {
    wire.log({ event: 'failure', method, id, ms: wire.now() - started, code: error.code, outcome: error.outcome });
    return fail({ error, limits });
  };
  if (options.signal?.aborted) return failed(transportError(method, host, 'aborted', false));
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), options.timeoutMs);
  const signal = options.signal === undefined ? timer.signal : AbortSignal.any([timer.signal, options.signal]);
  wire.log({ event: 'request', method, id, bytes: body.length });
  let status: number;
  let bytes: ArrayBuffer;
  try {
    const response = await wire.fetch(wire.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body,
      signal,
    });
    status = response.status;
    bytes = await response.arrayBuffer();
  } catch (thrown) {
    return failed(transportError(method, host, reasonOf(thrown, timer.signal.aborted, options.signal?.aborted === true), true));
  } finally {
    clearTimeout(timeout);
  }
  return readReply(method, host, id, status, bytes, wire, failed, started);
}

function readReply(
  method: string,
  host: string,
  id: string,
  status: number,
  bytes: ArrayBuffer,
  wire: Wire,
  failed: (error: CallGearError, limits?: Limits) => Result<RpcReply, RpcFailure>,
  started: number,
): Result<RpcReply, RpcFailure> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return failed(transportError(method, host, status === 200 ? 'not-json' : 'http', true, status === 200 ? undefined : status));
  }
  const envelope = EnvelopeSchema.safeParse(json);
  // An error reply may carry id null when the server could not read ours (§1).
  const ours = envelope.success && (envelope.data.id === id || (envelope.data.id === null && envelope.data.error !== undefined));
  if (!envelope.success || !ours || (envelope.data.result === undefined) === (envelope.data.error === undefined)) {
    return failed(transportError(method, host, status === 200 ? 'bad-reply' : 'http', true, status === 200 ? undefined : status));
  }
  const limits = parseLimits(json);
  if (envelope.data.error !== undefined) return failed(apiError(method, envelope.data.error, wire.redact), limits);
  if (status !== 200) return failed(transportError(method, host, 'http', true, status), limits);
  const result = envelope.data.result!;
  wire.log({ event: 'reply', method, id, ms: wire.now() - started });
  return ok({ data: result.data, metadata: result.metadata ?? result.meta_data ?? {}, limits });
}

/** Request ids unique across restarts of the app, so a reply can never be taken for another's. */
export function idMaker(prefix = Math.random().toString(36).slice(2, 8)): () => string {
  let counter = 0;
  return () => `ci-${prefix}-${++counter}`;
}
