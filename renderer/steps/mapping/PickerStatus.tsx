import type { ProblemView } from '../../../main/contract/api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { listDate } from './listDate.ts';
import type { Picker, Pickers } from './usePickers.ts';

type Ready = Extract<Picker, { kind: 'ready' }>;

/** No answer from the server at all, as opposed to an answer that refused. */
const offline = (problem: ProblemView) => problem.code.startsWith('transport.');

/**
 * Where the sites, campaigns and employees on this page come from: fresh from the account, kept
 * from an earlier day because the account cannot be reached (with that day), or nowhere, in which
 * case ids are typed by hand. The line keeps its place whatever it says.
 */
export function PickerStatus({ pickers, onRefresh }: { pickers: Pickers; onRefresh(): void }) {
  const { t, lang } = useLanguage();
  const all = [pickers.employees, pickers.sites, pickers.campaigns];
  const ready = all.filter((p): p is Ready => p.kind === 'ready');
  const failed = all.flatMap((p) => (p.kind === 'failed' ? [p.problem] : []));
  const stale = ready.flatMap((p) => (p.stale === undefined ? [] : [p.stale]));
  const busy = all.some((p) => p.kind === 'loading' || (p.kind === 'ready' && p.refreshing === true));
  const oldest = Math.min(...ready.map((p) => (p.stale === undefined ? Number.POSITIVE_INFINITY : p.fetchedAt)));
  const newest = Math.max(...ready.map((p) => p.fetchedAt));
  const trouble = failed[0] ?? stale[0];

  let words: string;
  let tone = '';
  if (failed.length > 0) {
    tone = 'note-error';
    words = offline(failed[0] as ProblemView) ? t.pickers.offlineNothingKept : t.pickers.failedNothingKept((failed[0] as ProblemView).message[lang]);
  } else if (stale.length > 0) {
    tone = 'note-warning';
    words = offline(stale[0] as ProblemView) ? t.pickers.offlineKept(listDate(oldest, lang)) : t.pickers.failedKept(listDate(oldest, lang), (stale[0] as ProblemView).message[lang]);
  } else if (ready.length === all.length) {
    words = t.pickers.fresh(listDate(newest, lang));
  } else {
    words = t.mapping.loadingAccount;
  }
  return (
    <div className={`picker-status note ${tone}`} data-testid="picker-status" data-state={failed.length > 0 ? 'none' : stale.length > 0 ? 'kept' : 'fresh'}>
      <p role="status">
        {words}
        {trouble !== undefined && offline(trouble) && <span className="picker-status-reason"> {trouble.message[lang]}</span>}
      </p>
      <button type="button" onClick={onRefresh} aria-busy={busy}>
        {busy ? t.pickers.refreshing : t.pickers.refresh}
      </button>
    </div>
  );
}
