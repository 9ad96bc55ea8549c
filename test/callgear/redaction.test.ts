import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import type { LogEntry } from '../../main/callgear/rpc.ts';
import { apiErrorAnswer, ENDPOINT, fakeApi, type Answer } from './fake-api.ts';

const PASSWORD = 'Pa55-word-of-the-admin';
const SESSION = 'sess-9b1e44d0c3';
const KEY = 'perm-key-77aa55bb';

/** Replies that echo the secrets back, the worst a server could do. */
function echoingServer(): (request: { method: string; params: Record<string, unknown> }) => Answer {
  let step = 0;
  return (request) => {
    if (request.method === 'login.user') return { result: { access_token: SESSION, expire_at: 4_000_000_000 } };
    step += 1;
    const token = String(request.params.access_token);
    switch (step % 6) {
      case 1:
        return apiErrorAnswer(-32602, 'invalid_parameter_value', `Invalid value ${token}`, { field: 'access_token', value: token });
      case 2:
        return apiErrorAnswer(-32001, 'auth_error', `Wrong password ${PASSWORD}`, { field: 'password', value: PASSWORD });
      case 3:
        return apiErrorAnswer(-32003, 'ip_not_whitelisted', `Your IP 198.51.100.4 is not whitelisted (${token})`, { params: { token } });
      case 4:
        return { status: 500, text: `stack trace with ${token}` };
      case 5:
        return apiErrorAnswer(-32602, 'some_new_error', `Unknown thing with ${token}`, { value: { nested: token } });
      default:
        return { throw: 'ECONNRESET' };
    }
  };
}

describe('tokens and passwords never appear in what the client logs or returns', () => {
  it.each([
    ['login and password', { kind: 'login' as const, login: 'admin@example.test', password: PASSWORD }, [PASSWORD, SESSION]],
    ['access key', { kind: 'key' as const, accessKey: KEY }, [KEY]],
  ])('%s', async (_name, credentials, secrets) => {
    const logs: LogEntry[] = [];
    const api = fakeApi(echoingServer());
    const client = new CallGearClient({ endpoint: ENDPOINT, credentials, fetch: api.fetch, log: (entry) => logs.push(entry) });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(await client.getSites(), await client.uploadChats([], 0), await client.deleteChat(1));
    const everything = [JSON.stringify(logs), JSON.stringify(outcomes), inspect(outcomes, { depth: null, showHidden: true })].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // The server did get the secrets, so the scan above is not vacuous.
    expect(api.seen.some((r) => r.body.includes(secrets[0]!))).toBe(true);
    expect(everything).toContain('[hidden]');
    expect(everything).toContain('198.51.100.4');
  });
});
