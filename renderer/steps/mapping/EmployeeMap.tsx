import type { Mapping } from '../../../main/mapping/model.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { withOptions } from './mappingEdit.ts';
import type { Picker } from './usePickers.ts';

interface EmployeeMapProps {
  samples: string[];
  mapping: Mapping;
  picker: Picker;
  onChange(mapping: Mapping): void;
}

/** Operators as the file names them → CallGear employees; "automatic" matches name or e-mail. */
export function EmployeeMap({ samples, mapping, picker, onChange }: EmployeeMapProps) {
  const { t } = useLanguage();
  const names = samples.filter((s) => s.trim() !== '');
  if (picker.kind !== 'ready' || names.length === 0) return null;
  const map = mapping.options.employees;
  const set = (name: string, id: string) => {
    const next: Record<string, number> = { ...map };
    if (id === '') delete next[name];
    else next[name] = Number(id);
    onChange(withOptions(mapping, { employees: next }));
  };
  return (
    <details className="value-map">
      <summary>{t.mapping.employeeMap(picker.items.length)}</summary>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <label>
              <span className="word">{name}</span> →{' '}
              <select value={map[name] ?? ''} onChange={(e) => set(name, e.target.value)}>
                <option value="">{t.mapping.automatic}</option>
                {picker.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.label}
                    {item.detail !== undefined ? ` (${item.detail})` : ''}
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
