import type { ElectronApi } from '../../main/app/start.ts';

type Listener = (...args: never[]) => unknown;

/** An in-memory Electron: records what the app asks of it, and lets the test fire events. */
export function fakeElectron(options: { locked?: boolean; userData: string; locale?: string }) {
  const appListeners = new Map<string, Listener>();
  const contentsListeners = new Map<string, Listener>();
  const handled = new Map<string, Listener>();
  const sent: { channel: string; payload: unknown }[] = [];
  const opened: { external: string[]; paths: string[] } = { external: [], paths: [] };
  const windows: FakeWindow[] = [];
  const menu: { template?: unknown[] } = {};
  const sessionHandlers: { permission?: Listener; check?: Listener; headers?: Listener } = {};
  let quit = false;
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;

  class FakeWindow {
    readonly listeners = new Map<string, Listener>();
    readonly webContents = {
      id: 7,
      send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
      once: (event: string, listener: Listener) => contentsListeners.set(event, listener),
    };
    loaded?: string;
    shown = false;
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    loadFile(path: string) {
      this.loaded = path;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focused = true;
    }
    isMinimized = () => false;
    restore() {}
    maximize() {}
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
  }

  const electron = {
    app: {
      requestSingleInstanceLock: () => options.locked !== true,
      quit: () => {
        quit = true;
      },
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => Promise.resolve(),
      getPath: () => options.userData,
      getLocale: () => options.locale ?? 'en-US',
    },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (template: unknown[]) => ((menu.template = template), template), setApplicationMenu: () => undefined },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: { handle: (channel: string, listener: Listener) => handled.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (sessionHandlers.permission = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionHandlers.check = handler),
        webRequest: { onHeadersReceived: (handler: Listener) => (sessionHandlers.headers = handler) },
      },
    },
    shell: {
      openExternal: async (url: string) => void opened.external.push(url),
      openPath: async (path: string) => (opened.paths.push(path), ''),
    },
  };

  /** A web contents as Electron hands it to 'web-contents-created'. */
  const contents = {
    handlers: new Map<string, Listener>(),
    on(event: string, listener: Listener) {
      this.handlers.set(event, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };

  return {
    electron: electron as unknown as ElectronApi,
    appListeners,
    contentsListeners,
    handled,
    sent,
    opened,
    windows,
    menu,
    sessionHandlers,
    contents,
    openWindow: (url: string) => openHandler?.({ url }),
    get quit() {
      return quit;
    },
  };
}
