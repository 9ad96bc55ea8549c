import { useId } from 'react';
import type { TableSummaryView } from '../../../main/contract/engine.ts';
import type { FieldName } from '../../../main/mapping/fields.ts';
import type { Mapping, Source } from '../../../main/mapping/model.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ConstantInput } from './ConstantInput.tsx';
import { EmployeeMap } from './EmployeeMap.tsx';
import { sameSource, sourceOf, withSource } from './mappingEdit.ts';
import type { Pickers } from './usePickers.ts';
import { ValueMap } from './ValueMap.tsx';

interface FieldRowProps {
  field: FieldName;
  mapping: Mapping;
  table: TableSummaryView;
  pickers: Pickers;
  onChange(mapping: Mapping): void;
}

const CONSTANT = '\u0000constant';
const NONE = '\u0000none';

function encode(source: Source): string {
  return source.kind === 'column' ? source.column : source.kind === 'constant' ? CONSTANT : NONE;
}

/** One field of a chat or a message: where its value comes from, and what that looks like. */
export function FieldRow({ field, mapping, table, pickers, onChange }: FieldRowProps) {
  const { t, lang } = useLanguage();
  const id = useId();
  const source = sourceOf(mapping, field);
  const suggested = sourceOf(table.suggestion.mapping, field);
  const confidence = table.suggestion.confidence[field];
  const reason = table.suggestion.reasons[field];
  const choose = (value: string) => {
    const next: Source = value === NONE ? { kind: 'none' } : value === CONSTANT ? { kind: 'constant', value: '' } : { kind: 'column', column: value };
    onChange(withSource(mapping, field, next));
  };
  const profile = source.kind === 'column' ? table.profiles.find((p) => p.header === source.column) : undefined;
  const isSuggested = source.kind !== 'none' && sameSource(source, suggested) && confidence !== undefined && confidence > 0;
  return (
    <tr data-field={field}>
      <th scope="row">
        <label htmlFor={`${id}-source`}>{t.fields[field]}</label>
        <code className="field-code">{field}</code>
      </th>
      <td>
        <select id={`${id}-source`} value={encode(source)} onChange={(e) => choose(e.target.value)} aria-describedby={`${id}-details`}>
          <option value={NONE}>{t.mapping.none}</option>
          <optgroup label={t.mapping.columns}>
            {table.headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </optgroup>
          <option value={CONSTANT}>{t.mapping.constant}</option>
        </select>
      </td>
      <td id={`${id}-details`} className="field-details">
        {isSuggested && (
          <span className={`confidence ${confidence >= 0.8 ? 'high' : 'low'}`} title={reason?.[lang]}>
            {t.mapping.confidence(Math.round(confidence * 100))}
          </span>
        )}
        {source.kind === 'constant' && <ConstantInput field={field} value={source.value} pickers={pickers} onChange={(value) => onChange(withSource(mapping, field, { kind: 'constant', value }))} />}
        {profile !== undefined && profile.samples.length > 0 && (
          <span className="samples">
            {t.mapping.samples}: {profile.samples.slice(0, 3).map((s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)).join(' · ')}
          </span>
        )}
        {profile !== undefined && (field === 'status' || field === 'initiator' || field === 'source') && <ValueMap field={field} samples={profile.samples} mapping={mapping} onChange={onChange} />}
        {profile !== undefined && field === 'employee_id' && <EmployeeMap samples={profile.samples} mapping={mapping} picker={pickers.employees} onChange={onChange} />}
      </td>
    </tr>
  );
}
