import { useEffect, useState } from 'react';
import type { AccountView, ConnectionReport } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { chosenFrom, type WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { AccountForm } from './AccountForm.tsx';
import { AccountList } from './AccountList.tsx';
import { ConnectionTest } from './ConnectionTest.tsx';

type Listing = { kind: 'loading' } | { kind: 'failed'; problem: ProblemView } | { kind: 'ready'; accounts: AccountView[]; keychain?: ProblemView };

export function AccountStep({ dispatch }: { dispatch: (action: WizardAction) => void }) {
  const { t } = useLanguage();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [selected, setSelected] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [report, setReport] = useState<ConnectionReport | undefined>();
  const [justAdded, setJustAdded] = useState<string | undefined>();

  const load = async (select?: string) => {
    const reply = await api().listAccounts({});
    if (!reply.ok) return setListing({ kind: 'failed', problem: reply.error });
    const { accounts, keychain } = reply.value;
    setListing({ kind: 'ready', accounts, ...(keychain === undefined ? {} : { keychain }) });
    setSelected((current) => select ?? current ?? accounts[0]?.id);
    if (accounts.length === 0) setAdding(true);
  };
  useEffect(() => void load(), []);

  const accounts = listing.kind === 'ready' ? listing.accounts : [];
  const account = accounts.find((a) => a.id === selected);
  const select = (id: string) => {
    setSelected(id);
    setReport(undefined);
  };
  const next = account === undefined ? undefined : () => dispatch({ type: 'go', to: { step: 'file', chosen: chosenFrom(account, report) } });

  return (
    <StepLayout
      title={t.account.title}
      intro={t.account.intro}
      actions={
        <button type="button" className="primary" disabled={next === undefined} onClick={next}>
          {t.continue} →
        </button>
      }
    >
      {listing.kind === 'loading' && <p role="status">{t.loading}</p>}
      {listing.kind === 'failed' && <ProblemNote problem={listing.problem} />}
      {listing.kind === 'ready' && (
        <>
          {listing.keychain !== undefined && <ProblemNote problem={listing.keychain} />}
          {accounts.length === 0 ? <p className="empty">{t.account.none}</p> : <AccountList accounts={accounts} selected={selected} onSelect={select} />}
          {account !== undefined && (
            <ConnectionTest
              key={account.id}
              account={account}
              focus={justAdded === account.id}
              report={report}
              onReport={setReport}
              onChanged={(view) => void load(view.id)}
            />
          )}
          {adding ? (
            <AccountForm
              onCancel={accounts.length > 0 ? () => setAdding(false) : undefined}
              onAdded={(view) => {
                setAdding(false);
                setReport(undefined);
                setJustAdded(view.id);
                void load(view.id);
              }}
            />
          ) : (
            <button type="button" onClick={() => setAdding(true)}>
              + {t.account.add}
            </button>
          )}
        </>
      )}
    </StepLayout>
  );
}
