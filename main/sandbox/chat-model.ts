import { z } from 'zod';

/** The enums of `upload.chats` (callgear-data-api.md §5.1). */
export const CHAT_STATUSES = ['lost', 'succeed', 'refused'] as const;
export const INITIATORS = ['operator', 'visitor', 'autoinvite'] as const;
export const SOURCES = ['operator', 'visitor', 'system'] as const;

const MessageSchema = z.strictObject({
  date_time: z.string(),
  source: z.enum(SOURCES),
  employee_id: z.number().int().optional(),
  message: z.string(),
});

/** One chat exactly as a client uploaded it, after validation. */
export const UploadedChatSchema = z.strictObject({
  start_date_time: z.string(),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  status: z.enum(CHAT_STATUSES),
  initiator: z.enum(INITIATORS).optional(),
  visitor_session_id: z.number().int().optional(),
  campaign_id: z.number().int().optional(),
  site_id: z.number().int().optional(),
  messages: z.array(MessageSchema),
});

export const StoredChatSchema = z.strictObject({
  id: z.number().int().positive(),
  /** Account-local wall time of the upload. */
  uploaded_at: z.string(),
  chat: UploadedChatSchema,
});

export type UploadedMessage = z.infer<typeof MessageSchema>;
export type UploadedChat = z.infer<typeof UploadedChatSchema>;
export type StoredChat = z.infer<typeof StoredChatSchema>;

/** The initiator the API derives when a chat omits it: from the first message's source (§5.1). */
export function initiatorOf(chat: UploadedChat): (typeof INITIATORS)[number] {
  if (chat.initiator) return chat.initiator;
  const first = chat.messages[0]?.source;
  return first === 'operator' ? 'operator' : first === 'system' ? 'autoinvite' : 'visitor';
}

/** The chat belongs to the last employee who wrote in it (§5.1). */
export function employeeOf(chat: UploadedChat): number | undefined {
  for (let i = chat.messages.length - 1; i >= 0; i -= 1) {
    const m = chat.messages[i];
    if (m?.source === 'operator' && m.employee_id !== undefined) return m.employee_id;
  }
  return undefined;
}
