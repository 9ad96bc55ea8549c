import { useLanguage } from '../i18n/language.tsx';
import type { Language } from '../i18n/dictionary.ts';

const NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t.languageLabel}</span>
      <select value={lang} onChange={(event) => setLang(event.target.value === 'ru' ? 'ru' : 'en')}>
        {(Object.keys(NAMES) as Language[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
