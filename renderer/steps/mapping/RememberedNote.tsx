import { useEffect, useRef } from 'react';
import type { AppliedTemplate } from '../../../main/contract/templates.ts';
import type { FieldName } from '../../../main/mapping/fields.ts';
import type { Dictionary } from '../../i18n/dictionary.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { Remembered } from './remembered.ts';

function sentence(t: Dictionary, lang: string, applied: AppliedTemplate): string {
  const fit = applied.matched === applied.total ? t.templates.matchedAll(applied.total) : t.templates.matchedSome(applied.matched, applied.total);
  if (applied.from.kind === 'template') return t.templates.fromTemplate(applied.from.name, fit);
  const date = new Date(applied.from.savedAt).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric' });
  return t.templates.fromPast(applied.from.file, date, fit);
}

const fieldName = (t: Dictionary, field: string) => (field === 'chatKey' ? t.mapping.chatKey : (t.fields[field as FieldName] ?? field));

/** Says which remembered mapping was applied and how well it fitted, with Undo one click away. */
export function RememberedNote({ remembered, onUndo }: { remembered: Remembered | undefined; onUndo(): void }) {
  const { t, lang } = useLanguage();
  const note = useRef<HTMLDivElement>(null);
  const kind = remembered?.kind;
  // Undo removes the button that had the focus: the note that says what happened takes it.
  useEffect(() => {
    if (kind === 'undone') note.current?.focus();
  }, [kind]);
  if (remembered === undefined || remembered.kind === 'none') return null;
  const { applied } = remembered;
  return (
    <div ref={note} tabIndex={-1} className={`note remembered-note ${remembered.kind === 'applied' ? 'note-ok' : ''}`} role="status" data-testid="remembered-note">
      {remembered.kind === 'undone' ? (
        <p>{t.templates.undone}</p>
      ) : (
        <>
          <p>
            {sentence(t, lang, applied)}{' '}
            <button type="button" onClick={onUndo}>
              {t.templates.undo}
            </button>
          </p>
          {applied.unplaced.length > 0 && (
            <p>
              {t.templates.unplaced} {applied.unplaced.map((use) => t.templates.unplacedField(fieldName(t, use.field), use.column)).join(', ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
