import { useId } from 'react';
import type { WorkbookSummaryView } from '../../../main/contract/engine.ts';
import { useLanguage } from '../../i18n/language.tsx';

type Text = NonNullable<WorkbookSummaryView['text']>;
export type TextSettings = { encoding?: Text['encoding']; delimiter?: Text['delimiter'] };

const ENCODINGS: readonly Text['encoding'][] = ['utf-8', 'windows-1251', 'utf-16le', 'utf-16be'];
const DELIMITERS: readonly Text['delimiter'][] = [',', ';', '\t', '|'];

interface TextOptionsProps {
  text: Text;
  disabled: boolean;
  onChange(settings: TextSettings): void;
}

/** A text file's encoding and delimiter as detected; changing one reads the file again. */
export function TextOptions({ text, disabled, onChange }: TextOptionsProps) {
  const { t } = useLanguage();
  const id = useId();
  return (
    <div className="card text-options">
      <div className="field">
        <label htmlFor={`${id}-enc`}>{t.file.encoding}</label>
        <select id={`${id}-enc`} value={text.encoding} disabled={disabled} onChange={(e) => onChange({ encoding: e.target.value as Text['encoding'], delimiter: text.delimiter })}>
          {ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {encoding}
            </option>
          ))}
        </select>
        <small>{text.encodingGuessed ? t.file.guessed : t.file.chosen}</small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-del`}>{t.file.delimiter}</label>
        <select id={`${id}-del`} value={text.delimiter} disabled={disabled} onChange={(e) => onChange({ encoding: text.encoding, delimiter: e.target.value as Text['delimiter'] })}>
          {DELIMITERS.map((delimiter) => (
            <option key={delimiter} value={delimiter}>
              {t.file.delimiters[delimiter]}
            </option>
          ))}
        </select>
        <small>{text.delimiterGuessed ? t.file.guessed : t.file.chosen}</small>
      </div>
    </div>
  );
}
