import { CHAT_FIELDS, type FieldName } from '../../main/mapping/fields.ts';
import { MAPPING_VERSION, MappingSchema, type Layout, type Mapping, type Source } from '../../main/mapping/model.ts';

/** A field's expected source: a header, a constant, or (left out) none. */
type Expected = string | { constant: string | number };

/** The full mapping a test expects, written as briefly as a person would say it. */
export function mappingOf(layout: Layout, fields: Partial<Record<FieldName, Expected>>): Mapping {
  const source = (f: FieldName): Source => {
    const e = fields[f];
    if (e === undefined) return { kind: 'none' };
    return typeof e === 'string' ? { kind: 'column', column: e } : { kind: 'constant', value: e.constant };
  };
  return MappingSchema.parse({
    version: MAPPING_VERSION,
    layout,
    chat: Object.fromEntries(CHAT_FIELDS.map((f) => [f, source(f)])),
    message: {
      date_time: source('date_time'),
      source: source('source'),
      employee_id: source('employee_id'),
      message: source('message'),
    },
  });
}

/** The column (or none) a mapping gives a field. */
export function columnOf(mapping: Mapping, field: FieldName): string | undefined {
  const source: Source = field in mapping.chat ? mapping.chat[field as keyof Mapping['chat']] : mapping.message[field as keyof Mapping['message']];
  return source.kind === 'column' ? source.column : undefined;
}
