import { useEffect, useState } from 'react';
import type { PickerItem, PickerKind } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';

export type Picker = { kind: 'loading' } | { kind: 'failed'; problem: ProblemView } | { kind: 'ready'; items: PickerItem[]; cached: boolean };
export type Pickers = Record<'employees' | 'sites' | 'campaigns', Picker>;

const LOADING: Pickers = { employees: { kind: 'loading' }, sites: { kind: 'loading' }, campaigns: { kind: 'loading' } };

async function load(accountId: string, kind: PickerKind): Promise<Picker> {
  const reply = await api().loadPicker({ accountId, kind });
  return reply.ok ? { kind: 'ready', items: reply.value.items, cached: reply.value.cached } : { kind: 'failed', problem: reply.error };
}

/**
 * The account's employees, sites and campaigns. Employees come first and `ready` says so:
 * main matches operator names against them, so validating earlier would block every chat.
 */
export function usePickers(accountId: string): { pickers: Pickers; employeesSettled: boolean } {
  const [pickers, setPickers] = useState<Pickers>(LOADING);
  useEffect(() => {
    let live = true;
    const put = (kind: keyof Pickers) => (picker: Picker) => live && setPickers((p) => ({ ...p, [kind]: picker }));
    void load(accountId, 'employees').then(put('employees'));
    void load(accountId, 'sites').then(put('sites'));
    void load(accountId, 'campaigns').then(put('campaigns'));
    return () => {
      live = false;
    };
  }, [accountId]);
  return { pickers, employeesSettled: pickers.employees.kind !== 'loading' };
}
