import { useEffect, useState } from 'react';
import type { AppliedTemplate } from '../../../main/contract/templates.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import type { TableSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';
import type { Chosen } from '../../app/wizard.ts';
import { forAccount } from './for-account.ts';

/** What a remembered mapping did on this step; `before` is what Undo brings back. */
export type Remembered =
  | { kind: 'none' }
  | { kind: 'applied'; applied: AppliedTemplate; before: Mapping }
  | { kind: 'undone'; applied: AppliedTemplate };

interface Entered {
  chosen: Chosen;
  table: TableSummaryView;
  mapping: Mapping;
  remembered?: Remembered;
}

const shape = (mapping: Mapping) => JSON.stringify([mapping.layout, mapping.chat, mapping.message]);

/**
 * Only the suggestion as the file step made it is replaced by a remembered mapping: a mapping the
 * person shaped, or one a project brought, is theirs. (The file step sets only the options.)
 */
const isSuggestion = (entered: Entered) => shape(entered.mapping) === shape(entered.table.suggestion.mapping);

/**
 * Looks once for a template or past import that fits the file's headers and applies it, keeping
 * the mapping it replaced for Undo. A store that cannot be read is reported by the templates panel.
 */
export function useRemembered(entered: Entered, setMapping: (mapping: Mapping) => void) {
  const [remembered, setRemembered] = useState<Remembered | undefined>(entered.remembered ?? (isSuggestion(entered) ? undefined : { kind: 'none' }));
  const looking = remembered === undefined;
  useEffect(() => {
    if (!looking) return;
    let live = true;
    void api()
      .matchTemplate({ headers: entered.table.headers })
      .then((reply) => {
        if (!live) return;
        if (!reply.ok || reply.value === null) return setRemembered({ kind: 'none' });
        setRemembered({ kind: 'applied', applied: reply.value, before: entered.mapping });
        setMapping(forAccount(reply.value.mapping, entered.chosen.timezone));
      });
    return () => {
      live = false;
    };
  }, [looking, entered, setMapping]);

  return {
    remembered,
    apply(applied: AppliedTemplate, current: Mapping) {
      setRemembered({ kind: 'applied', applied, before: current });
      setMapping(forAccount(applied.mapping, entered.chosen.timezone));
    },
    undo() {
      if (remembered?.kind !== 'applied') return;
      setMapping(remembered.before);
      setRemembered({ kind: 'undone', applied: remembered.applied });
    },
  };
}
