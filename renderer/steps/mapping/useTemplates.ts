import { useCallback, useEffect, useState } from 'react';
import type { ProblemView, Reply } from '../../../main/contract/api.ts';
import type { TemplateView } from '../../../main/contract/templates.ts';
import { api } from '../../api.ts';

/** The last thing done in the templates panel, said in a status line or an alert. */
export type Outcome = { kind: 'done'; said: string } | { kind: 'failed'; problem: ProblemView } | undefined;

/** The saved templates, listed again after every change; each action reports what it did. */
export function useTemplates() {
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [storeProblem, setStoreProblem] = useState<ProblemView | undefined>();
  const [outcome, setOutcome] = useState<Outcome>();

  const reload = useCallback(async () => {
    const reply = await api().listTemplates({});
    if (!reply.ok) return setStoreProblem(reply.error);
    setTemplates(reply.value.templates);
    setStoreProblem(reply.value.problem);
  }, []);
  useEffect(() => void reload(), [reload]);

  /** Runs an action; `said` words its success, or undefined when the person cancelled a dialog. */
  const act = useCallback(
    async <T>(call: Promise<Reply<T>>, said: (value: T) => string | undefined): Promise<boolean> => {
      const reply = await call;
      if (!reply.ok) {
        setOutcome({ kind: 'failed', problem: reply.error });
        return false;
      }
      // The list changes before the status line says so: "Deleted" never shows beside the deleted one.
      await reload();
      const words = said(reply.value);
      if (words !== undefined) setOutcome({ kind: 'done', said: words });
      return true;
    },
    [reload],
  );

  return { templates, storeProblem, outcome, act };
}
