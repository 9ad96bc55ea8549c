import { useEffect, useReducer } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { ProjectProvider } from '../project/ProjectProvider.tsx';
import { AccountStep } from '../steps/account/AccountStep.tsx';
import { FileStep } from '../steps/file/FileStep.tsx';
import { MappingStep } from '../steps/mapping/MappingStep.tsx';
import { ResultsStep } from '../steps/results/ResultsStep.tsx';
import { ReviewStep } from '../steps/review/ReviewStep.tsx';
import { UploadStep } from '../steps/upload/UploadStep.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { runs } from './runs.ts';
import { StepBar } from './StepBar.tsx';
import { useOutsideFiles } from './useOutsideFiles.ts';
import { initialWizard, wizardReducer, type Step, type WizardAction } from './wizard.ts';

export function App() {
  const { t } = useLanguage();
  const [wizard, dispatchStep] = useReducer(wizardReducer, initialWizard);
  const { dispatch, waiting } = useOutsideFiles(wizard.current, dispatchStep);
  useEffect(() => runs.start(), []);
  const back = wizard.history.length > 0 ? () => dispatch({ type: 'back' }) : undefined;
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t.appTitle}</span>
        <StepBar current={wizard.current.step} />
        <LanguageSwitch />
      </header>
      <main className="app-main" aria-labelledby="step-title">
        {waiting !== undefined && (
          <p className="waiting-file" role="status">
            {t.waitingFile(waiting.path?.split(/[\\/]/).pop())}
          </p>
        )}
        <ProjectProvider current={wizard.current} dispatch={dispatch}>
          <CurrentStep step={wizard.current} dispatch={dispatch} back={back} />
        </ProjectProvider>
      </main>
    </div>
  );
}

interface CurrentStepProps {
  step: Step;
  dispatch: (action: WizardAction) => void;
  back: (() => void) | undefined;
}

/** Keyed by step so every step starts with fresh local state, including after Back. */
function CurrentStep({ step, dispatch, back }: CurrentStepProps) {
  switch (step.step) {
    case 'account':
      return <AccountStep key="account" dispatch={dispatch} />;
    case 'file':
      return <FileStep key="file" state={step} dispatch={dispatch} back={back} />;
    case 'mapping':
      return <MappingStep key="mapping" state={step} dispatch={dispatch} back={back} />;
    case 'review':
      return <ReviewStep key="review" state={step} dispatch={dispatch} back={back} />;
    case 'upload':
      return <UploadStep key={`upload-${step.runId}`} state={step} dispatch={dispatch} />;
    case 'results':
      return <ResultsStep key="results" state={step} dispatch={dispatch} />;
  }
}
