import type { en } from './en.ts';

export type Language = 'en' | 'ru';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

/** Every language has every key of the English one; a phrase with numbers or names is a function. */
export type Dictionary = Widen<typeof en>;
