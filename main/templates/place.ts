import type { Layout, Mapping, Source } from '../mapping/model.ts';
import { findHeader, mappedColumns, type ColumnUse } from './headers.ts';

export interface Placed {
  /** The remembered mapping, naming this file's headers; fields whose column is missing read nothing. */
  mapping: Mapping;
  /** The columns this file lacks, with the field that read each. */
  unplaced: ColumnUse[];
}

/**
 * Puts a remembered mapping onto another file: columns are found by header (in any order, up to
 * case and spaces), never by position. A missing chat key column leaves `layout` in its place.
 */
export function placeMapping(mapping: Mapping, headers: readonly string[], layout: Layout): Placed {
  const unplaced = mappedColumns(mapping).filter((use) => findHeader(headers, use.column) === undefined);
  const place = (source: Source): Source => {
    if (source.kind !== 'column') return source;
    const header = findHeader(headers, source.column);
    return header === undefined ? { kind: 'none' } : { kind: 'column', column: header };
  };
  const chatKey = mapping.layout.kind === 'messages-by-key' ? findHeader(headers, mapping.layout.chatKey) : undefined;
  return {
    mapping: {
      ...mapping,
      layout: mapping.layout.kind !== 'messages-by-key' ? mapping.layout : chatKey === undefined ? layout : { kind: 'messages-by-key', chatKey },
      chat: mapObject(mapping.chat, place),
      message: mapObject(mapping.message, place),
    },
    unplaced,
  };
}

function mapObject<T extends Record<string, Source>>(sources: T, place: (source: Source) => Source): T {
  return Object.fromEntries(Object.entries(sources).map(([field, source]) => [field, place(source)])) as T;
}
