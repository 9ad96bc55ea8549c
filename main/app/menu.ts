import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'open-spreadsheet' | 'open-project' | 'save-project' | 'export-report' | 'documentation' | 'logs-folder';

type Lang = 'en' | 'ru';

const LABELS: Record<Lang, Record<MenuCommand | 'file' | 'edit' | 'view' | 'help', string>> = {
  en: {
    file: '&File', edit: '&Edit', view: '&View', help: '&Help',
    'open-spreadsheet': 'Open spreadsheet…', 'open-project': 'Open project…', 'save-project': 'Save project', 'export-report': 'Export report…',
    documentation: 'Documentation', 'logs-folder': 'Open logs folder',
  },
  ru: {
    file: '&Файл', edit: '&Правка', view: '&Вид', help: '&Справка',
    'open-spreadsheet': 'Открыть таблицу…', 'open-project': 'Открыть проект…', 'save-project': 'Сохранить проект', 'export-report': 'Экспорт отчёта…',
    documentation: 'Документация', 'logs-folder': 'Открыть папку журналов',
  },
};

/** The application menu as data; `run` receives the command a click stands for. */
export function menuTemplate(lang: Lang, run: (command: MenuCommand) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const item = (command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label: t[command], click: () => run(command), ...(accelerator ? { accelerator } : {}) });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [item('open-spreadsheet', 'CmdOrCtrl+O'), item('open-project', 'CmdOrCtrl+Shift+O'), item('save-project', 'CmdOrCtrl+S'), { type: 'separator' }, item('export-report', 'CmdOrCtrl+E'), { type: 'separator' }, { role: isMac ? 'close' : 'quit' }],
    },
    { label: t.edit, role: 'editMenu' },
    { label: t.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: t.help, submenu: [item('documentation'), item('logs-folder')] },
  ];
}
