import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_FOLDER = 'chat-importer';

/**
 * The folder the app and the CLI share for accounts, journals and logs: where Electron puts
 * `userData` for this app on each OS. `CHAT_IMPORTER_USER_DATA` moves it (tests, portable use).
 */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.CHAT_IMPORTER_USER_DATA) return env.CHAT_IMPORTER_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}
