import { useId } from 'react';
import type { TableSummaryView } from '../../../main/contract/engine.ts';
import type { Layout, Mapping } from '../../../main/mapping/model.ts';
import { useLanguage } from '../../i18n/language.tsx';

interface LayoutChoiceProps {
  mapping: Mapping;
  table: TableSummaryView;
  onChange(mapping: Mapping): void;
}

/** How rows make chats: a message per row grouped by a key, runs of rows, or a chat per row. */
export function LayoutChoice({ mapping, table, onChange }: LayoutChoiceProps) {
  const { t, lang } = useLanguage();
  const id = useId();
  const layout = mapping.layout;
  const firstKey = layout.kind === 'messages-by-key' ? layout.chatKey : (table.headers[0] ?? '');
  const set = (next: Layout) => onChange({ ...mapping, layout: next });
  const suggested = table.suggestion.layout;
  return (
    <fieldset className="card layout-choice">
      <legend>{t.mapping.layout}</legend>
      {(['messages-by-key', 'messages-consecutive', 'chat-per-row'] as const).map((kind) => (
        <label key={kind} className="choice">
          <input
            type="radio"
            name={`${id}-layout`}
            checked={layout.kind === kind}
            onChange={() => set(kind === 'messages-by-key' ? { kind, chatKey: firstKey } : { kind })}
          />
          <span className="choice-title">{t.mapping.layouts[kind]}</span>
          {suggested.kind === kind && <span className="choice-detail">{suggested.reason[lang]}</span>}
        </label>
      ))}
      {layout.kind === 'messages-by-key' && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t.mapping.chatKey}</label>
          <select id={`${id}-key`} value={layout.chatKey} onChange={(e) => set({ kind: 'messages-by-key', chatKey: e.target.value })}>
            {table.headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
