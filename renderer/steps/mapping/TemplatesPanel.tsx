import { useId, useState, type FormEvent } from 'react';
import type { AppliedTemplate } from '../../../main/contract/templates.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { TemplateItem } from './TemplateItem.tsx';
import { useTemplates } from './useTemplates.ts';

interface TemplatesPanelProps {
  mapping: Mapping;
  headers: string[];
  onApply(applied: AppliedTemplate): void;
}

/** Save the mapping on screen as a named template; apply, rename, export, delete or import one. */
export function TemplatesPanel({ mapping, headers, onApply }: TemplatesPanelProps) {
  const { t } = useLanguage();
  const id = useId();
  const { templates, storeProblem, outcome, act } = useTemplates();
  const [name, setName] = useState('');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await act(api().saveTemplate({ name, mapping, headers }), (saved) => t.templates.saved(saved.name))) setName('');
  };
  const apply = (templateId: string) =>
    void act(api().applyTemplate({ id: templateId, headers, layout: mapping.layout }), (applied) => {
      onApply(applied);
      return undefined;
    });
  const importOne = () => void act(api().importTemplate({}), (imported) => (imported === null ? undefined : t.templates.imported(imported.name)));

  return (
    <fieldset className="card templates-panel">
      <legend>{t.templates.title}</legend>
      <p className="hint">{t.templates.intro}</p>
      {storeProblem !== undefined && <ProblemNote problem={storeProblem} />}
      <form className="template-save" onSubmit={(event) => void save(event)}>
        <label htmlFor={`${id}-name`}>{t.templates.name}</label>
        <input id={`${id}-name`} value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
        <button type="submit">{t.templates.save}</button>
      </form>
      <h2 id={`${id}-list`}>{t.templates.list}</h2>
      {templates.length === 0 ? (
        <p className="empty">{t.templates.none}</p>
      ) : (
        <ul className="template-list" aria-labelledby={`${id}-list`}>
          {templates.map((template) => (
            <TemplateItem key={template.id} template={template} onApply={() => apply(template.id)} act={act} />
          ))}
        </ul>
      )}
      <button type="button" onClick={importOne}>
        {t.templates.import}
      </button>
      <div className="template-outcome">
        {outcome?.kind === 'failed' && <ProblemNote problem={outcome.problem} />}
        <p role="status" data-testid="template-status">
          {outcome?.kind === 'done' ? outcome.said : ''}
        </p>
      </div>
    </fieldset>
  );
}
