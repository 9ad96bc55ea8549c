import type { AccountView, ConnectionReport } from '../../main/contract/accounts.ts';
import type { TableSummaryView, ValidationSummaryView, WorkbookSummaryView } from '../../main/contract/engine.ts';
import type { Mapping } from '../../main/mapping/model.ts';
import type { Summary } from '../../main/contract/upload-events.ts';
import type { Remembered } from '../steps/mapping/remembered.ts';

/** The account chosen for this import, with what "Test connection" learnt about it. */
export interface Chosen {
  account: AccountView;
  /** The account's time zone when a connection test told it. */
  timezone?: string;
}

/** A spreadsheet the File step opens as it shows: this path, or the open dialog when there is none. */
export interface FileOpening {
  path?: string;
}

/** Each step carries exactly what it needs (STYLE.md lesson 8); history makes Back exact. */
export type Step =
  | { step: 'account' }
  | { step: 'file'; chosen: Chosen; opening?: FileOpening }
  /** `remembered`: what a template or past import did to the mapping; unset until it was looked for. */
  | { step: 'mapping'; chosen: Chosen; workbook: WorkbookSummaryView; table: TableSummaryView; mapping: Mapping; remembered?: Remembered }
  /** `retry`: back from Results to fix the chats CallGear refused and send them into the same journal. */
  | { step: 'review'; chosen: Chosen; workbook: WorkbookSummaryView; table: TableSummaryView; summary: ValidationSummaryView; retry?: Retry }
  | { step: 'upload'; chosen: Chosen; file: string; runId: string; journalDir: string; reviewed: Reviewed }
  | { step: 'results'; chosen: Chosen; file: string; journalDir: string; summary: Summary; ended: 'finished' | 'cancelled' | 'stopped'; reviewed: Reviewed };

/** The review as the upload left it, kept so that "Upload again what failed" can return to it. */
export interface Reviewed {
  workbook: WorkbookSummaryView;
  table: TableSummaryView;
  summary: ValidationSummaryView;
}

/** What the last upload into `journalDir` left: chats refused, and chats CallGear already has. */
export interface Retry {
  journalDir: string;
  failed: number;
  uploaded: number;
}

export type StepName = Step['step'];

export const STEP_ORDER: readonly StepName[] = ['account', 'file', 'mapping', 'review', 'upload', 'results'];

export interface Wizard {
  current: Step;
  history: Step[];
}

export type WizardAction =
  /** Move forward; `replaceCurrent` updates what the step being left remembers (its last mapping). */
  | { type: 'go'; to: Step; replaceCurrent?: Step }
  | { type: 'back' }
  /** Once an upload starts there is no way back into the import: the history is cleared. */
  | { type: 'commit'; to: Step }
  /** Opening a project lands on a later step; the steps it skipped become the history for Back. */
  | { type: 'jump'; to: Step; history: Step[] }
  | { type: 'restart' };

export const initialWizard: Wizard = { current: { step: 'account' }, history: [] };

export function wizardReducer(state: Wizard, action: WizardAction): Wizard {
  switch (action.type) {
    case 'go':
      return { current: action.to, history: [...state.history, action.replaceCurrent ?? state.current] };
    case 'back': {
      const previous = state.history.at(-1);
      return previous === undefined ? state : { current: previous, history: state.history.slice(0, -1) };
    }
    case 'commit':
      return { current: action.to, history: [] };
    case 'jump':
      return { current: action.to, history: action.history };
    case 'restart':
      return initialWizard;
  }
}

export function chosenFrom(account: AccountView, report: ConnectionReport | undefined): Chosen {
  const timezone = report?.outcome === 'ok' ? report.account?.timezone : undefined;
  return timezone === undefined ? { account } : { account, timezone };
}
