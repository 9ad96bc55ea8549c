import type { FieldName } from '../../../main/mapping/fields.ts';
import { INITIATORS, SOURCES, STATUSES } from '../../../main/mapping/fields.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { unlistedId } from './unlisted.ts';
import type { Picker, Pickers } from './usePickers.ts';

interface ConstantInputProps {
  field: FieldName;
  value: string | number;
  pickers: Pickers;
  onChange(value: string | number): void;
}

const ENUMS: Partial<Record<FieldName, readonly string[]>> = { status: STATUSES, initiator: INITIATORS, source: SOURCES };
const PICKED: Partial<Record<FieldName, keyof Pickers>> = { site_id: 'sites', campaign_id: 'campaigns', employee_id: 'employees' };

/** One value for every chat: picked from the account where it has a list, typed otherwise. */
export function ConstantInput({ field, value, pickers, onChange }: ConstantInputProps) {
  const { t } = useLanguage();
  const label = t.mapping.constantFor(t.fields[field]);
  const choices = ENUMS[field];
  if (choices !== undefined) {
    return (
      <select aria-label={label} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t.mapping.choose}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {t.enums[choice as keyof typeof t.enums]}
          </option>
        ))}
      </select>
    );
  }
  const kind = PICKED[field];
  const picker: Picker | undefined = kind === undefined ? undefined : pickers[kind];
  if (picker?.kind === 'ready' && picker.items.length > 0) {
    const unlisted = unlistedId(picker.items, value);
    return (
      <select aria-label={label} value={String(value)} aria-invalid={unlisted !== undefined} onChange={(e) => onChange(Number(e.target.value))}>
        <option value="">{t.mapping.choose}</option>
        {unlisted !== undefined && <option value={unlisted}>{t.mapping.notInAccount(unlisted)}</option>}
        {picker.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.label} ({item.id}){item.detail !== undefined ? ` — ${item.detail}` : ''}
          </option>
        ))}
      </select>
    );
  }
  const numeric = kind !== undefined || field === 'visitor_session_id';
  return (
    <input
      aria-label={label}
      inputMode={numeric ? 'numeric' : 'text'}
      value={String(value)}
      onChange={(e) => onChange(numeric && /^\d+$/.test(e.target.value) ? Number(e.target.value) : e.target.value)}
    />
  );
}
