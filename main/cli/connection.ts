import { CallGearClient } from '../callgear/client.ts';
import { resolveEndpoint } from '../callgear/endpoints.ts';
import type { LogEntry } from '../callgear/rpc.ts';
import type { ParsedArgs } from './args.ts';
import { CliProblem, usage } from './errors.ts';
import { Accounts, KeytarStore, type AccountView } from '../credentials/index.ts';
import { sameName } from '../credentials/account.ts';
import { userDataFolder } from '../credentials/user-data.ts';

export interface Connection {
  client: CallGearClient;
  endpoint: URL;
  userId: number | undefined;
}

/**
 * The account for `upload` and `undo`: an endpoint and a key read from an environment variable.
 * A key is never taken from the command line, where other users and shell history can see it.
 */
export async function connect(values: ParsedArgs['values'], log?: (entry: LogEntry) => void): Promise<Connection> {
  if (values.account !== undefined) return connectAccount(values.account, log);
  if (values.endpoint === undefined) throw usage('Give --account NAME, or --endpoint (a URL or callgear, comagic, uis) with --token-env.', 'Укажите --account ИМЯ или --endpoint (адрес или callgear, comagic, uis) с --token-env.');
  const endpoint = resolveEndpoint(values.endpoint);
  if (!endpoint.ok) throw new CliProblem(endpoint.error);
  const variable = values['token-env'];
  if (variable === undefined) throw usage('--token-env VAR is required: the name of the environment variable holding the access key.', 'Нужен --token-env VAR: имя переменной окружения с ключом доступа.');
  const key = process.env[variable];
  if (key === undefined || key.trim() === '') throw usage(`The environment variable ${variable} is empty or not set.`, `Переменная окружения ${variable} пуста или не задана.`);
  let userId: number | undefined;
  if (values['user-id'] !== undefined) {
    userId = Number(values['user-id']);
    if (!Number.isInteger(userId) || userId <= 0) throw usage('--user-id takes the customer id from get.customer_users.', '--user-id принимает id клиента из get.customer_users.');
  }
  const client = new CallGearClient({ endpoint: endpoint.value, credentials: { kind: 'key', accessKey: key.trim() }, userId, log });
  return { client, endpoint: endpoint.value, userId };
}

/** The accounts the app saved: settings in the shared user-data folder, secrets in the OS keychain. */
export function savedAccounts(): Accounts {
  return new Accounts({ folder: userDataFolder(), store: new KeytarStore() });
}

/** The saved account of that name (ignoring case), or a usage problem naming the ones there are. */
export async function findAccount(accounts: Accounts, name: string): Promise<AccountView> {
  const listed = await accounts.list();
  if (!listed.ok) throw new CliProblem(listed.error);
  const account = listed.value.accounts.find((a) => sameName(a.name, name));
  if (account === undefined) {
    const names = listed.value.accounts.map((a) => `"${a.name}"`).join(', ') || '—';
    throw usage(`There is no account "${name}". Accounts: ${names}.`, `Учётной записи «${name}» нет. Есть: ${names}.`);
  }
  return account;
}

/** `--account NAME`: an account saved in the app, its secret read from the OS keychain. */
async function connectAccount(name: string, log?: (entry: LogEntry) => void): Promise<Connection> {
  const accounts = savedAccounts();
  const account = await findAccount(accounts, name);
  const found = await accounts.credentialsFor(account.id);
  if (!found.ok) throw new CliProblem(found.error);
  const endpoint = new URL(found.value.endpoint);
  const client = new CallGearClient({ endpoint, credentials: found.value.credentials, userId: found.value.userId, log });
  return { client, endpoint, userId: found.value.userId };
}

export function integerFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`--${name} takes a whole number from ${min} to ${max}.`, `--${name} принимает целое число от ${min} до ${max}.`);
  return n;
}
