import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli.ts';
import { validChat } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/chat-importer.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  firstLine: string;
  exited: Promise<number | null>;
}

/** Starts `chat-importer sandbox …` as a real process and waits for its first line of output. */
async function spawnSandbox(...args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'sandbox', ...args], { stdio: 'pipe', env: { ...process.env, LANG: 'C' } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', () => reject(new Error('the sandbox exited before printing')));
  });
  return { child, firstLine, exited };
}

async function rpc(url: string, method: string, params: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return (await res.json()) as { result?: { data: unknown; metadata?: { total_items?: number } }; error?: unknown };
}

describe('chat-importer sandbox', () => {
  it('prints one JSON line with the URL and keys, serves the API, and stops cleanly on SIGTERM', async () => {
    const statePath = join(dir, 'state.json');
    const first = await spawnSandbox('--json', '--state', statePath);
    const info = JSON.parse(first.firstLine) as { url: string; demoKey: string; agentKey: string; login: string; password: string; statePath: string };
    expect(info).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v2\.0$/), demoKey: expect.any(String), agentKey: expect.any(String), login: 'demo', statePath });
    const account = await rpc(info.url, 'get.account', { access_token: info.demoKey });
    expect(account.result?.data).toEqual([expect.objectContaining({ timezone: 'Europe/Moscow' })]);
    expect(await rpc(info.url, 'upload.chats', { access_token: info.demoKey, chats: [validChat(1)] })).toMatchObject({ result: { data: [{ id: 100001 }] } });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await spawnSandbox('--json', '--state', statePath);
    const again = JSON.parse(second.firstLine) as { url: string };
    const listed = await rpc(again.url, 'sandbox.list_chats', {});
    expect(listed.result?.metadata?.total_items).toBe(1);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('prints the URL first for people, on a chosen port, with faults from the flags', async () => {
    const probe = await spawnSandbox('--json');
    const port = Number(new URL((JSON.parse(probe.firstLine) as { url: string }).url).port);
    probe.child.kill('SIGTERM');
    await probe.exited;
    const faults = JSON.stringify({ rules: [{ kind: 'http_5xx', method: 'get.sites', times: 1 }] });
    const human = await spawnSandbox('--port', String(port), '--faults', faults, '--minute-limit', '50');
    expect(human.firstLine).toBe(`Sandbox Data API: http://127.0.0.1:${port}/v2.0`);
    const url = `http://127.0.0.1:${port}/v2.0`;
    expect((await fetch(url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'get.sites', params: { access_token: 'demo-customer-access-key' } }) })).status).toBe(503);
    const sites = await rpc(url, 'get.sites', { access_token: 'demo-customer-access-key' });
    expect(sites.result?.metadata).toMatchObject({ limits: { minute_limit: 50 } });
    human.child.kill('SIGINT');
    expect(await human.exited).toBe(0);
  });

  it('exits 2 on bad flags, before starting anything', async () => {
    const run = async (...args: string[]) => {
      const err: string[] = [];
      const code = await main(['sandbox', ...args], () => undefined, (l) => err.push(l));
      return { code, err: err.join('\n') };
    };
    expect((await run('--port', 'eighty')).code).toBe(2);
    expect((await run('--port', '70000')).err).toContain('--port');
    expect((await run('--faults', '{"rules": [{"kind": "meteor"}]}')).err).toContain('--faults');
    expect((await run('--faults', 'not json')).code).toBe(2);
    expect((await run('--account-tz', 'Mars/Olympus')).err).toContain('Mars/Olympus');
    const unwritable = await run('--state', join(dir, 'missing', 'state.json'));
    expect(unwritable).toMatchObject({ code: 2, err: expect.stringContaining('sandbox.state_unwritable') });
    expect((await run('extra-argument')).code).toBe(2);
  });
});
