import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { Accounts, KeytarStore } from '../credentials/index.ts';
import { userDataFolder } from '../credentials/user-data.ts';
import { EngineClient } from '../engine/client.ts';
import { accountsPort } from '../handlers/accounts-port.ts';
import { createHandlers } from '../handlers/index.ts';
import { logsFolder, openLog } from '../logs/index.ts';
import { diskPickerCache } from '../pickers/cache.ts';
import { recentProjects } from '../project/recent.ts';
import { TEMPLATES_FILE_NAME } from '../templates/model.ts';
import { startApp } from './start.ts';

// The composition root: real services for the window. Everything it wires is tested in Node.
const here = fileURLToPath(new URL('.', import.meta.url));
// The CLI finds the same accounts and journals, whatever name Electron would derive.
const userData = userDataFolder();
electron.app.setPath('userData', userData);
const log = openLog({ folder: logsFolder(userData) });
const accounts = new Accounts({ folder: userData, store: new KeytarStore(), onSecret: (secret) => log.hideSecret(secret) });
const engine = new EngineClient();
const recent = recentProjects({ folder: userData, now: Date.now, note: (event, detail) => log.warn(event, { detail }) });
electron.app.on('will-quit', () => {
  void engine.close();
  log.close();
});

startApp(electron, {
  preload: join(here, '../preload/index.cjs'),
  page: join(here, '../renderer/index.html'),
  handlers: (emit, dialogs) =>
    createHandlers({
      engine,
      dialogs,
      accounts: accountsPort(accounts, (entry) => log.client(entry)),
      emit,
      journalsDir: join(userData, 'imports'),
      templatesFile: join(userData, TEMPLATES_FILE_NAME),
      now: Date.now,
      recent,
      pickerCache: diskPickerCache(join(userData, 'pickers'), (event, fields) => log.warn(event, fields)),
    }),
  logsDir: logsFolder(userData),
  log: (level, event, detail) => log[level](event, detail === undefined ? {} : { detail }),
  documentationUrl: 'https://github.com/callgear/chat-importer#readme',
  recentProjects: () => recent.list().filter((project) => project.exists),
});
