import { z } from 'zod';
import { INITIATORS, SOURCES, STATUSES } from './fields.ts';

/**
 * The mapping file, version 1. It names columns by header text (not position) so one mapping
 * fits every export of the same system. Parsed with zod at the edge (files, IPC, CLI flags).
 */
export const MAPPING_VERSION = 1;

export const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1) }),
  z.object({ kind: z.literal('constant'), value: z.union([z.string(), z.number()]) }),
  z.object({ kind: z.literal('none') }),
]);
export type Source = z.infer<typeof SourceSchema>;

const none = (): Source => ({ kind: 'none' });
const sourceField = SourceSchema.default(none);

export const LayoutSchema = z.discriminatedUnion('kind', [
  /** One row per message; rows with the same value in `chatKey` form one chat. */
  z.object({ kind: z.literal('messages-by-key'), chatKey: z.string().min(1) }),
  /**
   * One row per message and no chat key: a chat is a run of consecutive rows with the same
   * visitor (phone, e-mail or name), split where the chat start time changes when it is mapped.
   */
  z.object({ kind: z.literal('messages-consecutive') }),
  /** One row per chat, its single message in the message column. */
  z.object({ kind: z.literal('chat-per-row') }),
]);
export type Layout = z.infer<typeof LayoutSchema>;

export const DateOrderSchema = z.enum(['auto', 'DMY', 'MDY', 'YMD']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

const ianaZone = z.string().refine(isTimeZone, { message: 'not an IANA time zone, e.g. Europe/Moscow' });

export const MappingSchema = z.object({
  version: z.literal(MAPPING_VERSION),
  layout: LayoutSchema,
  chat: z.object({
    start_date_time: sourceField,
    name: sourceField,
    phone: sourceField,
    email: sourceField,
    status: sourceField,
    initiator: sourceField,
    visitor_session_id: sourceField,
    campaign_id: sourceField,
    site_id: sourceField,
  }),
  message: z.object({
    date_time: sourceField,
    source: sourceField,
    employee_id: sourceField,
    message: sourceField,
  }),
  options: z
    .object({
      /** How to read ambiguous dates like 03/04/2024; 'auto' infers it per column from its values. */
      dateOrder: DateOrderSchema.default('auto'),
      /** The zone the file's wall-clock times were written in. */
      fileTimeZone: ianaZone.default('UTC'),
      /** The CallGear account's zone: times are sent as its wall-clock time (data API §1). */
      accountTimeZone: ianaZone.default('UTC'),
      /** ISO 3166 alpha-2 country for phones written without a country code. */
      phoneCountry: z.string().regex(/^[A-Z]{2}$/).default('RU'),
      /** The person's own value maps, applied before the built-in synonyms (keys compared case-insensitively). */
      valueMaps: z
        .object({
          status: z.record(z.string(), z.enum(STATUSES)).default({}),
          initiator: z.record(z.string(), z.enum(INITIATORS)).default({}),
          source: z.record(z.string(), z.enum(SOURCES)).default({}),
        })
        .default({ status: {}, initiator: {}, source: {} }),
      /** Names or e-mails in the file → CallGear employee ids, chosen by the person. */
      employees: z.record(z.string(), z.number().int().positive()).default({}),
    })
    .default({
      dateOrder: 'auto',
      fileTimeZone: 'UTC',
      accountTimeZone: 'UTC',
      phoneCountry: 'RU',
      valueMaps: { status: {}, initiator: {}, source: {} },
      employees: {},
    }),
});
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
