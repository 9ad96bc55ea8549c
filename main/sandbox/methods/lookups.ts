import { z } from 'zod';
import { ok } from '../../common/text.ts';
import { listPage, LIST_PARAMS, type ListSpec } from '../listing.ts';
import { AUTH_PARAMS, DATA_API, type MethodSpec, type World } from '../method.ts';
import { parseParams } from '../params.ts';
import type { Role } from '../auth.ts';

const ListParams = z.strictObject({ ...AUTH_PARAMS, ...LIST_PARAMS });

/** A get.* method over one reference table: every one pages, filters, sorts and shapes alike (§6.1). */
function lookup(roles: readonly Role[], spec: ListSpec, rows: (world: World) => readonly object[]): MethodSpec {
  return {
    roles,
    needsToken: true,
    customerData: roles.includes('customer'),
    components: DATA_API,
    handle: ({ params, world }) => {
      const parsed = parseParams(ListParams, params);
      if (!parsed.ok) return parsed;
      const page = listPage(rows(world) as Record<string, unknown>[], parsed.value, spec, world.switches().shortPageSize);
      if (!page.ok) return page;
      return ok({ data: page.value.data, totalItems: page.value.totalItems });
    },
  };
}

/** Field lists and what may be filtered (F) or sorted (S), from the method pages (§6.2). */
export const getCustomerUsers = lookup(
  ['agent'],
  { fields: ['id', 'login', 'name', 'description', 'customer_id'], filterable: ['id', 'name', 'customer_id'], sortable: ['name', 'customer_id'] },
  (w) => w.reference.customerUsers,
);

export const getSites = lookup(
  ['customer', 'agent'],
  {
    fields: ['id', 'domain_name', 'default_phone_number', 'site_key', 'creation_date', 'track_subdomains'],
    filterable: ['id', 'domain_name'],
    sortable: [],
  },
  (w) => w.reference.sites,
);

export const getCampaigns = lookup(
  ['customer', 'agent'],
  {
    fields: ['id', 'name', 'description', 'status', 'type', 'site_id', 'site_domain_name', 'creation_time'],
    filterable: ['id', 'name', 'status', 'site_id'],
    sortable: ['name', 'site_id'],
  },
  (w) => w.reference.campaigns,
);

export const getEmployees = lookup(
  ['customer', 'agent'],
  {
    fields: ['id', 'full_name', 'first_name', 'last_name', 'patronymic', 'email', 'status'],
    filterable: ['id', 'full_name', 'last_name', 'email'],
    sortable: ['full_name', 'last_name'],
  },
  (w) => w.reference.employees,
);
