import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import { reachable } from '../../main/callgear/reachable.ts';
import { startSandbox } from '../../main/sandbox/index.ts';

/** A port on this computer that nothing listens on: connections to it are refused. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('whether the API server can be reached before an upload', () => {
  it('counts any HTTP answer as reached, here the Data API refusing a HEAD, and costs no API call', async () => {
    const sandbox = await startSandbox({});
    try {
      const client = new CallGearClient({ endpoint: new URL(sandbox.url), credentials: { kind: 'key', accessKey: sandbox.demoKey } });
      expect(await client.reachable()).toEqual({ ok: true, value: undefined });
      expect(client.limits.latest()).toBeUndefined();
    } finally {
      await sandbox.close();
    }
  });

  it('names a refused connection, which proves nothing was sent', async () => {
    const port = await deadPort();
    const result = await reachable(new URL(`http://127.0.0.1:${port}/v2.0`), fetch);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'transport', code: 'transport.refused', outcome: 'not-processed' });
    expect(!result.ok && result.error.message.en).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('names an address that cannot be found', async () => {
    const failing: typeof fetch = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    const result = await reachable(new URL('https://dataapi.example.invalid/v2.0'), failing);
    expect(!result.ok && result.error.code).toBe('transport.dns');
  });

  it('gives up after its timeout rather than leaving the person waiting', async () => {
    const hanging: typeof fetch = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const result = await reachable(new URL('https://dataapi.callgear.com/v2.0'), hanging, 50);
    expect(!result.ok && result.error.code).toBe('transport.timeout');
  });
});
