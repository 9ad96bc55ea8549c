import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.tsx';

interface StepLayoutProps {
  title: string;
  intro?: ReactNode;
  back?: (() => void) | undefined;
  /** The step's way forward, at the right of the footer. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame every step shares: a heading, the body, and Back on the left of the footer. */
export function StepLayout({ title, intro, back, actions, children }: StepLayoutProps) {
  const { t } = useLanguage();
  return (
    <section className="step-layout">
      <h1 id="step-title">{title}</h1>
      {intro !== undefined && <p className="intro">{intro}</p>}
      <div className="step-body">{children}</div>
      <footer className="step-footer">
        {back !== undefined ? (
          <button type="button" onClick={back}>
            ← {t.back}
          </button>
        ) : (
          <span />
        )}
        <div className="step-actions">{actions}</div>
      </footer>
    </section>
  );
}
