import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../main/common/text.ts';
import { CHANNEL_NAMES, channelOf } from '../../main/contract/channels.ts';
import { EVENT_CHANNEL, type AppEvent } from '../../main/contract/events.ts';
import { fileArgument, startApp } from '../../main/app/start.ts';
import type { Handlers } from '../../main/handlers/index.ts';
import { fakeElectron } from './fake-electron.ts';

const PAGE = '/app/out/renderer/index.html';

async function started(options: { locked?: boolean; locale?: string } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'userdata-'));
  const fake = fakeElectron({ userData, ...options });
  const logs: string[] = [];
  const handlers = new Proxy({} as Handlers, { get: () => async () => ok('handled') });
  startApp(fake.electron, {
    preload: '/app/out/preload/index.js',
    page: PAGE,
    handlers: () => handlers,
    logsDir: join(userData, 'logs'),
    log: (level, event, detail) => logs.push(`${level} ${event} ${detail ?? ''}`),
    documentationUrl: 'https://github.com/example/chat-importer#readme',
    recentProjects: () => [{ name: 'March.chatimport', path: '/home/anna/March.chatimport' }],
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { ...fake, logs, userData };
}

const ipcEvent = (url: string, senderId = 7, parent: unknown = null) => ({ sender: { id: senderId }, senderFrame: { url, parent } });

describe('the app window is locked down', () => {
  it('opens one window with every security setting spelled out', async () => {
    const { windows } = await started();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    });
    expect(windows[0]!.loaded).toBe(PAGE);
  });

  it('denies navigation, webviews, new windows and every permission; https links go to the OS browser', async () => {
    const { appListeners, contents, openWindow, opened, sessionHandlers } = await started();
    appListeners.get('web-contents-created')!({} as never, contents as never);
    let prevented = 0;
    contents.handlers.get('will-navigate')!({ preventDefault: () => prevented++ } as never);
    contents.handlers.get('will-attach-webview')!({ preventDefault: () => prevented++ } as never);
    expect(prevented).toBe(2);
    expect(openWindow('https://callgear.com/docs')).toEqual({ action: 'deny' });
    expect(openWindow('http://insecure.example')).toEqual({ action: 'deny' });
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened.external).toEqual(['https://callgear.com/docs']);
    const answers: boolean[] = [];
    sessionHandlers.permission!({} as never, 'media' as never, ((granted: boolean) => answers.push(granted)) as never);
    expect(answers).toEqual([false]);
    expect(sessionHandlers.check!()).toBe(false);
  });

  it('serves a strict Content-Security-Policy with every response', async () => {
    const { sessionHandlers } = await started();
    let headers: Record<string, string[]> = {};
    sessionHandlers.headers!({ responseHeaders: {} } as never, ((reply: { responseHeaders: Record<string, string[]> }) => (headers = reply.responseHeaders)) as never);
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('registers every contract call and answers only our own window\'s top frame', async () => {
    const { handled, logs } = await started();
    expect([...handled.keys()].sort()).toEqual(CHANNEL_NAMES.map(channelOf).sort());
    const listAccounts = handled.get(channelOf('listAccounts'))!;
    expect(await listAccounts(ipcEvent(`file://${PAGE}`) as never, {} as never)).toEqual({ ok: true, value: 'handled' });
    expect(await listAccounts(ipcEvent('https://evil.example/') as never, {} as never)).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(await listAccounts(ipcEvent(`file://${PAGE}`, 99) as never, {} as never)).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(await listAccounts(ipcEvent(`file://${PAGE}`, 7, {}) as never, {} as never)).toMatchObject({ ok: false, error: { code: 'ipc.refused' } });
    expect(logs.filter((l) => l.startsWith('warn ipc.refused'))).toHaveLength(3);
  });
});

describe('one instance, files from outside, menus and window state', () => {
  it('a second launch quits at once', async () => {
    const { windows, quit } = await started({ locked: true });
    expect(quit).toBe(true);
    expect(windows).toHaveLength(0);
  });

  it('a second launch with a file focuses the first window and opens the file there', async () => {
    const { appListeners, windows, sent } = await started();
    appListeners.get('second-instance')!({} as never, ['/usr/bin/chat-importer', '--flag', '/home/anna/chats.xlsx'] as never);
    expect(windows[0]!.focused).toBe(true);
    expect(sent).toEqual([{ channel: EVENT_CHANNEL, payload: { type: 'open-file', path: '/home/anna/chats.xlsx' } }]);
  });

  it('recognises spreadsheet and project files among the arguments', () => {
    expect(fileArgument(['app', '--inspect', 'C:\\data\\Чаты.XLSX'])).toBe('C:\\data\\Чаты.XLSX');
    expect(fileArgument(['app', 'import.chatimport'])).toBe('import.chatimport');
    expect(fileArgument(['app', 'notes.docx'])).toBeUndefined();
  });

  it('the menu speaks the OS language, sends file commands to the page and opens the logs folder', async () => {
    const { menu, sent, opened, userData } = await started({ locale: 'ru-RU' });
    const file = (menu.template as { label: string; submenu: { label?: string; click?: () => void }[] }[]).find((m) => m.label === '&Файл')!;
    expect(file.submenu.map((i) => i.label).filter(Boolean)).toEqual(['Открыть таблицу…', 'Открыть проект…', 'Недавние проекты', 'Сохранить проект', 'Сохранить проект как…', 'Экспорт отчёта…']);
    file.submenu[0]!.click!();
    expect(sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, payload: { type: 'menu', command: 'open-spreadsheet' } });
    const help = (menu.template as { label: string; submenu: { label?: string; click?: () => void }[] }[]).find((m) => m.label === '&Справка')!;
    help.submenu.find((i) => i.label === 'Открыть папку журналов')!.click!();
    expect(opened.paths).toEqual([join(userData, 'logs')]);
  });

  it('File → Open recent opens a recent project in the page, and the list follows saves and opens', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'userdata-'));
    const fake = fakeElectron({ userData });
    let recent = [{ name: 'March.chatimport', path: '/home/anna/March.chatimport' }];
    let emit: (event: AppEvent) => void = () => undefined;
    startApp(fake.electron, {
      preload: 'p', page: PAGE, logsDir: 'l', log: () => undefined, documentationUrl: 'https://x.example', recentProjects: () => recent,
      handlers: (send) => ((emit = send), new Proxy({} as Handlers, { get: () => async () => ok(null) })),
    });
    await new Promise((resolve) => setImmediate(resolve));
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const openRecent = () => (fake.menu.template as Item[]).find((m) => m.label === '&File')!.submenu!.find((i) => i.label === 'Open recent')!.submenu!;
    expect(openRecent().map((i) => i.label)).toEqual(['March.chatimport']);
    openRecent()[0]!.click!();
    expect(fake.sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, payload: { type: 'open-file', path: '/home/anna/March.chatimport' } });
    recent = [{ name: 'April.chatimport', path: '/home/anna/April.chatimport' }, ...recent];
    emit({ type: 'project', status: { path: '/home/anna/April.chatimport', unsaved: false } });
    expect(openRecent().map((i) => i.label)).toEqual(['April.chatimport', 'March.chatimport']);
    expect(fake.sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, payload: { type: 'project', status: { path: '/home/anna/April.chatimport', unsaved: false } } });
  });

  it('remembers where the window was', async () => {
    const first = await started();
    first.windows[0]!.listeners.get('close')!();
    const userData = first.userData;
    const again = fakeElectron({ userData });
    startApp(again.electron, {
      preload: 'p', page: PAGE, handlers: () => new Proxy({} as Handlers, { get: () => async () => ok(null) }), logsDir: 'l', log: () => undefined, documentationUrl: 'https://x.example', recentProjects: () => [],
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(again.windows[0]!.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });
});
