import { useId } from 'react';
import type { DateOrder, Mapping } from '../../../main/mapping/model.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { withOptions } from './mappingEdit.ts';

const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');
const COUNTRIES = ['RU', 'KZ', 'BY', 'UZ', 'AM', 'GE', 'KG', 'AZ', 'UA', 'TR', 'AE', 'GB', 'US', 'DE'] as const;

/** Time zones, phone country and date order: how to read what the file leaves implicit. */
export function OptionsPanel({ mapping, onChange }: { mapping: Mapping; onChange(mapping: Mapping): void }) {
  const { t, lang } = useLanguage();
  const id = useId();
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const options = mapping.options;
  const set = (change: Partial<Mapping['options']>) => onChange(withOptions(mapping, change));
  const zones = (value: string) => (ZONES.includes(value) ? ZONES : [value, ...ZONES]);
  return (
    <fieldset className="card options-panel">
      <legend>{t.mapping.options}</legend>
      <div className="field">
        <label htmlFor={`${id}-file-tz`}>{t.mapping.fileZone}</label>
        <select id={`${id}-file-tz`} value={options.fileTimeZone} onChange={(e) => set({ fileTimeZone: e.target.value })}>
          {zones(options.fileTimeZone).map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account-tz`}>{t.mapping.accountZone}</label>
        <select id={`${id}-account-tz`} value={options.accountTimeZone} onChange={(e) => set({ accountTimeZone: e.target.value })}>
          {zones(options.accountTimeZone).map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>{t.mapping.phoneCountry}</label>
        <select id={`${id}-country`} value={options.phoneCountry} onChange={(e) => set({ phoneCountry: e.target.value })}>
          {(COUNTRIES.includes(options.phoneCountry as (typeof COUNTRIES)[number]) ? COUNTRIES : [options.phoneCountry, ...COUNTRIES]).map((code) => (
            <option key={code} value={code}>
              {countries.of(code) ?? code} ({code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-order`}>{t.mapping.dateOrder}</label>
        <select id={`${id}-order`} value={options.dateOrder} onChange={(e) => set({ dateOrder: e.target.value as DateOrder })}>
          {(['auto', 'DMY', 'MDY', 'YMD'] as const).map((order) => (
            <option key={order} value={order}>
              {t.mapping.dateOrders[order]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
