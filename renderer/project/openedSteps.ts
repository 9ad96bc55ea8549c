import type { ReplyOf } from '../../main/contract/channels.ts';
import type { Chosen, Step } from '../app/wizard.ts';

type Opened = Extract<NonNullable<ReplyOf<'openProject'>>, { status: 'opened' }>;

/**
 * An opened project lands on Review; the steps before it are rebuilt from what the project
 * holds, so Back goes to its mapping and its file as if the person had walked there.
 */
export function openedSteps(opened: Opened, chosen: Chosen): { to: Step; history: Step[] } {
  const { workbook, table, validation } = opened;
  return {
    to: { step: 'review', chosen, workbook, table, summary: validation },
    history: [{ step: 'account' }, { step: 'file', chosen }, { step: 'mapping', chosen, workbook, table, mapping: validation.mapping }],
  };
}
