import { writeFileAtomic } from '../files/atomic-write.ts';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import type { Finding } from '../chats/findings.ts';
import { groupingFor, type Validation } from '../chats/engine.ts';
import { groupRows, type Grouping } from '../chats/group.ts';
import { renderCell } from '../sheet/display.ts';
import type { Cell, Table } from '../sheet/types.ts';
import { neutralise, toCsv, toXlsx, type Language, type ReportCell } from '../upload/export.ts';

/**
 * The person's changes to a table: edited cells and excluded rows. The source file is never
 * changed; the engine validates a table with the overlay applied, and the grid shows both.
 */
export interface Overlay {
  table: Table;
  /** The content of excluded rows (edits included), by data-row index, to restore on inclusion. */
  hidden: Map<number, Cell[]>;
  edited: Map<number, Set<number>>;
  excluded: Set<number>;
  /** Cells edited so far, counted: what the table would group into changes only with an edit. */
  editsMade: number;
}

export interface RowView {
  row: number;
  cells: string[];
  edited: number[];
  excluded: boolean;
  findings: Finding[];
  /** Every row of the chat this row is in (spreadsheet numbers), when that chat has more than one. */
  chatRows?: number[];
  /**
   * For an excluded row: the excluded rows of the chat it would be in were nothing excluded, when
   * there are two or more. "Include its chat again" brings these back, however long ago, or in
   * whichever session, the chat was excluded.
   */
  excludedChat?: number[];
}

const findingIndex = new WeakMap<Validation, Map<number, number[]>>();

/** Finding indexes per data row, built once per validation. */
function findingsByRow(validation: Validation): Map<number, number[]> {
  let index = findingIndex.get(validation);
  if (index !== undefined) return index;
  index = new Map();
  validation.findings.forEach((finding, i) => {
    for (const row of finding.rowIndexes) {
      const list = index!.get(row);
      if (list === undefined) index!.set(row, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  findingIndex.set(validation, index);
  return index;
}

const chatIndex = new WeakMap<Grouping, Int32Array>();

/** The chat of every data row (-1 for none), built once per grouping. */
function chatOfRow(grouping: Grouping, rowCount: number): Int32Array {
  let chats = chatIndex.get(grouping);
  if (chats !== undefined) return chats;
  chats = new Int32Array(rowCount).fill(-1);
  for (let chat = 0; chat < grouping.chatCount; chat++) {
    for (let k = grouping.starts[chat] as number; k < (grouping.starts[chat + 1] as number); k++) chats[grouping.rowsOf[k] as number] = chat;
  }
  chatIndex.set(grouping, chats);
  return chats;
}

/** The spreadsheet rows of the chat data row `index` is in, when it has more than one. */
function chatRowsOf(table: Table, grouping: Grouping, chats: Int32Array, index: number): number[] | undefined {
  const chat = chats[index] as number;
  if (chat < 0) return undefined;
  const from = grouping.starts[chat] as number;
  const to = grouping.starts[chat + 1] as number;
  if (to - from < 2) return undefined;
  return Array.from(grouping.rowsOf.subarray(from, to), (i) => i + table.headerRow + 1);
}

const wholeChats = new WeakMap<Overlay, { key: string; grouping: Grouping; chats: Int32Array }>();

/**
 * The chats as they would be with no row excluded. Excluding or including rows leaves them as they
 * are, so they are grouped again only after an edit or a change of the columns that make chats
 * (0.7 s at 1M rows), not on every exclusion.
 */
function chatsWithoutExclusions(table: Table, validation: Validation, overlay: Overlay): { grouping: Grouping; chats: Int32Array } {
  const { table: _, ...columns } = groupingFor(table, validation.mapping);
  const key = `${overlay.editsMade}\u0000${JSON.stringify(columns)}`;
  const known = wholeChats.get(overlay);
  if (known?.key === key) return known;
  const whole = table.rows.map((row, i) => overlay.hidden.get(i) ?? row);
  const grouping = groupRows({ ...columns, table: { ...table, rows: whole } });
  const made = { key, grouping, chats: chatOfRow(grouping, whole.length) };
  wholeChats.set(overlay, made);
  return made;
}

/** The excluded rows (spreadsheet numbers) of the chat excluded data row `index` belongs to, when two or more. */
function excludedChatOf(table: Table, validation: Validation, overlay: Overlay, index: number): number[] | undefined {
  const { grouping, chats } = chatsWithoutExclusions(table, validation, overlay);
  const chat = chats[index] as number;
  if (chat < 0) return undefined;
  const members = grouping.rowsOf.subarray(grouping.starts[chat], grouping.starts[chat + 1]);
  const excluded = Array.from(members).filter((i) => overlay.excluded.has(i));
  return excluded.length < 2 ? undefined : excluded.map((i) => i + table.headerRow + 1);
}

export function overlayFor(table: Table, current: Overlay | undefined): Overlay {
  return current?.table === table ? current : { table, hidden: new Map(), edited: new Map(), excluded: new Set(), editsMade: 0 };
}

/** A page of rows for the review grid; optionally only rows with findings, of one code, or those asked for. */
export function rowsPage(
  table: Table,
  validation: Validation | undefined,
  overlay: Overlay | undefined,
  request: { offset: number; limit: number; onlyProblems: boolean; code?: string | undefined; only?: readonly number[] | undefined },
): { total: number; rows: RowView[] } {
  const byRow = validation === undefined ? new Map<number, number[]>() : findingsByRow(validation);
  const findings = validation?.findings ?? [];
  const wanted = (i: number): boolean => {
    const list = byRow.get(i);
    if (request.code !== undefined) return list?.some((f) => findings[f]?.code === request.code) ?? false;
    return !request.onlyProblems || list !== undefined || overlay?.excluded.has(i) === true;
  };
  const filtered = request.onlyProblems || request.code !== undefined;
  const indexes =
    request.only !== undefined
      ? request.only.map((row) => row - table.headerRow - 1).filter((i) => i >= 0 && i < table.rows.length)
      : filtered
        ? [...Array(table.rows.length).keys()].filter(wanted)
        : undefined;
  const total = indexes?.length ?? table.rows.length;
  const grouping = validation?.grouping;
  const chats = grouping === undefined ? undefined : chatOfRow(grouping, table.rows.length);
  const rows: RowView[] = [];
  for (let k = request.offset; k < Math.min(total, request.offset + request.limit); k++) {
    const i = indexes === undefined ? k : (indexes[k] as number);
    const cells = overlay?.hidden.get(i) ?? table.rows[i] ?? [];
    const view: RowView = {
      row: i + table.headerRow + 1,
      cells: table.headers.map((_, c) => renderCell(cells[c] ?? null)),
      edited: [...(overlay?.edited.get(i) ?? [])],
      excluded: overlay?.excluded.has(i) === true,
      findings: (byRow.get(i) ?? []).map((f) => findings[f] as Finding),
    };
    const chatRows = grouping === undefined || chats === undefined ? undefined : chatRowsOf(table, grouping, chats, i);
    if (chatRows !== undefined) view.chatRows = chatRows;
    const excludedChat = view.excluded && validation !== undefined && overlay !== undefined ? excludedChatOf(table, validation, overlay, i) : undefined;
    if (excludedChat !== undefined) view.excludedChat = excludedChat;
    rows.push(view);
  }
  return { total, rows };
}

function rowIndex(table: Table, row: number): Result<number> {
  const index = row - table.headerRow - 1;
  if (index < 0 || index >= table.rows.length) {
    return fail({ code: 'row.not_found', row, message: text(`Row ${row} is not a data row of this sheet.`, `Строка ${row} — не строка данных этого листа.`) });
  }
  return ok(index);
}

/** Puts a typed value into one cell. An excluded row keeps the edit for when it is included again. */
export function editCell(overlay: Overlay, row: number, column: number, value: string): Result<void> {
  const { table } = overlay;
  const index = rowIndex(table, row);
  if (!index.ok) return index;
  if (column >= table.headers.length) {
    return fail({ code: 'column.not_found', row, message: text(`The sheet has no column ${column + 1}.`, `В листе нет столбца ${column + 1}.`) });
  }
  const i = index.value;
  const hidden = overlay.hidden.get(i);
  // A copy: the table's rows may be the workbook's own, which must stay as the file has them.
  const changed = [...(hidden ?? table.rows[i] ?? [])];
  changed[column] = typedLike(changed[column] ?? null, value);
  if (hidden !== undefined) overlay.hidden.set(i, changed);
  else table.rows[i] = changed;
  const edited = overlay.edited.get(i) ?? new Set<number>();
  edited.add(column);
  overlay.editsMade++;
  overlay.edited.set(i, edited);
  return ok(undefined);
}

/** Edits in order; the first that does not fit the sheet stops them, naming its row. */
export function editCells(overlay: Overlay, edits: readonly { row: number; column: number; value: string }[]): Result<void> {
  for (const edit of edits) {
    const done = editCell(overlay, edit.row, edit.column, edit.value);
    if (!done.ok) return done;
  }
  return ok(undefined);
}

/**
 * A typed value takes the type of the cell it replaces where it can, as a spreadsheet would:
 * retyping 1001 into a number cell keeps it the number 1001, so it still groups with its chat.
 */
function typedLike(original: Cell, value: string): Cell {
  if (value === '') return null;
  if (typeof original === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof original === 'boolean' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return value;
}

/** Excluded rows read as blank to the engine, so no row number shifts; including restores them. */
export function excludeRows(overlay: Overlay, rows: readonly number[], excluded: boolean): Result<void> {
  const { table } = overlay;
  for (const row of rows) {
    const index = rowIndex(table, row);
    if (!index.ok) return index;
    const i = index.value;
    if (excluded && !overlay.excluded.has(i)) {
      overlay.hidden.set(i, table.rows[i] ?? []);
      overlay.excluded.add(i);
      table.rows[i] = [];
    } else if (!excluded && overlay.excluded.has(i)) {
      table.rows[i] = overlay.hidden.get(i) ?? [];
      overlay.hidden.delete(i);
      overlay.excluded.delete(i);
    }
  }
  return ok(undefined);
}

/** The rows with problems, with a reason column in front, for the person to fix elsewhere. */
export function exportProblems(table: Table, validation: Validation, path: string, format: 'csv' | 'xlsx', language: Language): Result<{ path: string; rows: number }> {
  const byRow = findingsByRow(validation);
  const header = language === 'ru' ? ['Строка', 'Проблемы'] : ['Row', 'Problems'];
  const out: ReportCell[][] = [[...header, ...table.headers].map(neutralise)];
  for (const [i, list] of [...byRow.entries()].sort(([a], [b]) => a - b)) {
    const reasons = list.map((f) => validation.findings[f]?.message[language] ?? '').join(' | ');
    const cells = (table.rows[i] ?? []).map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell instanceof Date ? renderCell(cell) : cell));
    out.push([i + table.headerRow + 1, neutralise(reasons), ...cells]);
  }
  try {
    writeFileAtomic(path, format === 'csv' ? toCsv(out) : toXlsx(out, language === 'ru' ? 'Проблемы' : 'Problems'));
  } catch (error) {
    return fail(unwritable(path, error));
  }
  return ok({ path, rows: out.length - 1 });
}

function unwritable(path: string, error: unknown): Problem {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
  return { code: 'export.unwritable', message: text(`${path} cannot be written (${code}).`, `Не удаётся записать ${path} (${code}).`) };
}

/** The first rows of a sheet as a person sees them, for choosing the header row. */
export function previewRows(rows: readonly Cell[][], count: number): string[][] {
  return rows.slice(0, count).map((row) => row.map(renderCell));
}
