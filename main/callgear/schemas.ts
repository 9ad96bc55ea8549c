import { z } from 'zod';

/**
 * Reply shapes of the methods the app calls (callgear-data-api.md §2, §5, §6). Objects are loose:
 * a field the API adds later must not break an upload; only what the app uses is required.
 */
const id = z.number().int();
const optionalText = z.string().nullish().transform((value) => value ?? undefined);

export const LoginDataSchema = z.object({
  access_token: z.string().min(1),
  expire_at: z.number(),
  app_id: z.number().nullish(),
});

export const AccountSchema = z.looseObject({
  app_id: z.number(),
  name: optionalText,
  timezone: optionalText,
});
export type Account = z.infer<typeof AccountSchema>;

export const CustomerUserSchema = z.looseObject({
  id,
  login: optionalText,
  name: optionalText,
  description: optionalText,
  customer_id: z.number().nullish().transform((value) => value ?? undefined),
});
export type CustomerUser = z.infer<typeof CustomerUserSchema>;

export const SiteSchema = z.looseObject({ id, domain_name: optionalText });
export type Site = z.infer<typeof SiteSchema>;

export const CampaignSchema = z.looseObject({
  id,
  name: optionalText,
  status: optionalText,
  site_id: z.number().nullish().transform((value) => value ?? undefined),
  site_domain_name: optionalText,
  type: optionalText,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const EmployeeSchema = z.looseObject({
  id,
  full_name: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  patronymic: optionalText,
  email: optionalText,
  status: optionalText,
});
export type Employee = z.infer<typeof EmployeeSchema>;

/**
 * A row of `get.chats_report`, used to reconcile uploads whose outcome is unknown. `id`,
 * `chat_channel_type`, `date_time`, `status` and `messages_count` are seen in real clients' field
 * lists. ASSUME: the visitor contact fields' names (`visitor_phone_number`, `visitor_email`,
 * `visitor_name`) follow the platform's report naming; they are optional so a reply without them
 * still parses, and reconciliation then matches on time and message count alone.
 */
export const ChatReportRowSchema = z.looseObject({
  id,
  date_time: optionalText,
  messages_count: z.number().nullish().transform((value) => value ?? undefined),
  chat_channel_type: optionalText,
  status: optionalText,
  visitor_phone_number: optionalText,
  visitor_email: optionalText,
  visitor_name: optionalText,
});
export type ChatReportRow = z.infer<typeof ChatReportRowSchema>;

export const UploadedSchema = z.array(z.object({ id }));

export const DeletedSchema = z.union([z.object({ success: z.boolean() }), z.looseObject({})]);
