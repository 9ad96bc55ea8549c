import { z } from 'zod';
import { TextSchema } from './common.ts';

/**
 * The upload's event stream (main → renderer). Defined here, in the process-neutral contract,
 * so the runner's types and the renderer's types are the same declaration.
 */
export const ProgressSchema = z.object({
  total: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  unknown: z.number(),
  pending: z.number(),
  /** Chats skipped: declared uploaded by the person, or changed after they were uploaded. */
  skipped: z.number(),
  requests: z.number(),
  /** Chats accepted per second in this run. */
  rate: z.number(),
  /** Seconds left at the current rate; undefined until there is a rate. */
  etaSeconds: z.number().optional(),
});

export const RecordedErrorSchema = z.object({
  code: z.string(),
  message: TextSchema,
  field: z.string().optional(),
  action: z.string().optional(),
});

export const SummarySchema = z.object({
  accepted: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  unknown: z.number(),
  pending: z.number(),
  /** Wall time of this run. */
  tookMs: z.number(),
  requests: z.number(),
  /** API points this run used, from the limits' day counter when the replies carried it. */
  points: z.number().optional(),
});

export const WaitReasonSchema = z.enum(['minute-limit', 'day-limit', 'retry', 'reconcile']);

/** Chats whose outcome is in doubt and that only the person can settle. */
export const DoubtfulChatSchema = z.object({ key: z.string(), rows: z.array(z.number()) });

const p = { progress: ProgressSchema };

export const UploadEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), ...p, resumed: z.boolean() }),
  z.object({ type: z.literal('batch-sent'), ...p, batch: z.number(), chats: z.number() }),
  z.object({ type: z.literal('batch-accepted'), ...p, batch: z.number(), chats: z.number() }),
  z.object({ type: z.literal('chat-rejected'), ...p, batch: z.number(), rows: z.array(z.number()), error: RecordedErrorSchema }),
  z.object({ type: z.literal('waiting'), ...p, reason: WaitReasonSchema, until: z.number(), message: TextSchema }),
  z.object({ type: z.literal('outcome-unknown'), ...p, batch: z.number(), chats: z.number(), error: RecordedErrorSchema }),
  z.object({ type: z.literal('reconciled'), ...p, found: z.number(), missing: z.number() }),
  z.object({ type: z.literal('paused'), ...p }),
  z.object({ type: z.literal('resumed'), ...p }),
  z.object({ type: z.literal('needs-decision'), ...p, chats: z.array(DoubtfulChatSchema), error: RecordedErrorSchema }),
  z.object({ type: z.literal('stopped'), ...p, error: RecordedErrorSchema }),
  z.object({ type: z.literal('finished'), ...p, summary: SummarySchema }),
  z.object({ type: z.literal('cancelled'), ...p, summary: SummarySchema }),
]);

export const UndoCountsSchema = z.object({ total: z.number(), deleted: z.number(), failed: z.number() });
const c = { counts: UndoCountsSchema };

export const UndoEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('undo-started'), ...c }),
  z.object({ type: z.literal('chat-deleted'), ...c, id: z.number() }),
  z.object({ type: z.literal('chat-not-deleted'), ...c, id: z.number(), error: RecordedErrorSchema }),
  z.object({ type: z.literal('undo-waiting'), ...c, reason: z.enum(['minute-limit', 'day-limit', 'retry']), until: z.number() }),
  z.object({ type: z.literal('undo-finished'), ...c }),
  z.object({ type: z.literal('undo-stopped'), ...c, error: RecordedErrorSchema }),
]);

export type Progress = z.infer<typeof ProgressSchema>;
export type RecordedError = z.infer<typeof RecordedErrorSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type WaitReason = z.infer<typeof WaitReasonSchema>;
export type DoubtfulChat = z.infer<typeof DoubtfulChatSchema>;
export type UploadEvent = z.infer<typeof UploadEventSchema>;
export type UndoCounts = z.infer<typeof UndoCountsSchema>;
export type UndoEvent = z.infer<typeof UndoEventSchema>;
