import { z } from 'zod';
import { text } from '../common/text.ts';
import { locateField, WRITE_METHODS, type ApiError } from './errors.ts';
import { actionForCode, MNEMONICS, type ErrorDetail } from './mnemonics.ts';
import { isSecretField, type Redactor } from './redact.ts';

/** The JSON-RPC error object, read tolerantly: only `code` and `message` are certain. */
export const RpcErrorSchema = z.object({
  code: z.number(),
  message: z.string().catch(''),
  data: z
    .object({
      mnemonic: z.string().optional().catch(undefined),
      field: z.string().nullish().catch(undefined),
      value: z.unknown().optional(),
      params: z.record(z.string(), z.unknown()).nullish().catch(undefined),
    })
    .nullish()
    .catch(undefined),
});
export type RpcError = z.infer<typeof RpcErrorSchema>;

type Scalar = string | number | boolean | null;

function scalar(value: unknown, field: string | undefined, redact: Redactor): Scalar | undefined {
  if (value === undefined) return undefined;
  if (isSecretField(field)) return '[hidden]';
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return redact(JSON.stringify(value));
}

function redactParams(params: Record<string, unknown> | null | undefined, redact: Redactor): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key] = typeof value === 'string' ? redact(value) : value;
  }
  return out;
}

function limitWindow(message: string, params: Record<string, unknown>): 'minute' | 'day' {
  const type = typeof params.limit_type === 'string' ? params.limit_type : message;
  return /day|сут|дн/i.test(type) ? 'day' : 'minute';
}

function refusedIp(message: string, params: Record<string, unknown>): string | undefined {
  if (typeof params.ip === 'string') return params.ip;
  return /\b(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)\b/i.exec(message)?.[1];
}

/**
 * Turns an error reply into a typed error. Dispatch is on the mnemonic: codes drift (a
 * `method_component_disabled` was seen under -32602), so the code is only a fallback.
 */
export function apiError(method: string, raw: RpcError, redact: Redactor): ApiError {
  const data = raw.data ?? undefined;
  const mnemonic = data?.mnemonic ?? 'unknown';
  const field = data?.field ?? undefined;
  const params = redactParams(data?.params, redact);
  const serverMessage = redact(raw.message);
  const value = scalar(data?.value, field, redact);
  const known = MNEMONICS[mnemonic];
  const detail: ErrorDetail = { method, serverMessage, params };
  if (field !== undefined) detail.field = field;
  if (value !== undefined) detail.value = String(value);
  if (mnemonic === 'limit_exceeded') detail.window = limitWindow(serverMessage, params);
  if (mnemonic === 'ip_not_whitelisted') {
    const ip = refusedIp(serverMessage, params);
    if (ip !== undefined) detail.ip = ip;
  }
  const action = known?.action ?? actionForCode(raw.code, field !== undefined);
  const message = known?.describe(detail) ?? unknownMessage(detail);
  const error: ApiError = {
    kind: 'api',
    code: `api.${mnemonic}`,
    method,
    mnemonic,
    rpcCode: raw.code,
    action,
    // A server fault on a write may have happened after some chats were stored.
    outcome: action === 'retry' && WRITE_METHODS.has(method) ? 'unknown' : 'not-processed',
    message,
    serverMessage,
    params,
  };
  if (field !== undefined) error.field = field;
  if (value !== undefined) error.value = value;
  const location = locateField(field);
  if (location !== undefined) error.location = location;
  if (detail.window !== undefined) error.window = detail.window;
  return error;
}

function unknownMessage(detail: ErrorDetail) {
  const at = detail.field === undefined ? '' : ` (${detail.field})`;
  return text(`CallGear refused the request${at}: ${detail.serverMessage}`, `CallGear отклонил запрос${at}: ${detail.serverMessage}`);
}
