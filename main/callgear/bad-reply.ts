import { transportError } from './transport-error.ts';
import type { TransportError } from './errors.ts';

/** A reply that is JSON-RPC but not the shape the method promises: for a write, outcome unknown. */
export function badReply(method: string, host: string): TransportError {
  return transportError(method, host, 'bad-reply', true);
}
