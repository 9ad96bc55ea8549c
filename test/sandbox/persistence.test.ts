import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxError } from '../../main/sandbox/index.ts';
import { call, outcome, start, validChat } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox: state persistence', () => {
  it('a restarted sandbox on the same state file sees the same chats, and ids keep increasing', async () => {
    const statePath = join(dir, 'restart.json');
    const first = await start({ statePath });
    await call(first.sandbox.url, 'upload.chats', { access_token: first.sandbox.demoKey, chats: [validChat(0), validChat(1), validChat(2)] });
    await call(first.sandbox.url, 'delete.chats', { access_token: first.sandbox.demoKey, id: 100002 });
    const before = first.sandbox.store.list();
    await first.sandbox.close();

    const second = await start({ statePath });
    expect(second.sandbox.store.list()).toEqual(before);
    const reply = await call(second.sandbox.url, 'upload.chats', { access_token: second.sandbox.demoKey, chats: [validChat(3)] });
    expect(reply.result?.data).toEqual([{ id: 100004 }]);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ version: 1, next_id: 100005, chats: [{ id: 100001 }, { id: 100003 }, { id: 100004 }] });
  });

  it('writes the state before the reply, so a reset after storing is on disk too', async () => {
    const statePath = join(dir, 'reset.json');
    const { sandbox } = await start({ statePath, faults: { rules: [{ kind: 'reset_after', times: 1 }] } });
    await expect(
      fetch(sandbox.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'upload.chats', params: { access_token: sandbox.demoKey, chats: [validChat(0)] } }) }),
    ).rejects.toThrow();
    expect(JSON.parse(readFileSync(statePath, 'utf8')).chats).toHaveLength(1);
  });

  it('refuses a state file it cannot read, naming it', async () => {
    const statePath = join(dir, 'broken.json');
    writeFileSync(statePath, '{"version": 1, "next_id": "soon"');
    await expect(start({ statePath })).rejects.toThrow(SandboxError);
    writeFileSync(statePath, JSON.stringify({ version: 1, next_id: 5, chats: [{ id: 1 }] }));
    const error = await start({ statePath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).problem).toMatchObject({ code: 'sandbox.state_invalid', file: statePath });
  });

  it('refuses a state path it cannot write', async () => {
    const error = await start({ statePath: join(dir, 'no-such-dir', 'state.json') }).catch((e: unknown) => e);
    expect((error as SandboxError).problem.code).toBe('sandbox.state_unwritable');
  });

  it('reports a port in use', async () => {
    const { sandbox } = await start();
    const error = await start({ port: sandbox.port }).catch((e: unknown) => e);
    expect((error as SandboxError).problem.code).toBe('sandbox.listen_failed');
    expect(outcome(await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey }))).toBe('ok');
  });
});
