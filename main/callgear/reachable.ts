import { fail, ok, type Result } from '../common/text.ts';
import type { TransportError } from './errors.ts';
import { reasonOf, transportError } from './transport-error.ts';

/** Long enough for a slow link, short enough that a person is not left wondering. */
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Whether the API's server can be reached at all: one HEAD request to the endpoint, which is no
 * API method, costs no points and changes nothing. Any HTTP answer, even an error page, counts as
 * reached; only a connection that never came about (offline, unknown host, refused, TLS) fails.
 */
export async function reachable(endpoint: URL, fetchImpl: typeof fetch, timeoutMs = PROBE_TIMEOUT_MS): Promise<Result<void, TransportError>> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(endpoint, { method: 'HEAD', signal: timeout, redirect: 'manual' });
    await response.body?.cancel();
    return ok(undefined);
  } catch (thrown) {
    return fail(transportError('reachability', endpoint.host, reasonOf(thrown, timeout.aborted, false), false));
  }
}
