import { useState } from 'react';
import { CHAT_FIELDS, MESSAGE_FIELDS } from '../../../main/mapping/fields.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import type { Step, WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { FieldRow } from './FieldRow.tsx';
import { LayoutChoice } from './LayoutChoice.tsx';
import { OptionsPanel } from './OptionsPanel.tsx';
import { PickerStatus } from './PickerStatus.tsx';
import { RememberedNote } from './RememberedNote.tsx';
import { useRemembered } from './remembered.ts';
import { TemplatesPanel } from './TemplatesPanel.tsx';
import { usePickers } from './usePickers.ts';
import { useValidation } from './useValidation.ts';
import { ValidationLine } from './ValidationLine.tsx';

interface MappingStepProps {
  state: Extract<Step, { step: 'mapping' }>;
  dispatch: (action: WizardAction) => void;
  back: (() => void) | undefined;
}

export function MappingStep({ state, dispatch, back }: MappingStepProps) {
  const { t } = useLanguage();
  const [mapping, setMapping] = useState<Mapping>(state.mapping);
  const { pickers, listsSettled, refresh } = usePickers(state.chosen.account.id);
  const validation = useValidation(mapping, listsSettled);
  const { remembered, apply, undo } = useRemembered(state, setMapping);
  const { table } = state;

  const next =
    validation.kind === 'checked'
      ? () => dispatch({ type: 'go', to: { step: 'review', chosen: state.chosen, workbook: state.workbook, table, summary: validation.summary }, replaceCurrent: { ...state, mapping, ...(remembered ? { remembered } : {}) } })
      : undefined;

  const rows = (fields: readonly (typeof CHAT_FIELDS)[number][] | readonly (typeof MESSAGE_FIELDS)[number][]) =>
    fields.map((field) => <FieldRow key={field} field={field} mapping={mapping} table={table} pickers={pickers} onChange={setMapping} />);

  return (
    <StepLayout
      title={t.mapping.title}
      intro={t.mapping.intro(table.rowCount, table.headers.length)}
      back={back}
      actions={
        <button type="button" className="primary" disabled={next === undefined} onClick={next}>
          {t.mapping.toReview} →
        </button>
      }
    >
      <ValidationLine validation={validation} />
      <RememberedNote remembered={remembered} onUndo={undo} />
      {validation.kind === 'failed' && <ProblemNote problem={validation.problem} />}
      <PickerStatus pickers={pickers} onRefresh={refresh} />
      <LayoutChoice mapping={mapping} table={table} onChange={setMapping} />
      <div className="mapping-columns">
        <table className="mapping-table">
          <caption>{t.mapping.chatFields}</caption>
          <MappingHead />
          <tbody>{rows(CHAT_FIELDS)}</tbody>
        </table>
        <table className="mapping-table">
          <caption>{t.mapping.messageFields}</caption>
          <MappingHead />
          <tbody>{rows(MESSAGE_FIELDS)}</tbody>
        </table>
      </div>
      <OptionsPanel mapping={mapping} onChange={setMapping} />
      <TemplatesPanel mapping={mapping} headers={table.headers} onApply={(applied) => apply(applied, mapping)} />
    </StepLayout>
  );
}

function MappingHead() {
  const { t } = useLanguage();
  return (
    <thead>
      <tr>
        <th scope="col">{t.mapping.field}</th>
        <th scope="col">{t.mapping.source}</th>
        <th scope="col">{t.mapping.details}</th>
      </tr>
    </thead>
  );
}
