import type { Language } from '../../i18n/dictionary.ts';

/** "24 Nov 2026, 14:05": day first and a 24-hour clock in both languages, as the lists' date reads best. */
export function listDate(ms: number, lang: Language): string {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
}
