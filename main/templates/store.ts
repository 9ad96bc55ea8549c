import { fail, ok, type Problem, type Result } from '../common/text.ts';
import type { Mapping } from '../mapping/model.ts';
import type { Candidate } from './match.ts';
import { MAX_PAST_IMPORTS, type Store, type Template } from './model.ts';
import { nameTaken, templateNotFound } from './problems.ts';
import { headerKey } from './headers.ts';
import { readStore, writeStore } from './store-file.ts';
import { readTemplateFile, writeTemplateFile } from './transfer.ts';

export interface TemplateStoreOptions {
  /** `templates.json` in the user-data folder. */
  file: string;
  now(): number;
  newId(): string;
}

export interface Listing {
  /** Most recently changed first. */
  templates: Template[];
  /** Why the store on disk was set aside or cannot be used. */
  problem?: Problem;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const sameHeaders = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((header, i) => headerKey(header) === headerKey(b[i] ?? ''));
const newestFirst = (templates: Template[]) => [...templates].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

/** Named templates and past imports, read from and written to one JSON file on every change. */
export class TemplateStore {
  /** The last thing that went wrong without a caller to tell: a damaged file set aside, a past import not written. */
  private notice: Problem | undefined;

  constructor(private readonly options: TemplateStoreOptions) {}

  list(): Listing {
    const loaded = this.load();
    if (!loaded.ok) return { templates: [], problem: loaded.error };
    return { templates: newestFirst(loaded.value.templates), ...(this.notice ? { problem: this.notice } : {}) };
  }

  get(id: string): Result<Template> {
    const loaded = this.load();
    if (!loaded.ok) return loaded;
    const found = loaded.value.templates.find((template) => template.id === id);
    return found ? ok(found) : fail(templateNotFound());
  }

  /** Templates, then past imports, newest first: the order `findMatch` prefers. */
  candidates(): Result<Candidate[]> {
    const loaded = this.load();
    if (!loaded.ok) return loaded;
    const templates = newestFirst(loaded.value.templates).map((template): Candidate => ({ kind: 'template', template }));
    return ok([...templates, ...loaded.value.pastImports.map((past): Candidate => ({ kind: 'past', past }))]);
  }

  save(draft: { name: string; mapping: Mapping; headers: string[] }): Result<Template> {
    return this.update((store) => {
      if (store.templates.some((t) => sameName(t.name, draft.name))) return fail(nameTaken(draft.name.trim()));
      const at = this.stamp();
      const template: Template = { id: this.options.newId(), name: draft.name.trim(), mapping: draft.mapping, headers: draft.headers, createdAt: at, updatedAt: at };
      return ok({ store: { ...store, templates: [...store.templates, template] }, value: template });
    });
  }

  rename(id: string, name: string): Result<Template> {
    return this.update((store) => {
      const found = store.templates.find((t) => t.id === id);
      if (found === undefined) return fail(templateNotFound());
      if (store.templates.some((t) => t.id !== id && sameName(t.name, name))) return fail(nameTaken(name.trim()));
      const renamed: Template = { ...found, name: name.trim(), updatedAt: this.stamp() };
      return ok({ store: { ...store, templates: store.templates.map((t) => (t.id === id ? renamed : t)) }, value: renamed });
    });
  }

  remove(id: string): Result<void> {
    return this.update((store) => {
      if (!store.templates.some((t) => t.id === id)) return fail(templateNotFound());
      return ok({ store: { ...store, templates: store.templates.filter((t) => t.id !== id) }, value: undefined });
    });
  }

  /** Keeps the mapping used for these headers, newest first; the same headers again replace the older entry. */
  rememberImport(past: { headers: string[]; mapping: Mapping; file: string }): Result<void> {
    const remembered = this.update((store) => {
      const kept = store.pastImports.filter((entry) => !sameHeaders(entry.headers, past.headers));
      const pastImports = [{ ...past, savedAt: this.stamp() }, ...kept].slice(0, MAX_PAST_IMPORTS);
      return ok({ store: { ...store, pastImports }, value: undefined });
    });
    if (!remembered.ok) this.notice = remembered.error;
    return remembered;
  }

  exportTo(id: string, path: string): Result<void> {
    const found = this.get(id);
    return found.ok ? writeTemplateFile(path, found.value) : found;
  }

  /** Adds a template from a file; a name already used gets " (2)", " (3)", … rather than a refusal. */
  importFrom(path: string): Result<Template> {
    const read = readTemplateFile(path);
    if (!read.ok) return read;
    return this.update((store) => {
      const template: Template = { ...read.value, id: this.options.newId(), name: freeName(read.value.name, store.templates) };
      return ok({ store: { ...store, templates: [...store.templates, template] }, value: template });
    });
  }

  private stamp(): string {
    return new Date(this.options.now()).toISOString();
  }

  private load(): Result<Store> {
    const read = readStore(this.options.file, this.options.now);
    if (!read.ok) return read;
    if (read.value.damaged) this.notice = read.value.damaged;
    return ok(read.value.store);
  }

  private update<T>(change: (store: Store) => Result<{ store: Store; value: T }>): Result<T> {
    const loaded = this.load();
    if (!loaded.ok) return loaded;
    const changed = change(loaded.value);
    if (!changed.ok) return changed;
    const written = writeStore(this.options.file, changed.value.store);
    return written.ok ? ok(changed.value.value) : written;
  }
}

function freeName(name: string, templates: readonly Template[]): string {
  const taken = (candidate: string) => templates.some((t) => sameName(t.name, candidate));
  if (!taken(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 100 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
