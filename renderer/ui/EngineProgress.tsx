import { useState } from 'react';
import type { AppEvent } from '../../main/contract/events.ts';
import { useLanguage } from '../i18n/language.tsx';
import { useAppEvents } from './useAppEvents.ts';

type EngineEvent = Extract<AppEvent, { type: 'engine-progress' }>;

/** Shown while the engine works: which stage, and how far when the engine knows the total. */
export function EngineProgress({ label }: { label: string }) {
  const { t } = useLanguage();
  const [progress, setProgress] = useState<EngineEvent | undefined>();
  useAppEvents((event) => {
    if (event.type === 'engine-progress') setProgress(event);
  });
  const known = progress !== undefined && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <div className="engine-progress" role="status">
      <span>
        {label}
        {progress !== undefined && ` — ${t.engineStages[progress.stage]}`}
        {percent !== undefined && ` ${percent}%`}
      </span>
      <progress aria-label={label} max={100} value={percent} />
    </div>
  );
}
