import { useEffect, useRef, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import { api } from '../../api.ts';
import { settleDelay } from './settle.ts';

export type Validation =
  | { kind: 'waiting' }
  | { kind: 'checking'; last?: ValidationSummaryView }
  | { kind: 'failed'; problem: ProblemView }
  | { kind: 'checked'; summary: ValidationSummaryView };

/** Re-validates whenever the mapping changes; an answer to an older mapping is dropped. */
export function useValidation(mapping: Mapping, enabled: boolean): Validation {
  const [validation, setValidation] = useState<Validation>({ kind: 'waiting' });
  const asked = useRef(0);
  const lastChange = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const ask = ++asked.current;
    const now = performance.now();
    const delay = settleDelay(now, lastChange.current);
    lastChange.current = now;
    setValidation((v) => ({ kind: 'checking', ...(v.kind === 'checked' ? { last: v.summary } : v.kind === 'checking' && v.last ? { last: v.last } : {}) }));
    const timer = setTimeout(() => {
      void api()
        .applyMapping({ mapping })
        .then((reply) => {
          if (ask !== asked.current) return;
          setValidation(reply.ok ? { kind: 'checked', summary: reply.value } : { kind: 'failed', problem: reply.error });
        });
    }, delay);
    return () => clearTimeout(timer);
  }, [mapping, enabled]);
  return validation;
}
