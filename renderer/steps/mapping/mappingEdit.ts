import { CHAT_FIELDS, type ChatField, type FieldName, type MessageField } from '../../../main/mapping/fields.ts';
import type { Mapping, Source } from '../../../main/mapping/model.ts';

const isChatField = (field: FieldName): field is ChatField => (CHAT_FIELDS as readonly string[]).includes(field);

/** A field's source, wherever in the mapping it lives. */
export function sourceOf(mapping: Mapping, field: FieldName): Source {
  return isChatField(field) ? mapping.chat[field] : mapping.message[field as MessageField];
}

export function withSource(mapping: Mapping, field: FieldName, source: Source): Mapping {
  return isChatField(field) ? { ...mapping, chat: { ...mapping.chat, [field]: source } } : { ...mapping, message: { ...mapping.message, [field]: source } };
}

export function withOptions(mapping: Mapping, options: Partial<Mapping['options']>): Mapping {
  return { ...mapping, options: { ...mapping.options, ...options } };
}

export const sameSource = (a: Source, b: Source): boolean => JSON.stringify(a) === JSON.stringify(b);
