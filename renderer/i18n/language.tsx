import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { ru } from './ru.ts';
import type { Dictionary, Language } from './dictionary.ts';

const DICTIONARIES: Record<Language, Dictionary> = { en, ru };

/** Russian for a Russian-speaking system, English otherwise: the only two the engine speaks. */
export function systemLanguage(): Language {
  return (navigator.language || 'en').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

interface LanguageState {
  lang: Language;
  t: Dictionary;
  setLang(lang: Language): void;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(systemLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = DICTIONARIES[lang].appTitle;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (state === undefined) throw new Error('useLanguage outside LanguageProvider');
  return state;
}
