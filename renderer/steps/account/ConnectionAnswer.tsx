import type { ConnectionReport } from '../../../main/contract/accounts.ts';
import { useLanguage } from '../../i18n/language.tsx';

/** The test's verdict in main's own words; a refusal is an alert, with the IP when it matters. */
export function ConnectionAnswer({ report }: { report: ConnectionReport }) {
  const { lang } = useLanguage();
  const ok = report.outcome === 'ok';
  return (
    <p className={`note ${ok ? 'note-ok' : 'note-error'}`} role={ok ? 'status' : 'alert'} data-outcome={report.outcome}>
      {report.message[lang]}
    </p>
  );
}
