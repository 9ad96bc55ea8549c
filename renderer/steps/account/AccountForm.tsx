import { useId, useState, type FormEvent } from 'react';
import type { AccountChange, AccountView } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

type Service = 'callgear' | 'comagic' | 'uis' | 'custom';

interface Draft {
  name: string;
  service: Service;
  url: string;
  auth: 'key' | 'login';
  login: string;
  secret: string;
}

const EMPTY: Draft = { name: '', service: 'callgear', url: '', auth: 'key', login: '', secret: '' };

/** The saved account as the form shows it; the secret is never sent back, so it starts empty. */
function draftOf(account: AccountView): Draft {
  return { name: account.name, service: account.brand, url: account.brand === 'custom' ? account.endpoint : '', auth: account.auth, login: account.login ?? '', secret: '' };
}

/**
 * Only what the person changed: a name alone keeps the lists picked from the account, while a new
 * address forgets them, and an agent's customer, which belonged to the old address.
 */
function changesFrom(account: AccountView, draft: Draft): AccountChange['changes'] {
  const before = draftOf(account);
  const changes: AccountChange['changes'] = {};
  if (draft.name !== before.name) changes.name = draft.name;
  if (draft.auth !== before.auth) changes.auth = draft.auth;
  if (draft.auth === 'login' && draft.login !== before.login) changes.login = draft.login;
  const moved = draft.service !== before.service || (draft.service === 'custom' && draft.url !== before.url);
  if (moved) {
    changes.brand = draft.service;
    if (draft.service === 'custom') changes.endpoint = draft.url;
    if (account.customer !== undefined) changes.customer = null;
  }
  return changes;
}

/** The sandbox's demo customer key (main/sandbox/README.md): a rehearsal needs no real account. */
const REHEARSAL_KEY = 'demo-customer-access-key';

type Saving = { kind: 'editing' } | { kind: 'saving' } | { kind: 'failed'; problem: ProblemView };

interface AccountFormProps {
  /** The account to change; a new one is added without it. */
  account?: AccountView;
  /** Take the focus on opening: the control that had it is gone. */
  focus?: boolean;
  onSaved(view: AccountView): void;
  onCancel: (() => void) | undefined;
}

/** A new account, or a saved one changed: its name, address, sign-in, and a new key or password. */
export function AccountForm({ account, focus = false, onSaved, onCancel }: AccountFormProps) {
  const { t } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(account === undefined ? EMPTY : draftOf(account));
  const [saving, setSaving] = useState<Saving>({ kind: 'editing' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const rehearse = () => setDraft({ name: t.account.rehearsalName, service: 'custom', url: 'http://127.0.0.1:', auth: 'key', login: '', secret: REHEARSAL_KEY });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving({ kind: 'saving' });
    const reply = await (account === undefined ? add(draft) : update(account, draft));
    if (!reply.ok) return setSaving({ kind: 'failed', problem: reply.error });
    setDraft(EMPTY);
    setSaving({ kind: 'editing' });
    onSaved(reply.value);
  };
  // Switching between a key and a login needs the new secret; otherwise an empty one keeps the saved one.
  const secretRequired = account === undefined || draft.auth !== account.auth || account.secret === 'missing';
  const secretHint = secretRequired ? t.account.secretHint : draft.auth === 'key' ? t.account.keepKey : t.account.keepPassword;

  return (
    <form className="card account-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{account === undefined ? t.account.addTitle : t.account.editTitle(account.name)}</h2>
      {account === undefined && (
        <div className="rehearsal">
          <p>{t.account.rehearsalExplained}</p>
          <button type="button" onClick={rehearse}>
            {t.account.rehearse}
          </button>
        </div>
      )}
      <label className="field">
        <span>{t.account.name}</span>
        <input required value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" autoFocus={account !== undefined || focus} />
      </label>
      <label className="field">
        <span>{t.account.service}</span>
        <select value={draft.service} onChange={(e) => set('service', e.target.value as Service)}>
          {(['callgear', 'comagic', 'uis', 'custom'] as const).map((service) => (
            <option key={service} value={service}>
              {t.account.brands[service]}
            </option>
          ))}
        </select>
      </label>
      {draft.service === 'custom' && (
        <div className="field">
          <label htmlFor={`${id}-url`}>{t.account.url}</label>
          <input id={`${id}-url`} required type="url" value={draft.url} onChange={(e) => set('url', e.target.value)} placeholder="https://…/v2.0" aria-describedby={`${id}-url-hint`} />
          <small id={`${id}-url-hint`}>{t.account.urlHint}</small>
        </div>
      )}
      <fieldset className="inline-choices">
        <legend>{t.account.signIn}</legend>
        <label>
          <input type="radio" name={`${id}-auth`} checked={draft.auth === 'key'} onChange={() => set('auth', 'key')} /> {t.account.byKey}
        </label>
        <label>
          <input type="radio" name={`${id}-auth`} checked={draft.auth === 'login'} onChange={() => set('auth', 'login')} /> {t.account.byLogin}
        </label>
      </fieldset>
      {draft.auth === 'login' && (
        <label className="field">
          <span>{t.account.login}</span>
          <input required value={draft.login} onChange={(e) => set('login', e.target.value)} autoComplete="username" />
        </label>
      )}
      <div className="field">
        <label htmlFor={`${id}-secret`}>{draft.auth === 'key' ? t.account.key : t.account.password}</label>
        <input
          id={`${id}-secret`}
          required={secretRequired}
          type="password"
          value={draft.secret}
          onChange={(e) => set('secret', e.target.value)}
          autoComplete="off"
          aria-describedby={`${id}-secret-hint`}
        />
        <small id={`${id}-secret-hint`}>{secretHint}</small>
      </div>
      {saving.kind === 'failed' && <ProblemNote problem={saving.problem} />}
      <div className="form-actions">
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
        <button type="submit" className="primary" disabled={saving.kind === 'saving'}>
          {saving.kind === 'saving' ? t.saving : account === undefined ? t.account.save : t.account.saveChanges}
        </button>
      </div>
    </form>
  );
}

function add(draft: Draft) {
  const endpoint = draft.service === 'custom' ? { endpoint: draft.url } : {};
  const login = draft.auth === 'login' ? { login: draft.login } : {};
  return api().addAccount({ name: draft.name, brand: draft.service, auth: draft.auth, secret: draft.secret, ...endpoint, ...login });
}

function update(account: AccountView, draft: Draft) {
  const secret = draft.secret === '' ? {} : { secret: draft.secret };
  return api().updateAccount({ id: account.id, changes: changesFrom(account, draft), ...secret });
}
