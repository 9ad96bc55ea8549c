import { setTimeout as sleep } from 'node:timers/promises';
import { control, CONTROL_PREFIX, type ControlTarget } from './control.ts';
import { dispatch, type DispatchContext } from './dispatch.ts';
import { errorReply, readEnvelope, resultReply, type Envelope } from './envelope.ts';
import type { FaultPlanner } from './faults.ts';
import type { HttpOutcome, RequestHandler } from './http-server.ts';
import { rpcError } from './rpc-errors.ts';

export interface PipelineParts {
  dispatch: Omit<DispatchContext, 'callerIp'>;
  faults: FaultPlanner;
  /** Undefined when the `sandbox.*` control methods are turned off. */
  controls?: ControlTarget;
}

const json = (body: string): HttpOutcome => ({ kind: 'reply', status: 200, contentType: 'application/json; charset=UTF-8', body });

/** A gateway's error page, not JSON: clients must treat it as a transport failure (§1). */
const gatewayPage = (status: number): HttpOutcome => ({
  kind: 'reply',
  status,
  contentType: 'text/html; charset=UTF-8',
  body: `<html><head><title>${status}</title></head><body><h1>${status} Server Error</h1></body></html>`,
});

function apiReply(envelope: Envelope, parts: PipelineParts, callerIp: string): string {
  const done = dispatch(envelope, { ...parts.dispatch, callerIp });
  return done.ok ? resultReply(envelope.id, done.value) : errorReply(envelope.id, done.error);
}

/**
 * One request from body to outcome. Faults are decided before processing; `reset_after` lets the
 * request run to the end (chats stored and persisted) and only then cuts the connection.
 */
export function pipeline(parts: PipelineParts): RequestHandler {
  return async (body, callerIp) => {
    const read = readEnvelope(body);
    if (read.ok && parts.controls && read.value.method.startsWith(CONTROL_PREFIX)) {
      const done = control(read.value, parts.controls);
      return json(done.ok ? resultReply(read.value.id, done.value) : errorReply(read.value.id, done.error));
    }
    const fault = parts.faults.decide(read.ok ? read.value.method : undefined);
    const latency = parts.faults.latencyMs();
    if (latency > 0) await sleep(latency);
    if (fault.kind === 'reset_before') return { kind: 'reset' };
    if (fault.kind === 'hang') return { kind: 'hang' };
    if (fault.kind === 'http_5xx') return gatewayPage(fault.status);
    const id = read.ok ? read.value.id : read.error.id;
    if (fault.kind === 'internal_error') return json(errorReply(id, rpcError('internal_error', 'Internal error')));
    const reply = read.ok ? apiReply(read.value, parts, callerIp) : errorReply(read.error.id, read.error.error);
    return fault.kind === 'reset_after' ? { kind: 'reset' } : json(reply);
  };
}
