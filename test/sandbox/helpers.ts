import { afterEach } from 'vitest';
import { manualClock, startSandbox, type ManualClock, type Sandbox, type SandboxOptions } from '../../main/sandbox/index.ts';

/** 2024-06-01 12:00:00 in Moscow (UTC+3): every fixture date below is before it. */
export const NOW_UTC = Date.UTC(2024, 5, 1, 9, 0, 0);

export interface Started {
  sandbox: Sandbox;
  clock: ManualClock;
}

const running: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A sandbox on a random port with a clock that moves only when the test says so; closed after each test. */
export async function start(options: SandboxOptions = {}): Promise<Started> {
  const clock = manualClock(NOW_UTC);
  const sandbox = await startSandbox({ clock: clock.now, ...options });
  running.push(sandbox);
  return { sandbox, clock };
}

export interface RpcReply {
  status: number;
  json: {
    jsonrpc: string;
    id: unknown;
    result?: { data: unknown; metadata?: Record<string, unknown>; meta_data?: Record<string, unknown> };
    error?: { code: number; message: string; data: { mnemonic: string; field?: string; value?: unknown; params: Record<string, unknown>; extended_helper: null } };
  };
}

/** Sends any body as the API's POST and reads the JSON reply: plain fetch, not the app's client. */
export async function post(url: string, body: string): Promise<RpcReply> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body });
  return { status: res.status, json: (await res.json()) as RpcReply['json'] };
}

let nextId = 1;
export async function call(url: string, method: string, params: Record<string, unknown>): Promise<RpcReply['json']> {
  const reply = await post(url, JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }));
  return reply.json;
}

/** The error's mnemonic and field, or 'ok': the shape most assertions want. */
export function outcome(reply: RpcReply['json']): { mnemonic: string; field?: string } | 'ok' {
  if (!reply.error) return 'ok';
  const { mnemonic, field } = reply.error.data;
  return field === undefined ? { mnemonic } : { mnemonic, field };
}

export type ChatInput = Record<string, unknown> & { messages: Record<string, unknown>[] };

/** A valid chat for the demo account: site 9, a visitor line and an operator answer. */
export function validChat(n = 0, overrides: Record<string, unknown> = {}): ChatInput {
  const minute = String(n % 60).padStart(2, '0');
  return {
    start_date_time: `2024-05-20 10:${minute}:00`,
    name: `Visitor ${n}`,
    phone: `7999000${String(n).padStart(4, '0')}`,
    status: 'succeed',
    site_id: 9,
    messages: [
      { date_time: `2024-05-20 10:${minute}:05`, source: 'visitor', message: `Hello ${n}` },
      { date_time: `2024-05-20 10:${minute}:40`, source: 'operator', employee_id: 3101, message: 'Hi!' },
    ],
    ...overrides,
  };
}
