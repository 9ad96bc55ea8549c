import { useId, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../main/contract/accounts.ts';
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

/** The sandbox's demo customer key (main/sandbox/README.md): a rehearsal needs no real account. */
const REHEARSAL_KEY = 'demo-customer-access-key';

type Saving = { kind: 'editing' } | { kind: 'saving' } | { kind: 'failed'; problem: ProblemView };

interface AccountFormProps {
  onAdded(view: AccountView): void;
  onCancel: (() => void) | undefined;
}

export function AccountForm({ onAdded, onCancel }: AccountFormProps) {
  const { t } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saving, setSaving] = useState<Saving>({ kind: 'editing' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const rehearse = () => setDraft({ name: t.account.rehearsalName, service: 'custom', url: 'http://127.0.0.1:', auth: 'key', login: '', secret: REHEARSAL_KEY });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving({ kind: 'saving' });
    const endpoint = draft.service === 'custom' ? { endpoint: draft.url } : {};
    const login = draft.auth === 'login' ? { login: draft.login } : {};
    const reply = await api().addAccount({ name: draft.name, brand: draft.service, auth: draft.auth, secret: draft.secret, ...endpoint, ...login });
    if (!reply.ok) return setSaving({ kind: 'failed', problem: reply.error });
    setDraft(EMPTY);
    setSaving({ kind: 'editing' });
    onAdded(reply.value);
  };

  return (
    <form className="card account-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.account.addTitle}</h2>
      <div className="rehearsal">
        <p>{t.account.rehearsalExplained}</p>
        <button type="button" onClick={rehearse}>
          {t.account.rehearse}
        </button>
      </div>
      <label className="field">
        <span>{t.account.name}</span>
        <input required value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
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
        <input id={`${id}-secret`} required type="password" value={draft.secret} onChange={(e) => set('secret', e.target.value)} autoComplete="off" aria-describedby={`${id}-secret-hint`} />
        <small id={`${id}-secret-hint`}>{t.account.secretHint}</small>
      </div>
      {saving.kind === 'failed' && <ProblemNote problem={saving.problem} />}
      <div className="form-actions">
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
        <button type="submit" className="primary" disabled={saving.kind === 'saving'}>
          {saving.kind === 'saving' ? t.saving : t.account.save}
        </button>
      </div>
    </form>
  );
}
