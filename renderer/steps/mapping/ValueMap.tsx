import { INITIATORS, SOURCES, STATUSES } from '../../../main/mapping/fields.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { withOptions } from './mappingEdit.ts';

type EnumField = 'status' | 'initiator' | 'source';
const VALUES: Record<EnumField, readonly string[]> = { status: STATUSES, initiator: INITIATORS, source: SOURCES };

interface ValueMapProps {
  field: EnumField;
  samples: string[];
  mapping: Mapping;
  onChange(mapping: Mapping): void;
}

/** The file's own words for an enum field, each read automatically or as the person says. */
export function ValueMap({ field, samples, mapping, onChange }: ValueMapProps) {
  const { t } = useLanguage();
  const map = mapping.options.valueMaps[field];
  const set = (word: string, value: string) => {
    const next: Record<string, string> = { ...map };
    if (value === '') delete next[word];
    else next[word] = value;
    onChange(withOptions(mapping, { valueMaps: { ...mapping.options.valueMaps, [field]: next } }));
  };
  const words = samples.filter((s) => s.trim() !== '');
  if (words.length === 0) return null;
  return (
    <details className="value-map">
      <summary>{t.mapping.valueMap}</summary>
      <ul>
        {words.map((word) => (
          <li key={word}>
            <label>
              <span className="word">{word}</span> →{' '}
              <select value={map[word] ?? ''} onChange={(e) => set(word, e.target.value)}>
                <option value="">{t.mapping.automatic}</option>
                {VALUES[field].map((value) => (
                  <option key={value} value={value}>
                    {t.enums[value as keyof typeof t.enums]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
