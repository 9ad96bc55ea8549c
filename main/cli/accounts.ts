import { AccountBrandSchema, type AccountView, type SecretStatus } from '../credentials/index.ts';
import type { ParsedArgs } from './args.ts';
import type { Output } from './commands.ts';
import { findAccount, savedAccounts } from './connection.ts';
import { must, usage } from './errors.ts';
import { readSecretLine, type SecretInput } from './secret-input.ts';

type Values = ParsedArgs['values'];

/**
 * `accounts list|add|remove|test`: the accounts the app saved, in the same settings file and OS
 * keychain. A secret is read from stdin or an environment variable, never from an argument, and
 * is never printed.
 */
export async function accountsCommand(args: readonly string[], values: Values, output: Output, input: SecretInput): Promise<number> {
  const [action, name, ...extra] = args;
  const named = name !== undefined && extra.length === 0;
  if (action === 'list' && name === undefined) return list(values, output);
  if (action === 'add' && named) return add(name, values, output, input);
  if (action === 'remove' && named) return remove(name, output);
  if (action === 'test' && named) return test(name, values, output);
  throw usage('Use: chat-importer accounts list | add NAME | remove NAME | test NAME', 'Формат: chat-importer accounts list | add ИМЯ | remove ИМЯ | test ИМЯ');
}

async function list(values: Values, output: Output): Promise<number> {
  const listing = must(await savedAccounts().list());
  if (listing.keychain) output.err(`${listing.keychain.code}: ${listing.keychain.message[output.lang]}`);
  if (values.json) {
    output.out(JSON.stringify(listing, null, 2));
    return 0;
  }
  if (listing.accounts.length === 0) output.out(output.lang === 'ru' ? 'Учётных записей нет.' : 'No accounts.');
  for (const account of listing.accounts) output.out(describe(account, output));
  return 0;
}

const SECRET_RU: Record<SecretStatus, string> = { present: 'есть', missing: 'нет', rejected: 'отклонён', unknown: 'неизвестно' };

function describe(account: AccountView, { lang }: Output): string {
  const auth = account.auth === 'key' ? (lang === 'ru' ? 'ключ' : 'key') : `${lang === 'ru' ? 'логин' : 'login'} ${account.login ?? ''}`;
  const customer = account.customer ? ` · ${lang === 'ru' ? 'клиент' : 'customer'} ${account.customer.userId} ${account.customer.name}` : '';
  const secret = lang === 'ru' ? `секрет ${SECRET_RU[account.secret]}` : `secret ${account.secret}`;
  return `${account.name} · ${account.brand} · ${account.endpoint} · ${auth} · ${secret}${customer}`;
}

async function add(name: string, values: Values, output: Output, input: SecretInput): Promise<number> {
  const brand = AccountBrandSchema.safeParse(values.brand);
  if (!brand.success) throw usage('--brand takes callgear, comagic, uis or custom.', '--brand принимает callgear, comagic, uis или custom.');
  // Checked before the secret is asked for, so nobody types a key only to hear the address is missing.
  if ((values.endpoint !== undefined) !== (brand.data === 'custom')) {
    throw usage('--endpoint URL goes with --brand custom, and only with it: a brand has its own address.', '--endpoint URL указывается с --brand custom и только с ним: у бренда свой адрес.');
  }
  const auth = values.login === undefined ? 'key' : 'login';
  const secret = await secretFor(auth, values, output, input);
  const added = must(await savedAccounts().add({ name, brand: brand.data, endpoint: values.endpoint, auth, login: values.login }, secret));
  if (values.json) output.out(JSON.stringify(added, null, 2));
  else output.out(output.lang === 'ru' ? `Добавлена учётная запись: ${describe(added, output)}` : `Added: ${describe(added, output)}`);
  return 0;
}

async function secretFor(auth: 'key' | 'login', values: Values, output: Output, input: SecretInput): Promise<string> {
  const variable = values['secret-env'];
  if (variable === undefined) {
    const what = auth === 'key' ? ['The access key', 'Ключ доступа'] : ['The password', 'Пароль'];
    return readSecretLine(input, () => output.err(output.lang === 'ru' ? `${what[1]} (не отображается):` : `${what[0]} (not shown):`));
  }
  const secret = process.env[variable];
  if (secret === undefined || secret === '') throw usage(`The environment variable ${variable} is empty or not set.`, `Переменная окружения ${variable} пуста или не задана.`);
  return secret;
}

async function remove(name: string, output: Output): Promise<number> {
  const accounts = savedAccounts();
  const account = await findAccount(accounts, name);
  must(await accounts.remove(account.id));
  output.out(output.lang === 'ru' ? `Учётная запись «${account.name}» удалена вместе с её секретом в хранилище паролей.` : `Removed the account "${account.name}" and its secret in the keychain.`);
  return 0;
}

/** Exit 0 when CallGear accepts the account and would admit an upload, 2 otherwise. */
async function test(name: string, values: Values, output: Output): Promise<number> {
  const accounts = savedAccounts();
  const account = await findAccount(accounts, name);
  const report = must(await accounts.test(account.id));
  if (values.json) output.out(JSON.stringify(report, null, 2));
  else {
    output.out(report.message[output.lang]);
    for (const customer of report.customers ?? []) output.out(`  ${customer.userId} ${customer.name}`);
  }
  return report.outcome === 'ok' ? 0 : 2;
}
