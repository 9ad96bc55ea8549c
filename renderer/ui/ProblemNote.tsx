import type { ProblemView } from '../../main/contract/api.ts';
import { useLanguage } from '../i18n/language.tsx';

/** A failure as the person reads it: main's own words in the chosen language. */
export function ProblemNote({ problem }: { problem: ProblemView }) {
  const { lang } = useLanguage();
  return (
    <p className="note note-error" role="alert" data-code={problem.code}>
      {problem.message[lang]}
    </p>
  );
}
