import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallGearClient, type ClientOptions } from '../../main/callgear/client.ts';
import type { Credentials } from '../../main/callgear/auth.ts';
import type { LogEntry } from '../../main/callgear/rpc.ts';
import { startSandbox, type Faults, type Sandbox, type Switches } from '../../main/sandbox/index.ts';

/**
 * One suite of client tests, run against the sandbox in CI and against a real account when
 * CALLGEAR_ENDPOINT and CALLGEAR_TOKEN are set. Tests that need fault injection or writes run on
 * the sandbox only; everything else runs on both, so the sandbox is held to the real API.
 */
interface Target {
  endpoint: URL;
  key: string;
  login?: { login: string; password: string };
  /** The sandbox behind the target, when it is one: faults, switches and writes. */
  sandbox?: Sandbox;
}

const real = process.env.CALLGEAR_ENDPOINT && process.env.CALLGEAR_TOKEN ? { endpoint: process.env.CALLGEAR_ENDPOINT, key: process.env.CALLGEAR_TOKEN } : undefined;

function contractSuite(name: string, target: () => Target) {
  describe(`client contract: ${name}`, () => {
    const logs: LogEntry[] = [];
    const outcomes: unknown[] = [];
    const client = (extra: Partial<ClientOptions> = {}, credentials?: Credentials) => {
      const t = target();
      return new CallGearClient({ endpoint: t.endpoint, credentials: credentials ?? { kind: 'key', accessKey: t.key }, log: (e) => logs.push(e), ...extra });
    };
    const keep = <T>(value: T): T => {
      outcomes.push(value);
      return value;
    };
    const onSandbox = (title: string, body: (sandbox: Sandbox) => Promise<void>) =>
      it(title, async (context) => {
        const sandbox = target().sandbox;
        if (sandbox === undefined) return context.skip();
        await body(sandbox);
      });
    const withSwitches = async (sandbox: Sandbox, switches: Switches, body: () => Promise<void>) => {
      sandbox.setSwitches(switches);
      try {
        await body();
      } finally {
        sandbox.setSwitches({ ipNotWhitelisted: false, accountInactive: false, forbiddenMethods: [], disabledComponents: [], shortPageSize: undefined });
      }
    };
    const withFaults = async (sandbox: Sandbox, faults: Faults, body: () => Promise<void>) => {
      sandbox.setFaults(faults);
      try {
        await body();
      } finally {
        sandbox.setFaults({ rules: [], latencyMs: 0 });
      }
    };

    it('get.account names the account and its IANA time zone, and replies carry limits', async () => {
      const c = client();
      const account = keep(await c.getAccount());
      expect(account.ok && typeof account.value.app_id).toBe('number');
      expect(account.ok && account.value.timezone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+/);
      expect(c.limits.latest()?.limits.minute.remaining).toEqual(expect.any(Number));
    });

    it('sites, campaigns and employees parse, and small pages give what one big page gives', async () => {
      const c = client();
      for (const list of [() => c.getSites(), () => c.getCampaigns()]) expect(keep(await list()).ok).toBe(true);
      const whole = keep(await c.getEmployees({ pageSize: 10_000 }));
      // Small pages, but few enough requests to stay inside a real account's minute budget.
      const pageSize = Math.max(2, Math.ceil((whole.ok ? whole.value.length : 0) / 6));
      const paged = keep(await c.getEmployees({ pageSize }));
      expect(whole.ok && paged.ok && paged.value.map((e) => e.id)).toEqual(whole.ok && whole.value.map((e) => e.id));
    });

    it('a wrong key is access_token_invalid, for the person to fix', async () => {
      const reply = keep(await client({}, { kind: 'key', accessKey: 'certainly-not-a-key-0000' }).getSites());
      expect(reply).toMatchObject({ ok: false, error: { kind: 'api', mnemonic: 'access_token_invalid', action: 'user' } });
    });

    it('a request the API cannot take as sent (filter on an unknown field) is our bug, not the person\'s', async () => {
      const reply = keep(await client().getChatsReport({ dateFrom: '2024-01-01 00:00:00', dateTill: '2024-01-02 00:00:00' }, { field: 'no_such_field', operator: '=', value: 1 }));
      expect(reply).toMatchObject({ ok: false, error: { kind: 'api', action: 'bug' } });
    });

    onSandbox('employees past one page of 1000 are all read, also when pages come back short', async (sandbox) => {
      await withSwitches(sandbox, { shortPageSize: 300 }, async () => {
        const reply = keep(await client().getEmployees());
        expect(reply.ok && reply.value.length).toBe(sandbox.reference.employees.length);
      });
    });

    onSandbox('upload.chats returns ids in order; the report finds them; delete.chats removes one', async (sandbox) => {
      const c = client();
      const site = sandbox.reference.sites[0]!.id;
      const chats = [0, 1, 2].map((i) => ({
        start_date_time: `2024-05-0${i + 1} 10:00:00`,
        phone: `7999000000${i}`,
        status: 'succeed' as const,
        site_id: site,
        messages: [{ date_time: `2024-05-0${i + 1} 10:00:05`, source: 'visitor' as const, message: `hello ${i}` }],
      }));
      const ids = keep(await c.uploadChats(chats, 3));
      expect(ids.ok && ids.value).toHaveLength(3);
      const report = keep(await c.getChatsReport({ dateFrom: '2024-05-01 00:00:00', dateTill: '2024-05-04 00:00:00' }, undefined));
      const found = report.ok ? report.value.filter((row) => ids.ok && ids.value.includes(row.id)) : [];
      expect(found.map((row) => [row.date_time, row.visitor_phone_number, row.chat_channel_type])).toEqual(
        chats.map((chat) => [chat.start_date_time, chat.phone, 'dataapi']),
      );
      expect(keep(await c.deleteChat(ids.ok ? ids.value[0]! : 0)).ok).toBe(true);
      expect(keep(await c.deleteChat(ids.ok ? ids.value[0]! : 0))).toMatchObject({ ok: false, error: { action: 'fix' } });
    });

    onSandbox('a data error names the chat index and the value', async (sandbox) => {
      const chat = { start_date_time: '2024-05-01 10:00:00', phone: '79990000001', status: 'succeed' as const, site_id: sandbox.reference.sites[0]!.id, messages: [{ date_time: '2024-05-01 10:00:01', source: 'visitor' as const, message: 'x' }] };
      const reply = keep(await client().uploadChats([chat, { ...chat, status: 'won' as never }], 2));
      expect(reply).toMatchObject({ ok: false, error: { kind: 'api', mnemonic: 'invalid_parameter_value', action: 'fix', location: { chat: 1, leaf: 'status' }, value: 'won' } });
    });

    onSandbox('account refusals: IP not whitelisted, forbidden, component disabled, account inactive', async (sandbox) => {
      await withSwitches(sandbox, { ipNotWhitelisted: '203.0.113.9' }, async () => {
        const reply = keep(await client().getSites());
        expect(reply).toMatchObject({ ok: false, error: { mnemonic: 'ip_not_whitelisted', action: 'user' } });
        expect(!reply.ok && reply.error.message.en).toContain('203.0.113.9');
      });
      await withSwitches(sandbox, { forbiddenMethods: ['get.sites'] }, async () => {
        expect(keep(await client().getSites())).toMatchObject({ ok: false, error: { mnemonic: 'forbidden' } });
      });
      await withSwitches(sandbox, { disabledComponents: ['upload_chats'] }, async () => {
        const reply = keep(await client().uploadChats([], 0));
        expect(reply).toMatchObject({ ok: false, error: { mnemonic: 'method_component_disabled', action: 'user' } });
      });
      await withSwitches(sandbox, { accountInactive: true }, async () => {
        expect(keep(await client().getSites())).toMatchObject({ ok: false, error: { mnemonic: 'account_inactive' } });
      });
    });

    onSandbox('transport faults: 5xx and a reset after storing leave an upload unknown; a hang times out', async (sandbox) => {
      const chat = { start_date_time: '2024-05-01 11:00:00', phone: '79990000002', status: 'lost' as const, site_id: sandbox.reference.sites[0]!.id, messages: [{ date_time: '2024-05-01 11:00:01', source: 'visitor' as const, message: 'y' }] };
      await withFaults(sandbox, { rules: [{ kind: 'http_5xx', method: 'upload.chats', times: 1 }] }, async () => {
        expect(keep(await client().uploadChats([chat], 1))).toMatchObject({ ok: false, error: { kind: 'transport', reason: 'http', outcome: 'unknown' } });
      });
      const before = sandbox.store.count();
      await withFaults(sandbox, { rules: [{ kind: 'reset_after', method: 'upload.chats', times: 1 }] }, async () => {
        expect(keep(await client().uploadChats([chat], 1))).toMatchObject({ ok: false, error: { kind: 'transport', outcome: 'unknown' } });
      });
      expect(sandbox.store.count()).toBe(before + 1);
      await withFaults(sandbox, { rules: [{ kind: 'hang', method: 'get.sites', times: 1 }] }, async () => {
        expect(keep(await client({ timeoutMs: 200 }).getSites())).toMatchObject({ ok: false, error: { reason: 'timeout' } });
      });
    });

    onSandbox('limits: a spent minute budget is limit_exceeded and pacing waits for the reset', async (sandbox) => {
      const c = client();
      sandbox.setFaults({ budget: { minute: 1 } });
      expect(keep(await c.getSites()).ok).toBe(true);
      expect(keep(await c.getSites())).toMatchObject({ ok: false, error: { mnemonic: 'limit_exceeded', action: 'wait', window: 'minute' } });
      expect(c.pacing('get.sites')).toMatchObject({ kind: 'wait', window: 'minute' });
      sandbox.setFaults({ budget: { minute: 1_000 } });
    });

    onSandbox('a login session is renewed once after it expires server-side', async (sandbox) => {
      const c = client({}, { kind: 'login', login: sandbox.credentials.login, password: sandbox.credentials.password });
      expect(keep(await c.getSites()).ok).toBe(true);
      sandbox.setFaults({ expireSessions: true });
      expect(keep(await c.getSites()).ok).toBe(true);
      expect(logs.filter((e) => e.event === 'request' && e.method === 'login.user').length).toBeGreaterThanOrEqual(2);
    });

    onSandbox('an agent lists customers and acts for one with user_id', async (sandbox) => {
      const agent = client({}, { kind: 'key', accessKey: sandbox.agentKey });
      const customers = keep(await agent.getCustomerUsers());
      expect(customers.ok && customers.value.length).toBeGreaterThan(0);
      const userId = customers.ok ? customers.value[0]!.id : 0;
      expect(keep(await agent.getSites()).ok).toBe(false);
      expect(keep(await client({ userId }, { kind: 'key', accessKey: sandbox.agentKey }).getSites()).ok).toBe(true);
    });

    afterAll(() => {
      const t = target();
      const everything = `${JSON.stringify(logs)}\n${JSON.stringify(outcomes)}\n${inspect(outcomes, { depth: null })}`;
      const secrets = [t.key, t.sandbox?.credentials.password, t.sandbox?.agentKey].filter((s): s is string => s !== undefined);
      for (const secret of secrets) expect(everything, 'a secret leaked into a log or a result').not.toContain(secret);
    });
  });
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ employees: 2500, limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
});
afterAll(async () => sandbox.close());
contractSuite('local sandbox', () => ({ endpoint: new URL(sandbox.url), key: sandbox.demoKey, sandbox }));

if (real) contractSuite(`real account at ${new URL(real.endpoint).host}`, () => ({ endpoint: new URL(real.endpoint), key: real.key }));
else it.skip('client contract: real account (set CALLGEAR_ENDPOINT and CALLGEAR_TOKEN to run this suite against one)', () => undefined);
