import { z } from 'zod';

/** A project saved or opened lately, as the File step and the menu list it. */
export const RecentProjectSchema = z.object({
  path: z.string(),
  /** The project file's name. */
  name: z.string(),
  /** The spreadsheet's file name. */
  source: z.string(),
  /** When it was last saved or opened (ISO 8601). */
  usedAt: z.string(),
  /** Whether the project file is still there. */
  exists: z.boolean(),
});
export type RecentProjectView = z.infer<typeof RecentProjectSchema>;

/**
 * Where the import on screen is kept, told by main whenever it changes: `path` is the project
 * file (none until it is saved or opened), `unsaved` whether the import differs from that file.
 */
export const ProjectStatusSchema = z.object({ path: z.string().nullable(), unsaved: z.boolean() });
export type ProjectStatusView = z.infer<typeof ProjectStatusSchema>;

/** Project calls beyond saving and opening; spread into CHANNELS. */
export const PROJECT_CHANNELS = {
  listRecentProjects: { request: z.object({}), reply: z.object({ projects: z.array(RecentProjectSchema) }) },
  /**
   * The open dialog for a spreadsheet, without opening it: for a project whose spreadsheet moved,
   * the page then opens the project again with `sourcePath`. `null` when the person cancels.
   */
  chooseSpreadsheet: { request: z.object({}), reply: z.object({ path: z.string() }).nullable() },
} as const;
