import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Reply } from '../../../main/contract/api.ts';
import type { TemplateView } from '../../../main/contract/templates.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';

interface TemplateItemProps {
  template: TemplateView;
  onApply(): void;
  act<T>(call: Promise<Reply<T>>, said: (value: T) => string | undefined): Promise<boolean>;
}

type Mode = 'idle' | 'renaming' | 'deleting';

/** One saved template: apply, rename in place, export, or delete after asking. */
export function TemplateItem({ template, onApply, act }: TemplateItemProps) {
  const { t } = useLanguage();
  const id = useId();
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(template.name);
  const described = { 'aria-describedby': `${id}-name` };
  // Leaving a rename or a delete question puts the focus back on the button that opened it.
  const opener = useRef<Record<Exclude<Mode, 'idle'>, HTMLButtonElement | null>>({ renaming: null, deleting: null });
  const left = useRef<Mode>('idle');
  useEffect(() => {
    if (mode === 'idle' && left.current !== 'idle') opener.current[left.current]?.focus();
    left.current = mode;
  }, [mode]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (await act(api().renameTemplate({ id: template.id, name }), (renamed) => t.templates.renamed(renamed.name))) setMode('idle');
  };
  const remove = () => void act(api().deleteTemplate({ id: template.id }), () => t.templates.deleted(template.name));
  const exportIt = () => void act(api().exportTemplate({ id: template.id }), (saved) => (saved === null ? undefined : t.templates.exported(saved.path)));

  return (
    <li className="template-item" data-template={template.name}>
      <span id={`${id}-name`} className="template-name">
        <strong>{template.name}</strong> <small>{t.templates.columns(template.columns)}</small>
      </span>
      {mode === 'renaming' && (
        <form className="template-actions" onSubmit={(event) => void rename(event)} onKeyDown={(event) => event.key === 'Escape' && setMode('idle')}>
          <label htmlFor={`${id}-rename`} className="visually-hidden">
            {t.templates.newName(template.name)}
          </label>
          <input id={`${id}-rename`} value={name} maxLength={100} required autoFocus onChange={(event) => setName(event.target.value)} />
          <button type="submit">{t.templates.rename}</button>
          <button type="button" onClick={() => setMode('idle')}>
            {t.cancel}
          </button>
        </form>
      )}
      {mode === 'deleting' && (
        <span className="template-actions" role="group" aria-label={t.templates.confirmDelete(template.name)}>
          <span>{t.templates.confirmDelete(template.name)}</span>
          <button type="button" className="danger" onClick={remove} autoFocus>
            {t.templates.yesDelete}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t.templates.keep}
          </button>
        </span>
      )}
      {mode === 'idle' && (
        <span className="template-actions">
          <button type="button" {...described} onClick={onApply}>
            {t.templates.apply}
          </button>
          <button type="button" {...described} ref={(button) => void (opener.current.renaming = button)} onClick={() => setMode('renaming')}>
            {t.templates.rename}
          </button>
          <button type="button" {...described} onClick={exportIt}>
            {t.templates.export}
          </button>
          <button type="button" {...described} ref={(button) => void (opener.current.deleting = button)} onClick={() => setMode('deleting')}>
            {t.templates.delete}
          </button>
        </span>
      )}
    </li>
  );
}
