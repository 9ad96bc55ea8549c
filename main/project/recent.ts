import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { checkJson, errorCode, readJson } from '../files/json-file.ts';
import type { RecentProjectView } from '../contract/projects.ts';

export const RECENT_FILE_NAME = 'recent-projects.json';
/** Enough to find last week's imports again, few enough to read at a glance in a menu. */
export const RECENT_LIMIT = 10;

const RecentEntrySchema = z.object({
  path: z.string().min(1),
  /** The spreadsheet's file name when the project was last saved or opened. */
  source: z.string(),
  usedAt: z.iso.datetime(),
});
const RecentFileSchema = z.object({ version: z.literal(1), projects: z.array(RecentEntrySchema) });
type RecentEntry = z.infer<typeof RecentEntrySchema>;

export interface RecentProjectsOptions {
  /** The user-data folder. */
  folder: string;
  now(): number;
  /**
   * A short note for the log when the list cannot be read or written. The list is a convenience:
   * a broken one is started afresh instead of stopping the app. Codes only, never paths.
   */
  note(event: string, detail: string): void;
}

/** The projects saved or opened lately, newest first, kept in the user-data folder. */
export interface RecentProjects {
  list(): RecentProjectView[];
  remember(path: string, sourcePath: string): void;
}

export function recentProjects({ folder, now, note }: RecentProjectsOptions): RecentProjects {
  const file = join(folder, RECENT_FILE_NAME);

  function read(): RecentEntry[] {
    const read = readJson(file);
    if (read.kind === 'missing') return [];
    if (read.kind === 'unreadable') {
      note('recent.unreadable', errorCode(read.error) ?? 'unknown');
      return [];
    }
    if (read.kind === 'not_json') {
      note('recent.ignored', 'not JSON');
      return [];
    }
    const checked = checkJson(RecentFileSchema, read.json);
    if (!checked.ok) {
      note('recent.ignored', checked.misfit.where);
      return [];
    }
    return checked.value.projects.slice(0, RECENT_LIMIT);
  }

  return {
    list: () => read().map((entry) => ({ ...entry, name: basename(entry.path), exists: existsSync(entry.path) })),
    remember(path, sourcePath) {
      const entry: RecentEntry = { path, source: basename(sourcePath), usedAt: new Date(now()).toISOString() };
      const projects = [entry, ...read().filter((old) => old.path !== path)].slice(0, RECENT_LIMIT);
      try {
        writeFileAtomic(file, `${JSON.stringify({ version: 1, projects }, null, 2)}\n`, 0o600);
      } catch (error) {
        note('recent.unwritable', errorCode(error) ?? 'unknown');
      }
    },
  };
}
