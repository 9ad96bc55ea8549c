import { describe, expect, it } from 'vitest';
import { CallGearClient } from '../../main/callgear/client.ts';
import { ENDPOINT, fakeApi } from './fake-api.ts';

const employees = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, full_name: `Employee ${i + 1}`, email: `e${i + 1}@example.test` }));

function pagedClient(pageOf: (offset: number, limit: number) => unknown[], total: number | undefined) {
  const api = fakeApi((request) => {
    const { offset, limit } = request.params as { offset: number; limit: number };
    return { result: pageOf(offset, limit), metadata: total === undefined ? {} : { total_items: total } };
  });
  return { api, client: new CallGearClient({ endpoint: ENDPOINT, credentials: { kind: 'key', accessKey: 'k-123456' }, fetch: api.fetch }) };
}

describe('get.* lists are read to the end by limit/offset/total_items', () => {
  it('reads every page', async () => {
    const { client, api } = pagedClient((offset, limit) => employees.slice(offset, offset + limit), 25);
    const reply = await client.getEmployees({ pageSize: 10 });
    expect(reply.ok && reply.value.map((e) => e.id)).toEqual(employees.map((e) => e.id));
    expect(api.seen.map((r) => r.params.offset)).toEqual([0, 10, 20]);
  });

  it('does not stop on a short page while total_items says more remain, and loses none of its rows', async () => {
    // The server returns fewer rows than asked on the first page, as clients have observed.
    const { client, api } = pagedClient((offset, limit) => employees.slice(offset, offset + limit).slice(0, offset === 0 ? 7 : limit), 25);
    const reply = await client.getEmployees({ pageSize: 10 });
    expect(reply.ok && reply.value.map((e) => e.id)).toEqual(employees.map((e) => e.id));
    expect(api.seen.map((r) => r.params.offset)).toEqual([0, 7, 17]);
  });

  it('steps over an empty page before the end instead of stopping there', async () => {
    const { client } = pagedClient((offset, limit) => (offset === 10 ? [] : employees.slice(offset, offset + limit)), 25);
    const reply = await client.getEmployees({ pageSize: 10 });
    expect(reply.ok && reply.value.length).toBe(15);
  });

  it('without total_items, reads until an empty page', async () => {
    const { client, api } = pagedClient((offset, limit) => employees.slice(offset, offset + limit), undefined);
    const reply = await client.getEmployees({ pageSize: 10 });
    expect(reply.ok && reply.value.length).toBe(25);
    expect(api.seen).toHaveLength(4);
  });

  it('keeps a row seen twice once, when the list shifts between pages', async () => {
    const { client } = pagedClient((offset, limit) => employees.slice(Math.max(0, offset - 1), offset + limit), 25);
    const reply = await client.getEmployees({ pageSize: 10 });
    expect(reply.ok && reply.value.length).toBe(25);
  });

  it('a page that is not a list of rows is a bad reply, not a crash', async () => {
    const { client } = pagedClient(() => [{ full_name: 'no id' }], 1);
    expect(await client.getEmployees()).toMatchObject({ ok: false, error: { kind: 'transport', reason: 'bad-reply' } });
  });
});
