import type { Cell } from '../../sheet/types.ts';
import { dice, foldWords, nameKey, trigrams } from './fold.ts';
import { parseId } from './ids.ts';

/** One employee as `get.employees` returns it (the fields the resolver needs). */
export interface Employee {
  id: number;
  full_name: string;
  email?: string | null;
}

export interface EmployeeSuggestion {
  id: number;
  full_name: string;
}

export type EmployeeMatch =
  | { ok: true; id: number; via: 'id' | 'override' | 'email' | 'name' }
  | { ok: false; reason: 'empty' | 'unknown' | 'ambiguous'; suggestions: EmployeeSuggestion[] };

export type EmployeeResolver = (cell: Cell) => EmployeeMatch;

const EMPTY: EmployeeMatch = Object.freeze({ ok: false, reason: 'empty', suggestions: [] });

/**
 * Resolves an employee column (ids, e-mails or names) to CallGear employee ids, in this order:
 * 1. `overrides` — the person's own choices (keys compared like names: case, ё/е, word order and
 *    punctuation do not matter; e-mail keys case-insensitively). They win even over an id, so an
 *    old system's ids can be remapped.
 * 2. a whole number: an id in the directory (any positive id when the directory is empty).
 * 3. an e-mail (case-insensitive).
 * 4. a name, word order free: "Иванов Иван" = "Иван Иванов" = "ИВАНОВ иван". A name that is a
 *    subset of exactly one employee's words (≥ 2 words, e.g. without the patronymic) matches too.
 * Failures carry up to three similar employees (trigram similarity). Results are memoised per
 * raw value (at most `maxCache`).
 */
export function makeEmployeeResolver(
  directory: readonly Employee[],
  overrides: Record<string, number>,
  maxCache = 20_000,
): EmployeeResolver {
  const byId = new Map<number, Employee>();
  const byEmail = new Map<string, Employee[]>();
  const byName = new Map<string, Employee[]>();
  const people: { employee: Employee; words: Set<string>; grams: Set<string> }[] = [];
  const add = (map: Map<string, Employee[]>, key: string, e: Employee): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of directory) {
    byId.set(e.id, e);
    if (e.email) add(byEmail, e.email.trim().toLowerCase(), e);
    const key = nameKey(e.full_name);
    if (key !== '') add(byName, key, e);
    people.push({ employee: e, words: new Set(foldWords(e.full_name)), grams: trigrams(key) });
  }
  const overrideMap = new Map<string, number>();
  for (const [k, id] of Object.entries(overrides)) {
    overrideMap.set(k.includes('@') ? k.trim().toLowerCase() : nameKey(k), id);
  }

  const hit = (id: number, via: 'id' | 'override' | 'email' | 'name'): EmployeeMatch => ({ ok: true, id, via });
  const brief = (e: Employee): EmployeeSuggestion => ({ id: e.id, full_name: e.full_name });

  function similar(key: string): EmployeeSuggestion[] {
    if (key === '') return [];
    const g = trigrams(key);
    return people
      .map((p) => ({ p, score: dice(g, p.grams) }))
      .filter((x) => x.score >= 0.3)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((x) => brief(x.p.employee));
  }

  function resolve(cell: Cell): EmployeeMatch {
    if (cell === null || typeof cell === 'boolean' || cell instanceof Date) {
      return cell === null ? EMPTY : { ok: false, reason: 'unknown', suggestions: [] };
    }
    const text = String(cell).trim();
    if (text === '') return EMPTY;
    const isEmail = text.includes('@');
    const key = isEmail ? text.toLowerCase() : nameKey(text);
    const override = overrideMap.get(key) ?? overrideMap.get(text.toLowerCase());
    if (override !== undefined) return hit(override, 'override');

    const id = parseId(cell);
    if (id.ok) {
      if (byId.has(id.value) || byId.size === 0) return hit(id.value, 'id');
      return { ok: false, reason: 'unknown', suggestions: [] };
    }
    if (isEmail) {
      const list = byEmail.get(key);
      if (list?.length === 1 && list[0]) return hit(list[0].id, 'email');
      if (list !== undefined) return { ok: false, reason: 'ambiguous', suggestions: list.map(brief) };
      return { ok: false, reason: 'unknown', suggestions: similar(nameKey(text.slice(0, text.indexOf('@')))) };
    }
    const list = byName.get(key);
    if (list?.length === 1 && list[0]) return hit(list[0].id, 'name');
    if (list !== undefined) return { ok: false, reason: 'ambiguous', suggestions: list.map(brief) };
    // "Иван Иванов" for "Иванов Иван Иванович": every word found in exactly one employee's name.
    const words = foldWords(text);
    if (words.length >= 2) {
      const found = people.filter((p) => words.every((w) => p.words.has(w)));
      if (found.length === 1 && found[0]) return hit(found[0].employee.id, 'name');
      if (found.length > 1) return { ok: false, reason: 'ambiguous', suggestions: found.slice(0, 5).map((p) => brief(p.employee)) };
    }
    return { ok: false, reason: 'unknown', suggestions: similar(key) };
  }

  const cache = new Map<string | number, EmployeeMatch>();
  return (cell) => {
    if (typeof cell !== 'string' && typeof cell !== 'number') return resolve(cell);
    let result = cache.get(cell);
    if (result === undefined) {
      result = resolve(cell);
      if (cache.size >= maxCache) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      cache.set(cell, result);
    }
    return result;
  };
}
