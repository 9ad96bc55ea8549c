import { ALL_FIELDS, type FieldName } from '../mapping/fields.ts';
import type { Mapping } from '../mapping/model.ts';

/** How two exports of one system may spell a header differently and still mean the same column. */
export function headerKey(header: string): string {
  return header.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** The file's header for a column a mapping names: the same text, or the same text up to case and spaces. */
export function findHeader(headers: readonly string[], column: string): string | undefined {
  if (headers.includes(column)) return column;
  const key = headerKey(column);
  return headers.find((header) => headerKey(header) === key);
}

/** Where a mapping reads a column: a chat or message field, or the layout's chat key. */
export type ColumnUse = { field: FieldName | 'chatKey'; column: string };

export function mappedColumns(mapping: Mapping): ColumnUse[] {
  const uses: ColumnUse[] = mapping.layout.kind === 'messages-by-key' ? [{ field: 'chatKey', column: mapping.layout.chatKey }] : [];
  for (const field of ALL_FIELDS) {
    const source = field in mapping.chat ? mapping.chat[field as keyof Mapping['chat']] : mapping.message[field as keyof Mapping['message']];
    if (source.kind === 'column') uses.push({ field, column: source.column });
  }
  return uses;
}
