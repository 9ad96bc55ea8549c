import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.ts';
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
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      if (code !== 'ENOENT') note('recent.unreadable', code);
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      note('recent.ignored', 'not JSON');
      return [];
    }
    const parsed = RecentFileSchema.safeParse(json);
    if (!parsed.success) {
      note('recent.ignored', parsed.error.issues[0]?.path.join('.') || 'file');
      return [];
    }
    return parsed.data.projects.slice(0, RECENT_LIMIT);
  }

  return {
    list: () => read().map((entry) => ({ ...entry, name: basename(entry.path), exists: existsSync(entry.path) })),
    remember(path, sourcePath) {
      const entry: RecentEntry = { path, source: basename(sourcePath), usedAt: new Date(now()).toISOString() };
      const projects = [entry, ...read().filter((old) => old.path !== path)].slice(0, RECENT_LIMIT);
      try {
        writeFileAtomic(file, `${JSON.stringify({ version: 1, projects }, null, 2)}\n`, 0o600);
      } catch (error) {
        note('recent.unwritable', (error as NodeJS.ErrnoException).code ?? 'unknown');
      }
    },
  };
}
