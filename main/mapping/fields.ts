/** The fields of one `upload.chats` chat and of one of its messages (seed, callgear-data-api.md §5). */
export const CHAT_FIELDS = [
  'start_date_time',
  'name',
  'phone',
  'email',
  'status',
  'initiator',
  'visitor_session_id',
  'campaign_id',
  'site_id',
] as const;

export const MESSAGE_FIELDS = ['date_time', 'source', 'employee_id', 'message'] as const;

export type ChatField = (typeof CHAT_FIELDS)[number];
export type MessageField = (typeof MESSAGE_FIELDS)[number];
export type FieldName = ChatField | MessageField;

export const ALL_FIELDS: readonly FieldName[] = [...CHAT_FIELDS, ...MESSAGE_FIELDS];

export const STATUSES = ['lost', 'succeed', 'refused'] as const;
export const INITIATORS = ['operator', 'visitor', 'autoinvite'] as const;
export const SOURCES = ['operator', 'visitor', 'system'] as const;

export type Status = (typeof STATUSES)[number];
export type Initiator = (typeof INITIATORS)[number];
export type MessageSource = (typeof SOURCES)[number];

/** What a field holds, which decides how its values are normalised and checked. */
export type FieldKind = 'datetime' | 'text' | 'phone' | 'email' | 'enum' | 'id';

export const FIELD_KIND: Readonly<Record<FieldName, FieldKind>> = {
  start_date_time: 'datetime',
  name: 'text',
  phone: 'phone',
  email: 'email',
  status: 'enum',
  initiator: 'enum',
  visitor_session_id: 'id',
  campaign_id: 'id',
  site_id: 'id',
  date_time: 'datetime',
  source: 'enum',
  employee_id: 'id',
  message: 'text',
};
