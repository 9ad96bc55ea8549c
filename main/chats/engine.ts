import type { Table } from '../sheet/types.ts';
import { ALL_FIELDS, type FieldName } from '../mapping/fields.ts';
import type { Mapping } from '../mapping/model.ts';
import { fail, ok, text, type Result, type Problem } from '../common/text.ts';
import { columnKey, extractColumn, fieldSource, type FieldColumn } from './columns.ts';
import { groupRows, type Grouping, type GroupingInput } from './group.ts';
import { assessChats, type ChatDraft, type Columns } from './assess.ts';
import { chatParams } from './build.ts';
import { chatJson } from './chat-json.ts';
import { ENVELOPE_BYTES, jsonBytes, planBatches, type Batch, type BatchLimits, type PlannedChat } from './batches.ts';
import { MAX_BATCH_BYTES } from './params.ts';
import { nowWall } from './normalise/datetime.ts';
import type { Employee } from './normalise/employees.ts';
import type { AccountIds } from './account-ids.ts';
import type { Finding } from './findings.ts';
import { FindingList } from './report.ts';

export interface EngineContext extends AccountIds {
  /** CallGear employees (from get.employees or a file), to resolve operator names; may be empty. */
  employees: readonly Employee[];
  /** The clock, in Unix ms. */
  now: () => number;
  /** How far ahead of now a time may be and still pass as "not in the future". */
  futureSkewMs?: number;
}

export interface Validation {
  mapping: Mapping;
  /** Data rows under the header, blank ones included. */
  rowCount: number;
  blankRows: number;
  chatCount: number;
  validChats: number;
  findings: Finding[];
  /** Per code: severity and how many findings. */
  byCode: Record<string, { severity: Finding['severity']; count: number }>;
  errors: number;
  warnings: number;
  /** How each mapped date column's ambiguous dates were read. */
  dateOrders: Partial<Record<FieldName, FieldColumn['dateOrder']>>;
  /** Index of the chat each valid draft belongs to; undefined where the chat is blocked. */
  drafts: (ChatDraft | undefined)[];
  grouping: Grouping;
  columns: Columns;
}

const DEFAULT_SKEW_MS = 5 * 60_000;

/**
 * Validation of one table under changing mappings. It keeps each field's normalised column and
 * recomputes only the fields whose part of the mapping changed, so re-validating after one edit
 * does not re-read or re-normalise the rest.
 */
export class ValidationSession {
  /** Milliseconds spent in each stage of the last validation, for the benchmark. */
  lastTimings: { map: number; group: number; validate: number } = { map: 0, group: 0, validate: 0 };
  private readonly cache = new Map<FieldName, { key: string; column: FieldColumn }>();
  private readonly headerIndex = new Map<string, number>();
  private readonly campaignSites = new Map<number, number>();

  constructor(
    readonly table: Table,
    private readonly context: EngineContext,
  ) {
    table.headers.forEach((header, i) => this.headerIndex.set(header, i));
    for (const { id, siteId } of context.campaigns ?? []) if (siteId !== undefined) this.campaignSites.set(id, siteId);
  }

  validate(mapping: Mapping): Result<Validation> {
    const unknown = this.unknownColumns(mapping);
    if (unknown) return fail(unknown);
    const t0 = performance.now();
    const columns = {} as Columns;
    for (const field of ALL_FIELDS) columns[field] = this.column(field, mapping);
    const t1 = performance.now();
    const mapped = new Set(ALL_FIELDS.filter((f) => fieldSource(mapping, f).kind !== 'none'));
    const grouping = groupRows(groupingFor(this.table, mapping, (header) => this.indexOf(header)));
    const t2 = performance.now();
    const latest = nowWall(mapping.options.accountTimeZone, this.context.now()) + (this.context.futureSkewMs ?? DEFAULT_SKEW_MS);
    const { findings, drafts, textLengths } = assessChats({ table: this.table, grouping, columns, mapped, latest, campaignSites: this.campaignSites });
    refuseDuplicates(drafts, columns, findings, grouping);
    refuseOversized(drafts, columns, findings, textLengths);
    this.lastTimings = { map: t1 - t0, group: t2 - t1, validate: performance.now() - t2 };
    return ok(summarise(mapping, this.table, grouping, columns, drafts, findings.items));
  }

  /**
   * The person edited or excluded these data rows (the table holds their new cells): each kept
   * column normalises just them again. How ambiguous dates read stays as first inferred.
   */
  rowsChanged(changed: readonly number[]): void {
    for (const { column } of this.cache.values()) column.refresh?.(this.table.rows, changed);
  }

  private column(field: FieldName, mapping: Mapping): FieldColumn {
    const key = columnKey(field, mapping);
    const hit = this.cache.get(field);
    if (hit && hit.key === key) return hit.column;
    const column = extractColumn(this.table, field, mapping, this.sourceIndex(mapping, field), this.context);
    this.cache.set(field, { key, column });
    return column;
  }

  private sourceIndex(mapping: Mapping, field: FieldName): number {
    const source = fieldSource(mapping, field);
    return source.kind === 'column' ? this.indexOf(source.column) : -1;
  }

  private indexOf(header: string): number {
    return this.headerIndex.get(header) ?? -1;
  }

  private unknownColumns(mapping: Mapping): Problem | undefined {
    const named = ALL_FIELDS.flatMap((field) => {
      const source = fieldSource(mapping, field);
      return source.kind === 'column' ? [{ field: field as string, column: source.column }] : [];
    });
    if (mapping.layout.kind === 'messages-by-key') named.push({ field: 'chat key', column: mapping.layout.chatKey });
    const missing = named.find(({ column }) => !this.headerIndex.has(column));
    if (!missing) return undefined;
    return {
      code: 'mapping.unknown_column',
      file: this.table.file,
      sheet: this.table.sheet,
      field: missing.field,
      column: missing.column,
      message: text(
        `The mapping takes ${missing.field} from the column "${missing.column}", but sheet "${this.table.sheet}" of ${this.table.file} has no such column (header row ${this.table.headerRow}).`,
        `Сопоставление берёт ${missing.field} из столбца «${missing.column}», но на листе «${this.table.sheet}» файла ${this.table.file} такого столбца нет (строка заголовков ${this.table.headerRow}).`,
      ),
    };
  }
}

/** Where the columns that make chats are in `table`, for `groupRows`. */
export function groupingFor(table: Table, mapping: Mapping, indexOf = (header: string) => table.headers.indexOf(header)): GroupingInput {
  const sourceIndex = (field: FieldName): number => {
    const source = fieldSource(mapping, field);
    return source.kind === 'column' ? indexOf(source.column) : -1;
  };
  const mapped = new Set<number>();
  for (const field of ALL_FIELDS) {
    const i = sourceIndex(field);
    if (i >= 0) mapped.add(i);
  }
  const keyColumn = mapping.layout.kind === 'messages-by-key' ? indexOf(mapping.layout.chatKey) : -1;
  if (mapping.layout.kind === 'messages-by-key') mapped.add(keyColumn);
  return {
    table,
    layout: mapping.layout,
    mappedColumns: [...mapped],
    keyColumn,
    visitorColumns: (['phone', 'email', 'name'] as const).map(sourceIndex).filter((i) => i >= 0),
    startColumn: sourceIndex('start_date_time'),
  };
}

/**
 * The same chat twice in one file would arrive in CallGear twice: keep the first, refuse the rest.
 * Chats are told apart by start, contact, message count and first text; most starts are unique,
 * so the full keys (long strings) are made only for chats sharing a start.
 */
function refuseDuplicates(drafts: (ChatDraft | undefined)[], columns: Columns, findings: FindingList, grouping: Grouping): void {
  const byStart = new Map<number, number>();
  const byKey = new Map<string, number>();
  for (let chat = 0; chat < drafts.length; chat++) {
    const draft = drafts[chat];
    if (!draft) continue;
    const sameStart = byStart.get(draft.start);
    if (sameStart === undefined) {
      byStart.set(draft.start, chat);
      continue;
    }
    // -1: the first chat of this start already has its full key.
    if (sameStart >= 0) byKey.set(duplicateKey(drafts[sameStart] as ChatDraft, columns), sameStart);
    byStart.set(draft.start, -1);
    const key = duplicateKey(draft, columns);
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, chat);
      continue;
    }
    const firstRow = (grouping.rowsOf[grouping.starts[first] as number] ?? 0) + findings.firstDataRow;
    findings.add('chat.duplicate', chatRows(grouping, chat), { chat }, { other: String(firstRow) });
    drafts[chat] = undefined;
  }
}

function duplicateKey(draft: ChatDraft, columns: Columns): string {
  // The first 200 characters tell chats apart as well as the whole text, at a fraction of the memory.
  const firstText = String(columns.message.value(draft.messageRows[0] ?? -1) ?? '').slice(0, 200);
  return `${draft.phone ?? ''}\u0000${draft.email ?? ''}\u0000${draft.start}\u0000${draft.messageRows.length}\u0000${firstText}`;
}

/** A chat bigger than a whole request can never be sent. */
function refuseOversized(drafts: (ChatDraft | undefined)[], columns: Columns, findings: FindingList, textLengths: Float64Array): void {
  const budget = MAX_BATCH_BYTES - ENVELOPE_BYTES;
  for (let chat = 0; chat < drafts.length; chat++) {
    const draft = drafts[chat];
    if (!draft) continue;
    // A cheap upper bound first (6 bytes per character covers JSON escapes); exact size only near the limit.
    const bound = 400 + 200 * draft.messageRows.length + 6 * (textLengths[chat] as number);
    if (bound <= budget) continue;
    const bytes = jsonBytes(chatJson(draft, columns));
    if (bytes <= budget) continue;
    findings.add('chat.too_large', draft.messageRows, { chat }, { value: String(bytes) });
    drafts[chat] = undefined;
  }
}

function chatRows(grouping: Grouping, chat: number): number[] {
  return Array.from(grouping.rowsOf.subarray(grouping.starts[chat], grouping.starts[chat + 1]));
}

function summarise(
  mapping: Mapping,
  table: Table,
  grouping: Grouping,
  columns: Columns,
  drafts: (ChatDraft | undefined)[],
  findings: Finding[],
): Validation {
  const byCode: Validation['byCode'] = Object.create(null);
  let errors = 0;
  for (const f of findings) {
    const entry = (byCode[f.code] ??= { severity: f.severity, count: 0 });
    entry.count++;
    if (f.severity === 'error') errors++;
  }
  const dateOrders: Validation['dateOrders'] = {};
  for (const field of ['start_date_time', 'date_time'] as const) {
    if (columns[field].dateOrder) dateOrders[field] = columns[field].dateOrder;
  }
  return {
    mapping,
    rowCount: table.rows.length,
    blankRows: grouping.blankRows,
    chatCount: grouping.chatCount,
    validChats: countValid(drafts),
    findings,
    byCode,
    errors,
    warnings: findings.length - errors,
    dateOrders,
    drafts,
    grouping,
    columns,
  };
}

function countValid(drafts: (ChatDraft | undefined)[]): number {
  let valid = 0;
  for (const draft of drafts) if (draft) valid++;
  return valid;
}

/** The upload.chats batches for every valid chat, in file order. */
export function* batchesOf(validation: Validation, limits?: BatchLimits): Generator<Batch> {
  const { drafts, columns } = validation;
  const paramsOf = (index: number) => chatParams(drafts[index] as ChatDraft, columns);
  yield* planBatches(validChats(validation), paramsOf, limits);
}

function* validChats({ drafts, columns }: Validation): Generator<PlannedChat> {
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index];
    if (draft) yield { index, json: chatJson(draft, columns) };
  }
}
