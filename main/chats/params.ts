import { z } from 'zod';
import { INITIATORS, SOURCES, STATUSES } from '../mapping/fields.ts';

/** The documented shape of one `upload.chats` chat: only these fields, no nulls, ids as numbers. */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const id = z.number().int().positive();

export const UploadMessageSchema = z.strictObject({
  date_time: dateTime,
  source: z.enum(SOURCES),
  employee_id: id.optional(),
  message: z.string().min(1),
});

export const UploadChatSchema = z.strictObject({
  start_date_time: dateTime,
  name: z.string().min(1).optional(),
  phone: z.string().regex(/^\d{7,15}$/).optional(),
  email: z.string().min(3).optional(),
  status: z.enum(STATUSES),
  initiator: z.enum(INITIATORS).optional(),
  visitor_session_id: id.optional(),
  campaign_id: id.optional(),
  site_id: id.optional(),
  messages: z.array(UploadMessageSchema).min(1),
});

export type UploadMessage = z.infer<typeof UploadMessageSchema>;
export type UploadChat = z.infer<typeof UploadChatSchema>;

export const MAX_CHATS_PER_BATCH = 500;
/** upload.calls caps a request at 512 KB; assumed for chats too (callgear-data-api.md §7.11). */
export const MAX_BATCH_BYTES = 512 * 1024;
