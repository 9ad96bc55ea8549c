import { describe, expect, it } from 'vitest';
import { ok } from '../../main/common/text.ts';
import { CHANNEL_NAMES, channelOf } from '../../main/contract/channels.ts';
import { registerHandlers, type IpcSender } from '../../main/handlers/register.ts';
import type { Handlers } from '../../main/handlers/types.ts';

const OURS = 'file:///app/renderer/index.html';

function setup(handlers: Partial<Handlers> = {}) {
  const registered = new Map<string, (event: IpcSender, request: unknown) => Promise<unknown>>();
  const refusals: string[] = [];
  const calls: unknown[] = [];
  const table = new Proxy(handlers as Handlers, {
    get: (target, name: string) =>
      (target as Record<string, unknown>)[name] ??
      (async (request: unknown) => {
        calls.push(request);
        return ok(null);
      }),
  });
  registerHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, table, (sender) => sender.senderFrame?.url === OURS, (channel, why) => refusals.push(`${channel}: ${why}`));
  const call = (name: string, request: unknown, frame: IpcSender['senderFrame'] = { url: OURS, parent: null }) => registered.get(channelOf(name as never))!({ senderFrame: frame, sender: { id: 1 } }, request);
  return { registered, refusals, calls, call };
}

describe('IPC registration', () => {
  it('registers exactly the contract\'s calls, so any other channel has no handler', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(CHANNEL_NAMES.map(channelOf).sort());
  });

  it('parses every request with the contract before the handler sees it', async () => {
    const { call, calls } = setup();
    expect(await call('pageRows', { offset: -1, limit: 10 })).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request' } });
    expect(await call('pageRows', { offset: 0, limit: 10 })).toEqual({ ok: true, value: null });
    // Defaults from the contract are filled in before the handler runs.
    expect(calls).toEqual([{ offset: 0, limit: 10, onlyProblems: false }]);
  });

  it('refuses and logs messages from another page, a subframe or no frame', async () => {
    const { call, refusals, calls } = setup();
    expect(await call('listAccounts', {}, { url: 'https://evil.example/x', parent: null })).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(await call('listAccounts', {}, { url: OURS, parent: {} })).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(await call('listAccounts', {}, null)).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(calls).toEqual([]);
    expect(refusals).toEqual([
      'chat-importer:listAccounts: untrusted page https://evil.example',
      'chat-importer:listAccounts: a subframe',
      'chat-importer:listAccounts: no frame',
    ]);
  });

  it('turns a handler that throws into a problem for the person, never a crash', async () => {
    const { call } = setup({ listAccounts: async () => { throw new Error('boom'); } });
    expect(await call('listAccounts', {})).toMatchObject({ ok: false, error: { code: 'app.internal' } });
  });

  it('a secret never travels back: account replies have no field that could hold one', async () => {
    const { CHANNELS } = await import('../../main/contract/channels.ts');
    const account = CHANNELS.listAccounts.reply.shape.accounts.element.shape;
    expect(Object.keys(account).sort()).toEqual(['auth', 'brand', 'customer', 'endpoint', 'id', 'login', 'name', 'secret']);
    expect(account.secret.options).toEqual(['present', 'missing', 'rejected', 'unknown']);
  });
});
