import type { Cell } from '../../sheet/types.ts';
import { INITIATORS, SOURCES, STATUSES } from '../../mapping/fields.ts';
import { ENUM_SYNONYMS, type EnumKind } from './enum-synonyms.ts';
import { dice, foldKey, trigrams } from './fold.ts';

export { ENUM_SYNONYMS, INITIATOR_SYNONYMS, SOURCE_SYNONYMS, STATUS_SYNONYMS, type EnumKind } from './enum-synonyms.ts';

export type EnumMatch =
  | { ok: true; value: string; via: 'exact' | 'user' | 'synonym' }
  | { ok: false; reason: 'empty' | 'unknown'; suggestions: string[] };

export const ENUM_VALUES: Readonly<Record<EnumKind, readonly string[]>> = {
  status: STATUSES,
  initiator: INITIATORS,
  source: SOURCES,
};

type Hit = Extract<EnumMatch, { ok: true }>;

interface KindTable {
  allowed: ReadonlySet<string>;
  /** folded word → shared, frozen result */
  words: Map<string, Hit>;
  /** For suggestions: trigram sets of every word with the value it means. */
  grams: { value: string; grams: Set<string> }[];
  /** folded unknown word → cached suggestions result */
  unknown: Map<string, EnumMatch>;
}

const EMPTY: EnumMatch = Object.freeze({ ok: false, reason: 'empty', suggestions: Object.freeze([]) as unknown as string[] });

function buildTable(kind: EnumKind): KindTable {
  const words = new Map<string, Hit>();
  const grams: KindTable['grams'] = [];
  for (const [value, synonyms] of Object.entries(ENUM_SYNONYMS[kind])) {
    for (const word of synonyms) {
      const key = foldKey(word);
      if (!words.has(key)) words.set(key, Object.freeze({ ok: true, value, via: 'synonym' }));
      grams.push({ value, grams: trigrams(key) });
    }
  }
  for (const value of ENUM_VALUES[kind]) {
    words.set(value, Object.freeze({ ok: true, value, via: 'exact' }));
    grams.push({ value, grams: trigrams(value) });
  }
  return { allowed: new Set(ENUM_VALUES[kind]), words, grams, unknown: new Map() };
}

const TABLES: Readonly<Record<EnumKind, KindTable>> = {
  status: buildTable('status'),
  initiator: buildTable('initiator'),
  source: buildTable('source'),
};

/** Folded keys of raw strings; enum columns hold few distinct values, so this stays small. */
const folded = new Map<string, string>();
function fold(raw: string): string {
  let key = folded.get(raw);
  if (key === undefined) {
    if (folded.size > 50_000) folded.clear();
    key = foldKey(raw);
    folded.set(raw, key);
  }
  return key;
}

/**
 * User maps folded once per map object and kind. Treat a map as immutable once passed (the
 * mapping is replaced, not edited in place): edits to the same object are not seen.
 */
const userTables: Readonly<Record<EnumKind, WeakMap<object, Map<string, Hit>>>> = {
  status: new WeakMap(),
  initiator: new WeakMap(),
  source: new WeakMap(),
};
function userTable(kind: EnumKind, userMap: Record<string, string>): Map<string, Hit> {
  let table = userTables[kind].get(userMap);
  if (table === undefined) {
    table = new Map();
    const allowed = TABLES[kind].allowed;
    for (const [from, to] of Object.entries(userMap)) {
      if (allowed.has(to)) table.set(foldKey(from), Object.freeze({ ok: true, value: to, via: 'user' }));
    }
    userTables[kind].set(userMap, table);
  }
  return table;
}

/**
 * Reads an enum cell: the person's own map first (keys compared folded), then the API value
 * itself ('exact'), then the built-in synonyms. Case, ё/е, spaces and punctuation do not matter.
 * Unknown values come with up to three likely API values, best first. Results are shared frozen
 * objects: do not mutate them.
 */
export function matchEnum(kind: EnumKind, cell: Cell, userMap: Record<string, string>): EnumMatch {
  if (cell === null || cell instanceof Date) return cell === null ? EMPTY : unknownOf(TABLES[kind], '');
  const raw = typeof cell === 'string' ? cell : String(cell);
  const key = fold(raw);
  if (key === '') return EMPTY;
  const table = TABLES[kind];
  return userTable(kind, userMap).get(key) ?? table.words.get(key) ?? unknownOf(table, key);
}

function unknownOf(table: KindTable, key: string): EnumMatch {
  let result = table.unknown.get(key);
  if (result === undefined) {
    const best = new Map<string, number>();
    if (key !== '') {
      const g = trigrams(key);
      for (const entry of table.grams) {
        const score = dice(g, entry.grams);
        if (score >= 0.35 && score > (best.get(entry.value) ?? 0)) best.set(entry.value, score);
      }
    }
    const suggestions = [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([v]) => v);
    result = Object.freeze({ ok: false, reason: 'unknown', suggestions });
    if (table.unknown.size > 10_000) table.unknown.clear();
    table.unknown.set(key, result);
  }
  return result;
}

/**
 * Share (0…1) of the non-empty distinct values that are the API value or a built-in synonym of
 * `kind`: how much a column looks like that enum, for auto-matching columns to fields.
 */
export function enumLikeness(kind: EnumKind, distinctValues: string[]): number {
  const words = TABLES[kind].words;
  let total = 0;
  let hits = 0;
  for (const v of distinctValues) {
    const key = foldKey(v);
    if (key === '') continue;
    total++;
    if (words.has(key)) hits++;
  }
  return total === 0 ? 0 : hits / total;
}
