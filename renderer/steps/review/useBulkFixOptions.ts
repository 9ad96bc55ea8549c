import { useEffect, useState } from 'react';
import type { BulkFixOptionView } from '../../../main/contract/bulk-fix.ts';
import type { ValidationSummaryView } from '../../../main/contract/engine.ts';
import { api } from '../../api.ts';

/** Per rule, an example of it and what a bulk fix can reach, asked again whenever the rows were validated again. */
export function useBulkFixOptions(summary: ValidationSummaryView): Map<string, BulkFixOptionView> {
  const [options, setOptions] = useState<Map<string, BulkFixOptionView>>(new Map());
  useEffect(() => {
    let live = true;
    void api()
      .bulkFixOptions({})
      .then((reply) => {
        if (live && reply.ok) setOptions(new Map(Object.entries(reply.value)));
      });
    return () => {
      live = false;
    };
  }, [summary]);
  return options;
}

/** A bulk fix means something only where some of the rule's findings sit in a column of the file. */
export const canBulkFix = (option: BulkFixOptionView | undefined): option is BulkFixOptionView => option !== undefined && option.findings > option.noColumn;
