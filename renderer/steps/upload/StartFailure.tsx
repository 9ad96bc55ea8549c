import type { ProblemView } from '../../../main/contract/api.ts';
import { OFFLINE } from '../../../main/contract/offline.ts';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { OfflineNotice } from './OfflineNotice.tsx';

/** Why "Upload" did not start: offline gets its own answer (save or try again); the rest is said as it is. */
export function StartFailure({ problem, onRetry }: { problem: ProblemView; onRetry(): void }) {
  return problem.code === OFFLINE ? <OfflineNotice problem={problem} onRetry={onRetry} /> : <ProblemNote problem={problem} />;
}
