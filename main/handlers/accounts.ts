import { ok, type Result } from '../common/text.ts';
import type { CallGearClient } from '../callgear/client.ts';
import type { CallGearError } from '../callgear/errors.ts';
import type { PickerItem, PickerKind } from '../contract/accounts.ts';
import type { HandlerDeps } from './ports.ts';
import type { ImportSession } from './session.ts';
import type { HandlerGroup } from './types.ts';
import { accountName } from './uploads.ts';

interface Cached {
  items: PickerItem[];
  fetchedAt: number;
}

async function fetchPicker(client: CallGearClient, kind: PickerKind, session: ImportSession): Promise<Result<PickerItem[], CallGearError>> {
  switch (kind) {
    case 'sites': {
      const sites = await client.getSites();
      return sites.ok ? ok(sites.value.map((s) => ({ id: s.id, label: s.domain_name ?? String(s.id) }))) : sites;
    }
    case 'campaigns': {
      const campaigns = await client.getCampaigns();
      if (!campaigns.ok) return campaigns;
      return ok(campaigns.value.map((c) => withDetail({ id: c.id, label: c.name ?? String(c.id) }, c.site_domain_name)));
    }
    case 'employees': {
      const employees = await client.getEmployees();
      if (!employees.ok) return employees;
      // The mapping step loads employees; validation then turns names and e-mails into their ids.
      session.employees = employees.value.map((e) => ({ id: e.id, full_name: e.full_name ?? String(e.id), email: e.email ?? null }));
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

/** Accounts (secrets stay in main) and the pickers filled from an account, cached for offline use. */
export function accountHandlers(
  deps: HandlerDeps,
  session: ImportSession,
): HandlerGroup<'listAccounts' | 'addAccount' | 'updateAccount' | 'removeAccount' | 'testAccount' | 'loadPicker'> {
  const cache = new Map<string, Cached>();
  return {
    listAccounts: () => deps.accounts.list(),
    addAccount: (input) => deps.accounts.add(input),
    updateAccount: (change) => deps.accounts.update(change),
    async removeAccount({ id }) {
      const removed = await deps.accounts.remove(id);
      return removed.ok ? ok(null) : removed;
    },
    testAccount: ({ id }) => deps.accounts.test(id),
    async loadPicker({ accountId, kind, refresh }) {
      const key = `${accountId}\u0000${kind}`;
      const cached = cache.get(key);
      if (cached !== undefined && !refresh) return ok({ ...cached, cached: true });
      const client = await deps.accounts.client(accountId);
      if (!client.ok) return client;
      session.account = await accountName(deps, accountId);
      const items = await fetchPicker(client.value, kind, session);
      if (!items.ok) return cached !== undefined ? ok({ ...cached, cached: true }) : items;
      const fresh = { items: items.value, fetchedAt: deps.now() };
      cache.set(key, fresh);
      return ok({ ...fresh, cached: false });
    },
  };
}
