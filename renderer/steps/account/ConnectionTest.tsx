import { useState } from 'react';
import type { AccountView, ConnectionReport } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { ConnectionAnswer } from './ConnectionAnswer.tsx';
import { CustomerPicker } from './CustomerPicker.tsx';

type Testing = { kind: 'idle' } | { kind: 'testing' } | { kind: 'failed'; problem: ProblemView };

interface ConnectionTestProps {
  account: AccountView;
  /** Set right after the account was added: the form that had focus is gone. */
  focus: boolean;
  report: ConnectionReport | undefined;
  onReport(report: ConnectionReport): void;
  onChanged(view: AccountView): void;
}

/** "Test connection" and its answer in words; an agent then picks the customer to import for. */
export function ConnectionTest({ account, focus, report, onReport, onChanged }: ConnectionTestProps) {
  const { t } = useLanguage();
  const [testing, setTesting] = useState<Testing>({ kind: 'idle' });
  const test = async () => {
    setTesting({ kind: 'testing' });
    const reply = await api().testAccount({ id: account.id });
    if (!reply.ok) return setTesting({ kind: 'failed', problem: reply.error });
    setTesting({ kind: 'idle' });
    onReport(reply.value);
  };
  return (
    <div className="card connection">
      <button type="button" autoFocus={focus} onClick={() => void test()} disabled={testing.kind === 'testing'}>
        {testing.kind === 'testing' ? t.account.testing : t.account.test}
      </button>
      <div aria-live="polite">
        {testing.kind === 'failed' && <ProblemNote problem={testing.problem} />}
        {report !== undefined && <ConnectionAnswer report={report} />}
      </div>
      {report?.outcome === 'ok' && report.customers !== undefined && report.customers.length > 0 && (
        <CustomerPicker account={account} customers={report.customers} onChanged={onChanged} />
      )}
      {report === undefined && account.secret === 'rejected' && <p className="note note-warning">{t.account.secret.rejected}</p>}
    </div>
  );
}
