import { useCallback, useEffect, useState } from 'react';
import type { PickerItem, PickerKind } from '../../../main/contract/accounts.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import { api } from '../../api.ts';

/**
 * One list from the account. `stale`: the copy kept from `fetchedAt`, because fetching a fresh one
 * failed for that reason; `refreshing`: a fresh one is on its way and this one stays on screen.
 */
export type Picker =
  | { kind: 'loading' }
  | { kind: 'failed'; problem: ProblemView }
  | { kind: 'ready'; items: PickerItem[]; fetchedAt: number; stale?: ProblemView; refreshing?: boolean };
export type Pickers = Record<'employees' | 'sites' | 'campaigns', Picker>;

const KINDS = ['employees', 'sites', 'campaigns'] as const;
const LOADING: Pickers = { employees: { kind: 'loading' }, sites: { kind: 'loading' }, campaigns: { kind: 'loading' } };

async function load(accountId: string, kind: PickerKind, refresh: boolean): Promise<Picker> {
  const reply = await api().loadPicker({ accountId, kind, refresh });
  if (!reply.ok) return { kind: 'failed', problem: reply.error };
  const { items, fetchedAt, stale } = reply.value;
  return stale === undefined ? { kind: 'ready', items, fetchedAt } : { kind: 'ready', items, fetchedAt, stale };
}

function refreshing(picker: Picker): Picker {
  return picker.kind === 'ready' ? { ...picker, refreshing: true } : { kind: 'loading' };
}

export function needsRefresh(pickers: Pickers): boolean {
  return KINDS.some((kind) => {
    const picker = pickers[kind];
    return picker.kind === 'failed' || (picker.kind === 'ready' && picker.stale !== undefined);
  });
}

const settled = (picker: Picker): boolean => picker.kind !== 'loading' && !(picker.kind === 'ready' && picker.refreshing === true);

/**
 * The account's employees, sites and campaigns. `listsSettled` says all three have come (or
 * failed): main validates against them (operator names become employee ids; a site or campaign
 * the account lacks blocks its chat), so validating earlier would judge by half the lists, and
 * refreshed lists are validated against again. Lists kept from an earlier day stand in while
 * offline; `refresh` asks again, and so does the system saying it is back online.
 */
export function usePickers(accountId: string): { pickers: Pickers; listsSettled: boolean; refresh(): void } {
  const [pickers, setPickers] = useState<Pickers>(LOADING);
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    if (round > 0) setPickers((p) => ({ employees: refreshing(p.employees), sites: refreshing(p.sites), campaigns: refreshing(p.campaigns) }));
    for (const kind of KINDS) void load(accountId, kind, round > 0).then((picker) => live && setPickers((p) => ({ ...p, [kind]: picker })));
    return () => {
      live = false;
    };
  }, [accountId, round]);
  const offline = needsRefresh(pickers);
  useEffect(() => {
    if (!offline) return;
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [offline, refresh]);
  return { pickers, listsSettled: KINDS.every((kind) => settled(pickers[kind])), refresh };
}
