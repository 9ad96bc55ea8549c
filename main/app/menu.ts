import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'open-spreadsheet' | 'open-project' | 'save-project' | 'save-project-as' | 'export-report' | 'documentation' | 'logs-folder';

type Lang = 'en' | 'ru';

const LABELS: Record<Lang, Record<MenuCommand | 'file' | 'edit' | 'view' | 'help' | 'recent' | 'no-recent', string>> = {
  en: {
    file: '&File', edit: '&Edit', view: '&View', help: '&Help',
    'open-spreadsheet': 'Open spreadsheet…', 'open-project': 'Open project…', 'save-project': 'Save project', 'save-project-as': 'Save project as…', 'export-report': 'Export report…',
    recent: 'Open recent', 'no-recent': 'No recent projects',
    documentation: 'Documentation', 'logs-folder': 'Open logs folder',
  },
  ru: {
    file: '&Файл', edit: '&Правка', view: '&Вид', help: '&Справка',
    'open-spreadsheet': 'Открыть таблицу…', 'open-project': 'Открыть проект…', 'save-project': 'Сохранить проект', 'save-project-as': 'Сохранить проект как…', 'export-report': 'Экспорт отчёта…',
    recent: 'Недавние проекты', 'no-recent': 'Недавних проектов нет',
    documentation: 'Документация', 'logs-folder': 'Открыть папку журналов',
  },
};

/** A project in File → Open recent: its file name, and its path to open. */
export interface RecentItem {
  name: string;
  path: string;
}

/** Projects whose file is gone are left out: the File step lists them with the reason. */
function recentMenu(t: Record<string, string>, recent: readonly RecentItem[], open: (path: string) => void): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: t['no-recent'], enabled: false }];
  return recent.map((project) => ({ label: project.name, toolTip: project.path, click: () => open(project.path) }));
}

/** The application menu as data; `run` receives the command a click stands for, `open` a recent project's path. */
export function menuTemplate(lang: Lang, run: (command: MenuCommand) => void, isMac: boolean, recent: readonly RecentItem[], open: (path: string) => void): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const item = (command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({ label: t[command], click: () => run(command), ...(accelerator ? { accelerator } : {}) });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        item('open-spreadsheet', 'CmdOrCtrl+O'),
        item('open-project', 'CmdOrCtrl+Shift+O'),
        { label: t.recent, submenu: recentMenu(t, recent, open) },
        { type: 'separator' },
        item('save-project', 'CmdOrCtrl+S'),
        item('save-project-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('export-report', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { role: isMac ? 'close' : 'quit' },
      ],
    },
    { label: t.edit, role: 'editMenu' },
    { label: t.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: t.help, submenu: [item('documentation'), item('logs-folder')] },
  ];
}
