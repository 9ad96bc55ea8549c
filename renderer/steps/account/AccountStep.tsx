import { useEffect, useRef, useState } from 'react';
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
import { RemoveAccount } from './RemoveAccount.tsx';

type Listing = { kind: 'loading' } | { kind: 'failed'; problem: ProblemView } | { kind: 'ready'; accounts: AccountView[]; keychain?: ProblemView };

export function AccountStep({ dispatch }: { dispatch: (action: WizardAction) => void }) {
  const { t } = useLanguage();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [selected, setSelected] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [report, setReport] = useState<ConnectionReport | undefined>();
  const [justAdded, setJustAdded] = useState<string | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [removed, setRemoved] = useState<string | undefined>();
  const [focusList, setFocusList] = useState(false);
  const list = useRef<HTMLFieldSetElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const load = async (select?: string) => {
    const reply = await api().listAccounts({});
    if (!reply.ok) return setListing({ kind: 'failed', problem: reply.error });
    const { accounts, keychain } = reply.value;
    setListing({ kind: 'ready', accounts, ...(keychain === undefined ? {} : { keychain }) });
    setSelected((current) => select ?? (accounts.some((a) => a.id === current) ? current : accounts[0]?.id));
    if (accounts.length === 0) setAdding(true);
  };
  // The removed account's radio is gone with the dialog: focus goes to the one now chosen.
  useEffect(() => {
    if (!focusList) return;
    list.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    setFocusList(false);
  }, [focusList]);
  useEffect(() => void load(), []);

  const accounts = listing.kind === 'ready' ? listing.accounts : [];
  const account = accounts.find((a) => a.id === selected);
  const select = (id: string) => {
    setSelected(id);
    setReport(undefined);
    setEditing(undefined);
  };
  const stopEditing = () => {
    setEditing(undefined);
    requestAnimationFrame(() => editButton.current?.focus());
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
          <p className="account-notice" role="status">
            {removed !== undefined && t.account.removed(removed)}
          </p>
          {accounts.length === 0 ? <p className="empty">{t.account.none}</p> : <AccountList ref={list} accounts={accounts} selected={selected} onSelect={select} />}
          {account !== undefined && editing !== account.id && (
            <div className="account-actions">
              <button
                type="button"
                ref={editButton}
                onClick={() => {
                  setAdding(false);
                  setEditing(account.id);
                }}
              >
                {t.account.edit}
              </button>
              <RemoveAccount
                account={account}
                onRemoved={(gone) => {
                  setReport(undefined);
                  setRemoved(gone.name);
                  void load().then(() => setFocusList(true));
                }}
              />
            </div>
          )}
          {account !== undefined && editing === account.id && (
            <AccountForm
              key={account.id}
              account={account}
              onCancel={stopEditing}
              onSaved={(view) => {
                setEditing(undefined);
                setReport(undefined);
                setJustAdded(view.id);
                void load(view.id);
              }}
            />
          )}
          {account !== undefined && editing !== account.id && (
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
              focus={removed !== undefined && accounts.length === 0}
              onCancel={accounts.length > 0 ? () => setAdding(false) : undefined}
              onSaved={(view) => {
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
