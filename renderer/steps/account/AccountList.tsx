import type { Ref } from 'react';
import type { AccountView } from '../../../main/contract/accounts.ts';
import { useLanguage } from '../../i18n/language.tsx';

interface AccountListProps {
  accounts: AccountView[];
  selected: string | undefined;
  onSelect(id: string): void;
  ref?: Ref<HTMLFieldSetElement>;
}

/** The saved accounts as radio buttons: arrow keys move between them. */
export function AccountList({ accounts, selected, onSelect, ref }: AccountListProps) {
  const { t } = useLanguage();
  return (
    <fieldset className="account-list" ref={ref}>
      <legend>{t.account.saved}</legend>
      {accounts.map((account) => (
        <label key={account.id} className="choice">
          <input type="radio" name="account" value={account.id} checked={account.id === selected} onChange={() => onSelect(account.id)} />
          <span className="choice-title">{account.name}</span>
          <span className="choice-detail">
            {account.brand === 'custom' ? account.endpoint : t.account.brands[account.brand]}
            {account.customer !== undefined && ` · ${t.account.customerIs(account.customer.name)}`}
            {account.secret !== 'present' && ` · ${t.account.secret[account.secret]}`}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
