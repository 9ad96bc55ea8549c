import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow as Window, IpcMainInvokeEvent } from 'electron';
import { fileKind, SPREADSHEET_EXTENSIONS } from '../common/file-kinds.ts';
import { EVENT_CHANNEL, type AppEvent } from '../contract/events.ts';
import type { Handlers } from '../handlers/index.ts';
import { registerHandlers } from '../handlers/register.ts';
import type { DialogsPort } from '../handlers/ports.ts';
import { menuTemplate, type MenuCommand, type RecentItem } from './menu.ts';
import { CONTENT_SECURITY_POLICY, isOwnPage, isSafeExternalUrl, secureWebPreferences } from './security.ts';
import { loadWindowState, saveWindowState } from './window-state.ts';

type ElectronModule = typeof import('electron');
export type ElectronApi = Pick<ElectronModule, 'app' | 'BrowserWindow' | 'Menu' | 'dialog' | 'ipcMain' | 'session' | 'shell'>;

export interface AppOptions {
  /** Built files: the preload script and the page. */
  preload: string;
  page: string;
  /** Builds the handler table once main knows its window (events go to it) and its dialogs. */
  handlers: (emit: (event: AppEvent) => void, dialogs: DialogsPort) => Handlers;
  logsDir: string;
  log: (level: 'info' | 'warn' | 'error', event: string, detail?: string) => void;
  documentationUrl: string;
  /** The recent projects whose file is still there, for File → Open recent. */
  recentProjects: () => RecentItem[];
}

const SPREADSHEETS = [...SPREADSHEET_EXTENSIONS];

/** A file named on the command line (second launch, or "open with" on Windows and Linux). */
export function fileArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && fileKind(arg) !== undefined);
}

/** Everything the app does with Electron: one window, locked down, wired to the handler table. */
export function startApp(electron: ElectronApi, options: AppOptions): void {
  const { app, BrowserWindow, Menu, dialog, ipcMain, session, shell } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: Window | undefined;
  let pending: string | undefined = fileArgument(process.argv);
  const pageUrl = pathToFileURL(options.page).href;
  const statePath = join(app.getPath('userData'), 'window.json');
  const send = (event: AppEvent) => window?.webContents.send(EVENT_CHANNEL, event);
  const openPath = (path: string) => (window ? send({ type: 'open-file', path }) : (pending = path));
  const menuLanguage = () => (app.getLocale().startsWith('ru') ? 'ru' : 'en');
  // The recent list changes when a project is saved or opened, which is when main tells its status.
  const showMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuLanguage(), run, process.platform === 'darwin', options.recentProjects(), openPath)));
  const emit = (event: AppEvent) => {
    if (event.type === 'project') showMenu();
    send(event);
  };

  app.on('second-instance', (_event, argv) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const file = fileArgument(argv);
    if (file) openPath(file);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openPath(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => navigation.preventDefault());
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.on('window-all-closed', () => app.quit());

  const dialogs: DialogsPort = {
    async openSpreadsheet() {
      const chosen = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Spreadsheets', extensions: SPREADSHEETS }] });
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    async openProject() {
      const chosen = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Chat Importer project', extensions: ['chatimport'] }] });
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    async openTemplate() {
      const chosen = await dialog.showOpenDialog({ properties: ['openFile'], filters: [{ name: 'Mapping template', extensions: ['json'] }] });
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    async saveFile(suggestedName, format) {
      const chosen = await dialog.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: format.toUpperCase(), extensions: [format] }] });
      return chosen.canceled ? undefined : chosen.filePath;
    },
  };
  const trusted = (sender: IpcMainInvokeEvent) => window !== undefined && sender.sender.id === window.webContents.id && isOwnPage(sender.senderFrame?.url ?? '', pageUrl);
  registerHandlers(ipcMain, options.handlers(emit, dialogs), (sender) => trusted(sender as IpcMainInvokeEvent), (channel, why) => options.log('warn', 'ipc.refused', `${channel}: ${why}`), (name, error) => options.log('error', 'handler.fault', `${name}: ${error instanceof Error ? error.message : String(error)}`));

  function run(command: MenuCommand) {
    if (command === 'documentation') void shell.openExternal(options.documentationUrl);
    else if (command === 'logs-folder') void shell.openPath(options.logsDir);
    else send({ type: 'menu', command });
  }

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, respond) =>
      respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    showMenu();
    const state = loadWindowState(statePath);
    window = new BrowserWindow({ ...state, show: false, title: 'Chat Importer', webPreferences: secureWebPreferences(options.preload) });
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window?.show());
    window.webContents.once('did-finish-load', () => {
      if (pending) send({ type: 'open-file', path: pending });
      pending = undefined;
    });
    window.on('close', () => {
      if (window) saveWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    });
    void window.loadFile(options.page);
  });
}
