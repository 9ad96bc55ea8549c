import { describe, expect, it } from 'vitest';
import { buildApi } from '../../main/app/bridge.ts';
import { CHANNEL_NAMES, channelOf } from '../../main/contract/channels.ts';
import { EVENT_CHANNEL, type AppEvent } from '../../main/contract/events.ts';

function fakeIpc() {
  const invoked: [string, unknown][] = [];
  const listeners = new Set<(event: unknown, payload: AppEvent) => void>();
  return {
    invoked,
    listeners,
    ipc: {
      invoke: async (channel: string, request: unknown) => (invoked.push([channel, request]), { ok: true, value: null }),
      on: (channel: string, listener: (event: unknown, payload: AppEvent) => void) => channel === EVENT_CHANNEL && listeners.add(listener),
      removeListener: (_channel: string, listener: (event: unknown, payload: AppEvent) => void) => listeners.delete(listener),
    },
  };
}

/** Electron's webUtils.getPathForFile: a path for a File from disk, a throw for anything else. */
const pathOf = (file: File) => {
  if (!(file instanceof File)) throw new TypeError('Invalid file');
  return file.name === 'chats.xlsx' ? '/home/anna/chats.xlsx' : '';
};

describe('the preload bridge', () => {
  it('has one function per contract call and nothing that takes a channel name', () => {
    const api = buildApi(fakeIpc().ipc, pathOf);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'onEvent', 'pathForFile'].sort());
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each function invokes its own channel with the request', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = buildApi(ipc, pathOf);
    await api.pageRows({ offset: 0, limit: 50 });
    await api.listAccounts({});
    expect(invoked).toEqual([
      [channelOf('pageRows'), { offset: 0, limit: 50 }],
      [channelOf('listAccounts'), {}],
    ]);
  });

  it('relays events to subscribers until they unsubscribe', () => {
    const { ipc, listeners } = fakeIpc();
    const api = buildApi(ipc, pathOf);
    const seen: AppEvent[] = [];
    const stop = api.onEvent((event) => seen.push(event));
    for (const listener of listeners) listener({}, { type: 'menu', command: 'open-spreadsheet' });
    stop();
    expect(listeners.size).toBe(0);
    expect(seen).toEqual([{ type: 'menu', command: 'open-spreadsheet' }]);
  });

  it('gives the path of a dropped file, and an empty one for anything that is not a file', () => {
    const api = buildApi(fakeIpc().ipc, pathOf);
    expect(api.pathForFile(new File(['x'], 'chats.xlsx'))).toBe('/home/anna/chats.xlsx');
    expect(api.pathForFile({ name: 'chats.xlsx' } as unknown as File)).toBe('');
  });
});
