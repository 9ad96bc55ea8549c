import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ALL_FIELDS, FIELD_KIND, type FieldName } from '../mapping/fields.ts';
import { DateOrderSchema, isTimeZone, MappingSchema, type Mapping } from '../mapping/model.ts';
import type { Employee } from '../chats/normalise/employees.ts';
import { openFile } from '../sheet/open.ts';
import { makeTable } from '../sheet/header.ts';
import { displayCell } from '../chats/cells.ts';
import type { ParsedArgs } from './args.ts';
import { CliProblem, usage } from './errors.ts';

export function readMappingFile(path: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw usage(`Cannot read the mapping file ${path}: ${why}`, `Не удалось прочитать файл сопоставления ${path}: ${why}`);
  }
  // `inspect --json` output is accepted as it is: its `mapping` member is the mapping.
  const isReport = typeof json === 'object' && json !== null && !('version' in json) && 'mapping' in json;
  const parsed = MappingSchema.safeParse(isReport ? (json as { mapping: unknown }).mapping : json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw usage(`The mapping file ${path} is not valid: ${where}`, `Файл сопоставления ${path} некорректен: ${where}`);
  }
  return parsed.data;
}

const EmployeeSchema = z.object({
  id: z.coerce.number().int().positive(),
  full_name: z.string().min(1),
  email: z.string().nullish(),
});

/** A list of employees from a JSON array or a CSV with the columns id, full_name, email. */
export function readEmployeesFile(path: string): Employee[] {
  const records = path.toLowerCase().endsWith('.json') ? jsonRecords(path) : sheetRecords(path);
  const parsed = z.array(EmployeeSchema).safeParse(records);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `record ${Number(issue.path[0]) + 1}, ${issue.path.slice(1).join('.')}: ${issue.message}` : '';
    throw usage(
      `The employees file ${path} needs id, full_name and email for every employee (${where}).`,
      `В файле сотрудников ${path} у каждого сотрудника должны быть id, full_name и email (${where}).`,
    );
  }
  return parsed.data.map((e) => ({ id: e.id, full_name: e.full_name, email: e.email ?? null }));
}

function jsonRecords(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw usage(`Cannot read the employees file ${path}: ${why}`, `Не удалось прочитать файл сотрудников ${path}: ${why}`);
  }
}

function sheetRecords(path: string): Record<string, string>[] {
  const opened = openFile(path, {});
  if (!opened.ok) throw new CliProblem(opened.error);
  const sheet = opened.value.sheets[0];
  if (!sheet) throw usage(`The employees file ${path} has no sheet.`, `В файле сотрудников ${path} нет листов.`);
  const table = makeTable(sheet, basename(path), 1);
  if (!table.ok) throw new CliProblem(table.error);
  const { headers, rows } = table.value;
  return rows
    .filter((row) => row.some((cell) => displayCell(cell).trim() !== ''))
    .map((row) => {
      const record: Record<string, string> = Object.create(null);
      headers.forEach((h, i) => (record[h.trim().toLowerCase()] = displayCell(row[i] ?? null).trim()));
      return record;
    });
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The command line's options on top of a mapping. Without zones, the file is read in this
 * computer's zone and the account is assumed to share it (no conversion).
 */
export function applyOverrides(mapping: Mapping, args: ParsedArgs['values'], fromFile: boolean): Mapping {
  const result: Mapping = structuredClone(mapping);
  const zone = (value: string, flag: string) => {
    if (!isTimeZone(value)) throw usage(`${flag} ${value} is not an IANA time zone such as Europe/Moscow.`, `${flag} ${value} — не часовой пояс IANA, например Europe/Moscow.`);
    return value;
  };
  if (args.tz !== undefined) result.options.fileTimeZone = zone(args.tz, '--tz');
  else if (!fromFile) result.options.fileTimeZone = systemTimeZone();
  if (args['account-tz'] !== undefined) result.options.accountTimeZone = zone(args['account-tz'], '--account-tz');
  else if (!fromFile) result.options.accountTimeZone = result.options.fileTimeZone;
  if (args.country !== undefined) {
    const country = args.country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw usage(`--country ${args.country} is not a two-letter country code such as RU or GB.`, `--country ${args.country} — не двухбуквенный код страны, например RU или GB.`);
    result.options.phoneCountry = country;
  }
  if (args['date-order'] !== undefined) {
    const order = DateOrderSchema.safeParse(args['date-order']);
    if (!order.success) throw usage('--date-order takes auto, DMY, MDY or YMD.', '--date-order принимает auto, DMY, MDY или YMD.');
    result.options.dateOrder = order.data;
  }
  for (const assignment of args.set ?? []) setConstant(result, assignment);
  return result;
}

function setConstant(mapping: Mapping, assignment: string): void {
  const eq = assignment.indexOf('=');
  const field = assignment.slice(0, eq) as FieldName;
  const raw = assignment.slice(eq + 1);
  if (eq < 1 || !ALL_FIELDS.includes(field)) {
    throw usage(
      `--set ${assignment}: expected FIELD=VALUE with FIELD one of ${ALL_FIELDS.join(', ')}.`,
      `--set ${assignment}: ожидается ПОЛЕ=ЗНАЧЕНИЕ, где ПОЛЕ — одно из ${ALL_FIELDS.join(', ')}.`,
    );
  }
  const value = FIELD_KIND[field] === 'id' && /^\d+$/.test(raw) ? Number(raw) : raw;
  const source = raw === '' ? ({ kind: 'none' } as const) : ({ kind: 'constant', value } as const);
  if (field in mapping.chat) mapping.chat[field as keyof Mapping['chat']] = source;
  else mapping.message[field as keyof Mapping['message']] = source;
}
