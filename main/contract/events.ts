import { z } from 'zod';
import { ProjectStatusSchema } from './projects.ts';
import { UndoEventSchema, UploadEventSchema } from './upload-events.ts';

/** Everything main tells the page without being asked, on one channel, as one union. */
export const AppEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('engine-progress'), stage: z.enum(['reading', 'parsing', 'profiling', 'validating', 'batching']), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('upload'), runId: z.string(), event: UploadEventSchema }),
  z.object({ type: z.literal('undo'), runId: z.string(), event: UndoEventSchema }),
  z.object({ type: z.literal('menu'), command: z.enum(['open-spreadsheet', 'open-project', 'save-project', 'save-project-as', 'export-report']) }),
  /** A file given to the app from outside: a second launch with a file, or the OS's "open with". */
  z.object({ type: z.literal('open-file'), path: z.string() }),
  z.object({ type: z.literal('project'), status: ProjectStatusSchema }),
]);

export type AppEvent = z.infer<typeof AppEventSchema>;

export const EVENT_CHANNEL = 'chat-importer:event';
