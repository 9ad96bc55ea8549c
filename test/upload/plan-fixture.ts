import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_FILE } from '../../main/upload/plan-file.ts';
import type { PlannedChat } from '../../main/upload/plan.ts';

/** The plan an upload leaves in its journal's folder, in the engine's line format. */
export function writePlanFile(dir: string, chats: readonly PlannedChat[]): void {
  const lines = chats.map((chat) => `{"k":"${chat.key}","r":${JSON.stringify(chat.rows)},"c":${chat.json.toString('utf8')}}\n`);
  writeFileSync(join(dir, PLAN_FILE), lines.join(''));
}
