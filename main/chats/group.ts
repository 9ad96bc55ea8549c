import type { Cell, Table } from '../sheet/types.ts';
import type { Layout } from '../mapping/model.ts';
import { cellKey, isBlank } from './cells.ts';

/**
 * Which data rows form which chat. Rows of chat c are `rowsOf[starts[c]] … rowsOf[starts[c+1]-1]`,
 * in file order. Blank rows belong to no chat and are not counted.
 */
export interface Grouping {
  chatCount: number;
  starts: Int32Array;
  rowsOf: Int32Array;
  /** Non-blank rows that could not be put in a chat (an empty chat key). */
  keyless: number[];
  /** Rows where every mapped column is empty. */
  blankRows: number;
}

export interface GroupingInput {
  table: Table;
  layout: Layout;
  /** Indexes of every mapped column: a row empty in all of them is blank. */
  mappedColumns: readonly number[];
  /** For messages-by-key: the chat key column. */
  keyColumn: number;
  /** For messages-consecutive: the columns naming the visitor, most telling first. */
  visitorColumns: readonly number[];
  /** For messages-consecutive: the chat start column, or -1. */
  startColumn: number;
}

export function groupRows(input: GroupingInput): Grouping {
  const { table } = input;
  const rowCount = table.rows.length;
  const chatOfRow = new Int32Array(rowCount).fill(-1);
  const keyless: number[] = [];
  let blankRows = 0;
  let chatCount = 0;

  const assignByKey = (): void => {
    const chatOfKey = new Map<string, number>();
    // The reader shares a value repeated on consecutive rows: the same cell is the same chat.
    let lastCell: Cell = null;
    let lastChat = -1;
    for (let r = 0; r < rowCount; r++) {
      const row = table.rows[r] as Cell[];
      if (isBlankRow(row, input.mappedColumns)) { blankRows++; continue; }
      const cell = row[input.keyColumn] ?? null;
      if (cell !== null && cell === lastCell) { chatOfRow[r] = lastChat; continue; }
      if (isBlank(cell)) { keyless.push(r); continue; }
      const key = typeof cell === 'string' ? cell.trim() : cellKey(cell);
      let chat = chatOfKey.get(key);
      if (chat === undefined) { chat = chatCount++; chatOfKey.set(key, chat); }
      chatOfRow[r] = chat;
      lastCell = cell;
      lastChat = chat;
    }
  };

  const assignConsecutive = (): void => {
    let previousVisitor = '';
    let previousStart = '';
    for (let r = 0; r < rowCount; r++) {
      const row = table.rows[r] as Cell[];
      if (isBlankRow(row, input.mappedColumns)) { blankRows++; continue; }
      const visitor = visitorOf(row, input.visitorColumns);
      const startCell = input.startColumn >= 0 ? (row[input.startColumn] ?? null) : null;
      const start = isBlank(startCell) ? '' : cellKey(startCell);
      // A row that repeats neither the visitor nor the start continues the chat above it:
      // exports often write the visitor's details on a chat's first row only.
      const newVisitor = visitor !== '' && visitor !== previousVisitor;
      const newStart = start !== '' && start !== previousStart;
      if (chatCount === 0 || newVisitor || newStart) chatCount++;
      if (visitor !== '') previousVisitor = visitor;
      if (start !== '') previousStart = start;
      chatOfRow[r] = chatCount - 1;
    }
  };

  const assignPerRow = (): void => {
    for (let r = 0; r < rowCount; r++) {
      if (isBlankRow(table.rows[r] as Cell[], input.mappedColumns)) { blankRows++; continue; }
      chatOfRow[r] = chatCount++;
    }
  };

  if (input.layout.kind === 'messages-by-key') assignByKey();
  else if (input.layout.kind === 'messages-consecutive') assignConsecutive();
  else assignPerRow();

  return { chatCount, ...collect(chatOfRow, chatCount), keyless, blankRows };
}

function isBlankRow(row: Cell[] | undefined, columns: readonly number[]): boolean {
  if (!row) return true;
  for (const c of columns) if (!isBlank(row[c])) return false;
  return true;
}

function visitorOf(row: Cell[], columns: readonly number[]): string {
  for (const c of columns) {
    const cell = row[c] ?? null;
    if (!isBlank(cell)) return `${c}:${typeof cell === 'string' ? cell.trim().toLowerCase() : cellKey(cell)}`;
  }
  return '';
}

/** Counting sort of rows by chat, keeping file order inside each chat. */
function collect(chatOfRow: Int32Array, chatCount: number): { starts: Int32Array; rowsOf: Int32Array } {
  const starts = new Int32Array(chatCount + 1);
  for (const chat of chatOfRow) if (chat >= 0) starts[chat + 1]!++;
  for (let c = 0; c < chatCount; c++) starts[c + 1]! += starts[c]!;
  const next = starts.slice(0, chatCount);
  const rowsOf = new Int32Array(starts[chatCount]!);
  for (let r = 0; r < chatOfRow.length; r++) {
    const chat = chatOfRow[r]!;
    if (chat >= 0) rowsOf[next[chat]!++] = r;
  }
  return { starts, rowsOf };
}
