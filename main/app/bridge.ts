import type { ChatImporterApi } from '../contract/api.ts';
import { CHANNEL_NAMES, channelOf } from '../contract/channels.ts';
import { EVENT_CHANNEL, type AppEvent } from '../contract/events.ts';

/** The part of ipcRenderer the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: AppEvent) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: AppEvent) => void): unknown;
}

/**
 * The API object the preload exposes, derived from the contract: one method per channel, so
 * adding a call to CHANNELS is the only step, and no channel string reaches the page.
 * `pathOf` is Electron's `webUtils.getPathForFile`, which throws for anything but a File.
 */
export function buildApi(ipc: RendererIpc, pathOf: (file: File) => string): ChatImporterApi {
  const calls = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (request: unknown) => ipc.invoke(channelOf(name), request ?? {})]));
  const onEvent = (listener: (event: AppEvent) => void) => {
    const relay = (_event: unknown, payload: AppEvent) => listener(payload);
    ipc.on(EVENT_CHANNEL, relay);
    return () => void ipc.removeListener(EVENT_CHANNEL, relay);
  };
  const pathForFile = (file: File) => {
    try {
      return pathOf(file);
    } catch {
      return '';
    }
  };
  return Object.freeze({ ...calls, onEvent, pathForFile }) as ChatImporterApi;
}
