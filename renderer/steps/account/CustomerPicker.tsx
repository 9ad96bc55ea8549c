import { useId, useState } from 'react';
import type { AccountView } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';

interface CustomerPickerProps {
  account: AccountView;
  customers: { userId: number; name: string }[];
  onChanged(view: AccountView): void;
}

/** An agent acts for one customer at a time; the choice is saved with the account. */
export function CustomerPicker({ account, customers, onChanged }: CustomerPickerProps) {
  const { t } = useLanguage();
  const id = useId();
  const [problem, setProblem] = useState<ProblemView | undefined>();
  const choose = async (userId: number) => {
    const customer = customers.find((c) => c.userId === userId);
    const reply = await api().updateAccount({ id: account.id, changes: { customer: customer ?? null } });
    if (!reply.ok) return setProblem(reply.error);
    setProblem(undefined);
    onChanged(reply.value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t.account.customer}</label>
      <select id={id} value={account.customer?.userId ?? ''} onChange={(e) => void choose(Number(e.target.value))}>
        <option value="" disabled>
          {t.account.chooseCustomer}
        </option>
        {customers.map((c) => (
          <option key={c.userId} value={c.userId}>
            {c.name}
          </option>
        ))}
      </select>
      {problem !== undefined && <ProblemNote problem={problem} />}
    </div>
  );
}
