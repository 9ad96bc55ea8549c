/**
 * The error vocabulary of the Data API (callgear-data-api.md §4): a mnemonic is the stable id,
 * the code its group. Written independently of main/callgear/ so each can catch the other's slips.
 */
export const RPC_CODES = {
  parse_error: -32700,
  invalid_request: -32600,
  method_not_found: -32601,
  required_parameter_missed: -32602,
  invalid_parameter_value: -32602,
  data_type_error: -32602,
  unexpected_parameters: -32602,
  invalid_parameters_combination: -32602,
  sort_prohibited: -32602,
  filter_prohibited: -32602,
  date_interval_limit_reached: -32602,
  auth_error: -32001,
  access_token_invalid: -32001,
  ip_not_whitelisted: -32003,
  forbidden: -32003,
  // The error list says -32008, but a real reply carried -32602 (§2.5): mimic what clients meet.
  method_component_disabled: -32602,
  account_inactive: -32009,
  limit_exceeded: -32029,
  batch_opreations_not_supported: -32099,
  notifications_not_supported: -32099,
  internal_error: -32603,
} as const;

export type Mnemonic = keyof typeof RPC_CODES;

export interface RpcError {
  code: number;
  message: string;
  data: {
    mnemonic: Mnemonic;
    field?: string;
    value?: unknown;
    params: Record<string, unknown>;
    extended_helper: null;
  };
}

export interface ErrorDetails {
  field?: string;
  /** The value as sent; left out when the parameter was missing. */
  value?: unknown;
  params?: Record<string, unknown>;
}

/** Parameters whose values never go back into a reply, even a rejected one. */
const SECRET_FIELDS = new Set(['access_token', 'password', 'login']);

export function rpcError(mnemonic: Mnemonic, message: string, details: ErrorDetails = {}): RpcError {
  const data: RpcError['data'] = { mnemonic, params: details.params ?? {}, extended_helper: null };
  if (details.field !== undefined) data.field = details.field;
  if (details.value !== undefined && !SECRET_FIELDS.has(details.field ?? '')) data.value = details.value;
  return { code: RPC_CODES[mnemonic], message, data };
}

export const missing = (field: string, params?: Record<string, unknown>): RpcError =>
  rpcError('required_parameter_missed', `Required parameter ${field} is missed`, { field, params });

export const wrongType = (field: string, value: unknown, expected: string): RpcError =>
  rpcError('data_type_error', `Data supplied is of wrong type: ${field} must be ${expected}`, { field, value, params: { expected } });

export const badValue = (field: string, value: unknown, why: string): RpcError =>
  rpcError('invalid_parameter_value', `Invalid value of parameter ${field}: ${why}`, { field, value });

export const unexpected = (field: string, value?: unknown): RpcError =>
  rpcError('unexpected_parameters', `Unexpected parameter ${field}`, { field, value });

export const combination = (field: string, value: unknown, why: string): RpcError =>
  rpcError('invalid_parameters_combination', `Invalid combination of parameters at ${field}: ${why}`, { field, value });
