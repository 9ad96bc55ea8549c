import { useLanguage } from '../i18n/language.tsx';
import { STEP_ORDER, type StepName } from './wizard.ts';

/** Where the person is among the six steps; done, current and coming steps look different. */
export function StepBar({ current }: { current: StepName }) {
  const { t } = useLanguage();
  const at = STEP_ORDER.indexOf(current);
  return (
    <nav aria-label={t.stepsLabel} className="step-bar">
      <ol>
        {STEP_ORDER.map((name, index) => {
          const state = index < at ? 'done' : index === at ? 'current' : 'next';
          return (
            <li key={name} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">{state === 'done' ? '✓' : index + 1}</span>
              <span className="step-name">{t.stepNames[name]}</span>
              {state === 'done' && <span className="visually-hidden"> ({t.stepDone})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
