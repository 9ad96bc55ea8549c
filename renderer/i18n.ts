import type { Text } from '../main/common/text.ts';

export type Lang = keyof Text;

/** The page follows the OS language: Russian for any ru-* locale, English otherwise. */
export function preferredLang(languages: readonly string[] = navigator.languages): Lang {
  return languages.some((l) => /^ru\b/i.test(l)) ? 'ru' : 'en';
}

export function say(message: Text, lang: Lang): string {
  return message[lang];
}
