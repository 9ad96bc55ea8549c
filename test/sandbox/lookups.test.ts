import { describe, expect, it } from 'vitest';
import { call, outcome, start } from './helpers.ts';

type Row = Record<string, unknown>;

describe('sandbox: lookup methods', () => {
  it('serves sites, campaigns and employees of the demo account', async () => {
    const { sandbox } = await start();
    const key = sandbox.demoKey;
    const sites = await call(sandbox.url, 'get.sites', { access_token: key, fields: ['id', 'domain_name'] });
    expect(sites.result?.data).toEqual([{ id: 9, domain_name: 'shop.example' }, { id: 12, domain_name: 'blog.shop.example' }, { id: 15, domain_name: 'shop-kz.example' }, { id: 4501, domain_name: 'coffee.example' }, { id: 4502, domain_name: 'tea.example' }]);
    const campaigns = await call(sandbox.url, 'get.campaigns', { access_token: key });
    expect(campaigns.result?.data).toContainEqual(expect.objectContaining({ id: 202, name: 'Spring sale ads', site_id: 9, site_domain_name: 'shop.example' }));
    const employees = await call(sandbox.url, 'get.employees', { access_token: key });
    expect(employees.result?.data).toHaveLength(9);
    expect(employees.result?.data).toContainEqual(expect.objectContaining({ id: 3101, full_name: 'Анна Смирнова', email: 'a.smirnova@shop.example' }));
    expect(employees.result?.metadata?.total_items).toBe(9);
  });

  it('pages by limit and offset (default 1000) with total_items', async () => {
    const { sandbox } = await start({ employees: 2500 });
    const page = (params: Row) => call(sandbox.url, 'get.employees', { access_token: sandbox.demoKey, fields: ['id'], ...params });
    const first = await page({});
    expect(first.result?.data).toHaveLength(1000);
    expect(first.result?.metadata?.total_items).toBe(2500);
    const last = await page({ offset: 2000, limit: 10_000 });
    expect(last.result?.data).toHaveLength(500);
    const ids: unknown[] = [];
    for (let offset = 0; offset < 2500; offset += 1000) ids.push(...((await page({ offset })).result?.data as Row[]).map((r) => r.id));
    expect(new Set(ids).size).toBe(2500);
  });

  it('can return short pages before the end while total_items stays true', async () => {
    const { sandbox } = await start({ employees: 40, switches: { shortPageSize: 7 } });
    const first = await call(sandbox.url, 'get.employees', { access_token: sandbox.demoKey, limit: 20 });
    expect(first.result?.data).toHaveLength(7);
    expect(first.result?.metadata?.total_items).toBe(40);
    const seen: unknown[] = [];
    for (let offset = 0; offset < 40; ) {
      const rows = (await call(sandbox.url, 'get.employees', { access_token: sandbox.demoKey, limit: 20, offset })).result?.data as Row[];
      seen.push(...rows.map((r) => r.id));
      offset += rows.length;
    }
    expect(new Set(seen).size).toBe(40);
  });

  it('filters by leaf and group with =, != and in', async () => {
    const { sandbox } = await start();
    const ids = async (filter: unknown) =>
      ((await call(sandbox.url, 'get.campaigns', { access_token: sandbox.demoKey, filter, fields: ['id'] })).result?.data as Row[]).map((r) => r.id);
    expect(await ids({ field: 'site_id', operator: '=', value: 9 })).toEqual([201, 202]);
    expect(await ids({ field: 'site_id', operator: '!=', value: 9 })).toEqual([203, 204]);
    expect(await ids({ field: 'id', operator: 'in', value: [204, 201, 7] })).toEqual([201, 204]);
    const group = { condition: 'or', filters: [{ field: 'name', operator: '=', value: 'Blog readers' }, { condition: 'and', filters: [{ field: 'site_id', operator: '=', value: 9 }, { field: 'status', operator: '=', value: 'active' }] }] };
    expect(await ids(group)).toEqual([201, 202, 203]);
  });

  it('refuses unknown or unfilterable fields and bad operators', async () => {
    const { sandbox } = await start();
    const ask = (params: Row) => call(sandbox.url, 'get.campaigns', { access_token: sandbox.demoKey, ...params });
    expect(outcome(await ask({ filter: { field: 'colour', operator: '=', value: 1 } }))).toEqual({ mnemonic: 'unexpected_parameters', field: 'filter.field' });
    expect(outcome(await ask({ filter: { field: 'description', operator: '=', value: 'x' } }))).toEqual({ mnemonic: 'filter_prohibited', field: 'filter.field' });
    expect(outcome(await ask({ filter: { field: 'id', operator: '~', value: 1 } }))).toEqual({ mnemonic: 'invalid_parameter_value', field: 'filter.operator' });
    expect(outcome(await ask({ filter: { field: 'id', operator: 'in', value: 1 } }))).toEqual({ mnemonic: 'data_type_error', field: 'filter.value' });
    const nested = { condition: 'and', filters: [{ field: 'id', operator: '=', value: 1 }, { field: 'type', operator: '=', value: 'basic' }] };
    expect(outcome(await ask({ filter: nested }))).toEqual({ mnemonic: 'filter_prohibited', field: 'filter.filters.1.field' });
    expect(outcome(await ask({ fields: ['id', 'budget'] }))).toEqual({ mnemonic: 'unexpected_parameters', field: 'fields' });
  });

  it('sorts by sortable fields only', async () => {
    const { sandbox } = await start();
    const sorted = await call(sandbox.url, 'get.campaigns', { access_token: sandbox.demoKey, sort: [{ field: 'name', order: 'desc' }], fields: ['name'] });
    expect(sorted.result?.data).toEqual([{ name: 'Spring sale ads' }, { name: 'Organic search' }, { name: 'Kazakhstan launch' }, { name: 'Blog readers' }]);
    const refused = await call(sandbox.url, 'get.campaigns', { access_token: sandbox.demoKey, sort: [{ field: 'id', order: 'asc' }] });
    expect(outcome(refused)).toEqual({ mnemonic: 'sort_prohibited', field: 'sort.0.field' });
  });

  it('get.account can print its metadata as meta_data, as the docs show', async () => {
    const { sandbox } = await start({ switches: { accountMetadataKey: 'meta_data' } });
    const account = await call(sandbox.url, 'get.account', { access_token: sandbox.demoKey });
    expect(account.result).toHaveProperty('meta_data.limits');
    expect(account.result).not.toHaveProperty('metadata');
    const sites = await call(sandbox.url, 'get.sites', { access_token: sandbox.demoKey });
    expect(sites.result).toHaveProperty('metadata.limits');
  });

  it('takes the account time zone from the options', async () => {
    const { sandbox } = await start({ timezone: 'Asia/Dubai' });
    expect((await call(sandbox.url, 'get.account', { access_token: sandbox.demoKey })).result?.data).toEqual([{ app_id: 10101, name: 'Demo Shop', timezone: 'Asia/Dubai' }]);
  });
});
