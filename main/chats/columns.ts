import type { Cell, Table } from '../sheet/types.ts';
import { FIELD_KIND, type FieldName } from '../mapping/fields.ts';
import type { DateOrder, Mapping, Source } from '../mapping/model.ts';
import type { FindingCode } from './codes.ts';
import { cellKey, displayCell, isBlank } from './cells.ts';
import { constantColumn, IndexedColumn, textColumn, TimeColumn, type CellIssue, type FieldColumn, type Normalised } from './field-column.ts';
import { inferDateOrder, parseDateTime, zoneConverter, type ConcreteDateOrder } from './normalise/datetime.ts';
import { normalisePhone } from './normalise/phone.ts';
import { normaliseEmail } from './normalise/email.ts';
import { matchEnum } from './normalise/enums.ts';
import { parseId } from './normalise/ids.ts';
import { makeEmployeeResolver, type Employee } from './normalise/employees.ts';
import type { AccountIds } from './account-ids.ts';

export type { CellIssue, FieldColumn } from './field-column.ts';

export interface ExtractContext extends AccountIds {
  employees: readonly Employee[];
}

type Normaliser = (cell: Cell) => Normalised;

/** The part of the mapping one field's column depends on: equal keys give equal columns. */
export function columnKey(field: FieldName, mapping: Mapping): string {
  const source = fieldSource(mapping, field);
  const o = mapping.options;
  const kind = FIELD_KIND[field];
  const relevant =
    kind === 'datetime'
      ? [o.dateOrder, o.fileTimeZone, o.accountTimeZone]
      : kind === 'phone'
        ? [o.phoneCountry]
        : kind === 'enum'
          ? [o.valueMaps[field as 'status' | 'initiator' | 'source']]
          : field === 'employee_id'
            ? [o.employees]
            : [];
  return JSON.stringify([source, relevant]);
}

export function fieldSource(mapping: Mapping, field: FieldName): Source {
  return field in mapping.chat
    ? mapping.chat[field as keyof Mapping['chat']]
    : mapping.message[field as keyof Mapping['message']];
}

/** Normalise one field for every row of the table. `columnIndex` is -1 for a constant. */
export function extractColumn(
  table: Table,
  field: FieldName,
  mapping: Mapping,
  columnIndex: number,
  context: ExtractContext,
): FieldColumn {
  const source = fieldSource(mapping, field);
  if (source.kind === 'none') return constantColumn(field);
  const kind = FIELD_KIND[field];
  if (kind === 'datetime') return dateColumn(table, field, mapping, columnIndex, source);
  const normalise = valueNormaliser(field, mapping, context);
  if (source.kind === 'constant') return constantColumn(field, normalise(source.value));
  if (kind === 'text') return textColumn(field, source.column, table.rows, columnIndex);
  const column = new IndexedColumn(field, source.column, table.rows.length);
  column.fill(table.rows, columnIndex, cached(normalise));
  return column;
}

function dateColumn(table: Table, field: FieldName, mapping: Mapping, columnIndex: number, source: Source): FieldColumn {
  const { dateOrder, fileTimeZone, accountTimeZone } = mapping.options;
  const order = chooseDateOrder(dateOrder, table, columnIndex, source);
  const normalise = dateNormaliser(order.order, fileTimeZone, accountTimeZone);
  if (source.kind === 'constant') {
    const column = constantColumn(field, normalise(source.value));
    column.dateOrder = order;
    return column;
  }
  const column = new TimeColumn(field, source.kind === 'column' ? source.column : undefined, table.rows.length);
  column.dateOrder = order;
  // Dates are not memoised: the parser's fast path is quicker than a Map lookup per row.
  column.fill(table.rows, columnIndex, normalise);
  return column;
}

function chooseDateOrder(
  wanted: DateOrder,
  table: Table,
  columnIndex: number,
  source: Source,
): NonNullable<FieldColumn['dateOrder']> {
  if (wanted !== 'auto') return { order: wanted, inferred: false, confidence: 1 };
  const cells = source.kind === 'constant' ? [source.value] : columnCells(table, columnIndex);
  const inferred = inferDateOrder(cells, 5000, table.headerRow + 1);
  return { order: inferred.order, inferred: true, confidence: inferred.confidence, evidence: inferred.evidence };
}

function* columnCells(table: Table, columnIndex: number): Iterable<Cell> {
  for (const row of table.rows) yield row[columnIndex] ?? null;
}

function dateNormaliser(order: ConcreteDateOrder, fileZone: string, accountZone: string): Normaliser {
  const fromFile = zoneConverter(fileZone, accountZone);
  const fromUtc = zoneConverter('UTC', accountZone);
  return (cell) => {
    const parsed = parseDateTime(cell, order);
    if (parsed.ok) return parsed.zone === 'utc' ? fromUtc(parsed.wall) : fromFile(parsed.wall);
    if (parsed.reason === 'empty') return undefined;
    return { code: parsed.reason === 'out_of_range' ? 'date.out_of_range' : 'date.invalid', value: displayCell(cell) };
  };
}

function valueNormaliser(field: FieldName, mapping: Mapping, context: ExtractContext): Normaliser {
  switch (FIELD_KIND[field]) {
    case 'phone':
      return phoneNormaliser(mapping);
    case 'email':
      return (cell) => {
        const r = normaliseEmail(cell);
        if (r.ok) return r.value;
        if (r.reason === 'empty') return undefined;
        return { code: 'email.invalid', value: displayCell(cell), fix: r.suggestion, other: r.suggestion };
      };
    case 'enum':
      return enumNormaliser(field as 'status' | 'initiator' | 'source', mapping);
    case 'id':
      if (field === 'employee_id') return employeeNormaliser(mapping, context);
      if (field === 'site_id') return idNormaliser(context.sites, 'site.unknown');
      if (field === 'campaign_id') return idNormaliser(context.campaigns?.map((campaign) => campaign.id), 'campaign.unknown');
      return idNormaliser();
    case 'text':
      return (cell) => (isBlank(cell) ? undefined : typeof cell === 'string' ? cell.trim() : displayCell(cell));
    case 'datetime':
      throw new Error('date fields are normalised per column');
  }
}

/**
 * Repairs of damage a spreadsheet did are worth a warning. A national number given its country
 * code (8 999… → 7999…) is ordinary normalisation, like dropping spaces: warning about it would
 * bury the real findings of a Russian file under one per chat.
 */
const REPAIR_WORDS: Record<string, string | undefined> = {
  excel_number: 'the spreadsheet had stored it as a number',
  excel_scientific: 'rewritten from scientific notation',
};

function phoneNormaliser(mapping: Mapping): Normaliser {
  // The column cache memoises per distinct cell already.
  const country = mapping.options.phoneCountry;
  const normalise = (cell: Cell) => normalisePhone(cell, country);
  return (cell) => {
    const r = normalise(cell);
    if (r.ok) {
      const words = r.repair && REPAIR_WORDS[r.repair];
      if (!words) return r.digits;
      const issue: CellIssue = { code: 'phone.repaired', value: displayCell(cell), normalised: r.digits, other: words };
      return { repaired: r.digits, issue };
    }
    if (r.reason === 'empty') return undefined;
    const code: FindingCode =
      r.reason === 'excel_date' ? 'phone.excel_date' : r.reason === 'scientific_lost_digits' ? 'phone.digits_lost' : 'phone.invalid';
    return { code, value: displayCell(cell), fix: r.suggestion };
  };
}

function enumNormaliser(field: 'status' | 'initiator' | 'source', mapping: Mapping): Normaliser {
  const userMap = mapping.options.valueMaps[field];
  return (cell) => {
    const r = matchEnum(field, cell, userMap);
    if (r.ok) return r.value;
    if (r.reason === 'empty') return undefined;
    const guess = r.suggestions.join(', ') || undefined;
    return { code: `${field}.invalid`, value: displayCell(cell), other: guess, fix: r.suggestions[0] };
  };
}

/** Ids, and when the account's list of them is known, only the ids in it. */
function idNormaliser(known?: readonly number[], unknownCode?: FindingCode): Normaliser {
  const ids = known && new Set(known);
  return (cell) => {
    const r = parseId(cell);
    if (r.ok) return ids && unknownCode && !ids.has(r.value) ? { code: unknownCode, value: String(r.value) } : r.value;
    if (r.reason === 'empty') return undefined;
    return { code: 'id.invalid', value: displayCell(cell) };
  };
}

function employeeNormaliser(mapping: Mapping, context: ExtractContext): Normaliser {
  const resolve = makeEmployeeResolver(context.employees, mapping.options.employees);
  return (cell) => {
    const r = resolve(cell);
    if (r.ok) return r.id;
    if (r.reason === 'empty') return undefined;
    const names = r.suggestions.map((s) => `${s.full_name} (${s.id})`).join(', ') || undefined;
    const code: FindingCode =
      r.reason === 'ambiguous' ? 'employee.ambiguous' : context.employees.length === 0 ? 'employee.no_directory' : 'employee.unknown';
    return { code, value: displayCell(cell), other: names, fix: r.suggestions[0] ? String(r.suggestions[0].id) : undefined };
  };
}

/** Most non-date fields repeat a handful of values across rows: normalise each once. */
function cached(normalise: Normaliser): Normaliser {
  const memo = new Map<string, Normalised>();
  return (cell) => {
    if (cell === null) return normalise(cell);
    const key = cellKey(cell);
    if (memo.has(key)) return memo.get(key);
    const result = normalise(cell);
    if (memo.size < 200_000) memo.set(key, result);
    return result;
  };
}
