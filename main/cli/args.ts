import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  chat-importer inspect FILE [--sheet NAME] [--header-row N] [--encoding ENC] [--delimiter D] [--json]
  chat-importer project FILE --out PROJECT.chatimport [--account NAME] [--journal DIR] [validate's options]
  chat-importer validate PROJECT [--emit-batches DIR] [--lang en|ru] [--json]
  chat-importer validate FILE [--mapping FILE] [--sheet NAME] [--header-row N]
                              [--tz ZONE] [--account-tz ZONE] [--country CC] [--date-order ORDER]
                              [--set FIELD=VALUE]... [--employees FILE] [--emit-batches DIR]
                              [--encoding ENC] [--delimiter D] [--lang en|ru] [--json]
                              [--account NAME | --endpoint URL --token-env VAR]  (site and campaign ids
                              are then checked against that account's; upload always checks them)
  chat-importer upload FILE (--account NAME | --endpoint URL --token-env VAR [--user-id N]) [--mapping FILE]
                            [--journal DIR] [--batch-size N] [--concurrency 1-4] [--dry-run]
                            [--report FILE.xlsx|FILE.csv] [--in-doubt resend|uploaded]
                            [validate's options] [--json]
  chat-importer upload PROJECT [--account NAME | --endpoint URL --token-env VAR [--user-id N]] [--journal DIR]
                               [--batch-size N] [--concurrency 1-4] [--dry-run] [--report FILE] [--in-doubt A] [--json]
  chat-importer undo JOURNAL (--account NAME | --endpoint URL --token-env VAR [--user-id N]) [--yes] [--json]
  chat-importer accounts list [--json]
  chat-importer accounts add NAME --brand callgear|comagic|uis|custom [--endpoint URL] [--login LOGIN]
                             [--secret-env VAR]   (else the key or password is read from stdin)
  chat-importer accounts remove NAME
  chat-importer accounts test NAME [--json]
  chat-importer sandbox [--port N] [--state FILE] [--latency MS] [--seed N] [--faults JSON]
                        [--minute-limit N] [--day-limit N] [--upload-weight N]
                        [--session-lifetime S] [--account-tz ZONE] [--lang en|ru] [--json]

Exit codes: 0 ok, 1 data problems found, 2 usage or environment error.`;

export const OPTIONS = {
  json: { type: 'boolean' },
  sheet: { type: 'string' },
  'header-row': { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  mapping: { type: 'string' },
  tz: { type: 'string' },
  'account-tz': { type: 'string' },
  country: { type: 'string' },
  'date-order': { type: 'string' },
  set: { type: 'string', multiple: true },
  employees: { type: 'string' },
  'emit-batches': { type: 'string' },
  lang: { type: 'string' },
  port: { type: 'string' },
  state: { type: 'string' },
  latency: { type: 'string' },
  seed: { type: 'string' },
  faults: { type: 'string' },
  'minute-limit': { type: 'string' },
  'day-limit': { type: 'string' },
  'upload-weight': { type: 'string' },
  'session-lifetime': { type: 'string' },
  endpoint: { type: 'string' },
  account: { type: 'string' },
  'token-env': { type: 'string' },
  'user-id': { type: 'string' },
  'batch-size': { type: 'string' },
  concurrency: { type: 'string' },
  journal: { type: 'string' },
  'dry-run': { type: 'boolean' },
  report: { type: 'string' },
  yes: { type: 'boolean' },
  'in-doubt': { type: 'string' },
  out: { type: 'string' },
  brand: { type: 'string' },
  login: { type: 'string' },
  'secret-env': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

export function parseCli(argv: string[]): ParsedArgs {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}
