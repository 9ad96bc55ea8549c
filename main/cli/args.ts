import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  chat-importer inspect FILE [--sheet NAME] [--header-row N] [--encoding ENC] [--delimiter D] [--json]
  chat-importer validate FILE [--mapping FILE] [--sheet NAME] [--header-row N]
                              [--tz ZONE] [--account-tz ZONE] [--country CC] [--date-order ORDER]
                              [--set FIELD=VALUE]... [--employees FILE] [--emit-batches DIR]
                              [--encoding ENC] [--delimiter D] [--lang en|ru] [--json]

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
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

export function parseCli(argv: string[]): ParsedArgs {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}
