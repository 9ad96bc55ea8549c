import { ok, type Result } from '../common/text.ts';
import type { CallGearClient } from '../callgear/client.ts';
import type { CallGearError } from '../callgear/errors.ts';
import type { AccountChange, PickerItem, PickerKind } from '../contract/accounts.ts';
import { memoryPickerCache, type KeptList } from '../pickers/cache.ts';
import type { HandlerDeps } from './ports.ts';
import type { ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';
import { accountName } from './uploads.ts';

async function fetchPicker(client: CallGearClient, kind: PickerKind): Promise<Result<PickerItem[], CallGearError>> {
  switch (kind) {
    case 'sites': {
      const sites = await client.getSites();
      return sites.ok ? ok(sites.value.map((s) => ({ id: s.id, label: s.domain_name ?? String(s.id) }))) : sites;
    }
    case 'campaigns': {
      const campaigns = await client.getCampaigns();
      if (!campaigns.ok) return campaigns;
      return ok(campaigns.value.map((c) => withDetail({ id: c.id, label: c.name ?? String(c.id), ...(c.site_id === undefined ? {} : { siteId: c.site_id }) }, c.site_domain_name)));
    }
    case 'employees': {
      const employees = await client.getEmployees();
      if (!employees.ok) return employees;
      return ok(employees.value.map((e) => withDetail({ id: e.id, label: e.full_name ?? String(e.id) }, e.email)));
    }
    case 'customers': {
      const customers = await client.getCustomerUsers();
      return customers.ok ? ok(customers.value.map((c) => withDetail({ id: c.id, label: c.name ?? c.login ?? String(c.id) }, c.login))) : customers;
    }
  }
}

function withDetail(item: PickerItem, detail: string | undefined): PickerItem {
  return detail === undefined ? item : { ...item, detail };
}

/** Changes after which the lists picked earlier may describe another account or customer. */
const MOVES: readonly (keyof AccountChange['changes'])[] = ['brand', 'endpoint', 'customer', 'login'];

/**
 * Validation checks the file against the lists the mapping step loaded last: operators' names and
 * e-mails become employee ids, and site and campaign ids must be the account's. A kept list serves
 * as well as a fresh one; without either (`items` undefined) sites or campaigns are not checked,
 * and employees stay as they were: a project's own, until this account's come. Another account's
 * lists are dropped at once, so they never judge this one's file.
 */
function remember(session: ImportSession, accountId: string, kind: PickerKind, items: PickerItem[] | undefined): void {
  if (session.accountIds?.accountId !== accountId) {
    if (session.accountIds?.accountId !== undefined) session.employees = [];
    session.accountIds = { accountId };
  }
  if (kind === 'sites') session.accountIds.sites = items?.map((item) => item.id);
  else if (kind === 'campaigns') session.accountIds.campaigns = items?.map(({ id, siteId }) => (siteId === undefined ? { id } : { id, siteId }));
  else if (kind === 'employees' && items) {
    session.employees = items.map((item) => ({ id: item.id, full_name: item.label, email: item.detail ?? null }));
  }
}

/**
 * Accounts (secrets stay in main) and the pickers filled from an account. A list fetched in this
 * run is reused as it is; a fetch that fails falls back to the copy kept on disk, with its date
 * and the reason, so the Mapping step works offline.
 */
export function accountHandlers(
  deps: Pick<HandlerDeps, 'accounts' | 'now' | 'pickerCache'>,
  session: ImportSession,
): HandlerGroup<'listAccounts' | 'addAccount' | 'updateAccount' | 'removeAccount' | 'testAccount' | 'loadPicker'> {
  const fresh = new Map<string, KeptList>();
  const kept = deps.pickerCache ?? memoryPickerCache();
  const forget = (accountId: string) => {
    for (const key of fresh.keys()) if (key.startsWith(`${accountId}\u0000`)) fresh.delete(key);
    kept.forget(accountId);
  };
  return {
    listAccounts: () => deps.accounts.list(),
    addAccount: (input) => deps.accounts.add(input),
    async updateAccount(change) {
      const updated = await deps.accounts.update(change);
      if (updated.ok && MOVES.some((field) => change.changes[field] !== undefined)) forget(change.id);
      return updated;
    },
    async removeAccount({ id }) {
      const removed = await deps.accounts.remove(id);
      if (!removed.ok) return removed;
      forget(id);
      return ok(null);
    },
    testAccount: ({ id }) => deps.accounts.test(id),
    async loadPicker({ accountId, kind, refresh }) {
      const key = `${accountId}\u0000${kind}`;
      const held = fresh.get(key);
      if (held !== undefined && !refresh) {
        remember(session, accountId, kind, held.items);
        return ok({ ...held, cached: true });
      }
      const client = await deps.accounts.client(accountId);
      if (!client.ok) {
        remember(session, accountId, kind, undefined);
        return client;
      }
      session.account = await accountName(deps, accountId);
      const items = await fetchPicker(client.value, kind);
      if (!items.ok) {
        const fallback = held ?? kept.read(accountId, kind);
        remember(session, accountId, kind, fallback?.items);
        if (fallback === undefined) return items;
        return ok({ ...fallback, cached: true, stale: { code: items.error.code, message: items.error.message } });
      }
      remember(session, accountId, kind, items.value);
      const list = { items: items.value, fetchedAt: deps.now() };
      fresh.set(key, list);
      kept.write(accountId, kind, list);
      return ok({ ...list, cached: false });
    },
  };
}
