/** A message shown to a person, in every language the app speaks. */
export interface Text {
  en: string;
  ru: string;
}

export function text(en: string, ru: string): Text {
  return { en, ru };
}

/** A failure as a value: a stable code for programs, words for people, and where it happened. */
export interface Problem {
  code: string;
  message: Text;
  file?: string;
  sheet?: string;
  /** Spreadsheet row number as the person sees it (1-based). */
  row?: number;
  column?: string;
  field?: string;
}

export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
