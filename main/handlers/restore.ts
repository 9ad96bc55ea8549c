import { ok, type Result } from '../common/text.ts';
import type { Employee } from '../chats/normalise/employees.ts';
import type { ProgressListener } from '../engine/client.ts';
import type { TableSummary, ValidationSummary, WorkbookSummary } from '../engine/protocol.ts';
import type { MappingInput } from '../mapping/model.ts';
import type { EnginePort } from './ports.ts';
import type { ImportSession } from './session.ts';

/** What the engine has to be told, in order, to hold an import: a project, or the one on screen. */
export interface ImportState {
  path: string;
  text: ImportSession['text'];
  sheet?: string;
  headerRow?: number;
  mapping?: MappingInput;
  employees: Employee[];
  edits: readonly { row: number; column: number; value: string }[];
  excluded: Iterable<number>;
}

export interface Replayed {
  workbook: WorkbookSummary;
  table?: TableSummary;
  validation?: ValidationSummary;
}

/** Opens the file, chooses its sheet, validates, then applies the edits and exclusions in one request each. */
export async function replayImport(engine: EnginePort, state: ImportState, onProgress?: ProgressListener): Promise<Result<Replayed>> {
  const workbook = await engine.request({ type: 'open', path: state.path, ...state.text }, onProgress);
  if (!workbook.ok) return workbook;
  if (state.sheet === undefined && state.headerRow === undefined) return ok({ workbook: workbook.value });
  const table = await engine.request({ type: 'table', sheet: state.sheet, headerRow: state.headerRow }, onProgress);
  if (!table.ok) return table;
  if (state.mapping === undefined) return ok({ workbook: workbook.value, table: table.value });
  let validation = await engine.request({ type: 'validate', mapping: state.mapping, employees: state.employees }, onProgress);
  if (validation.ok && state.edits.length > 0) validation = await engine.request({ type: 'edit', edits: [...state.edits] }, onProgress);
  const excluded = [...state.excluded];
  if (validation.ok && excluded.length > 0) validation = await engine.request({ type: 'exclude', rows: excluded, excluded: true }, onProgress);
  if (!validation.ok) return validation;
  return ok({ workbook: workbook.value, table: table.value, validation: validation.value });
}

/**
 * The engine as the import's handlers see it. A worker that runs out of memory on another file, or
 * crashes, takes the open import with it; the page still shows it, so before the next request the
 * import is replayed from what main remembers (file, sheet, mapping, edits, exclusions) into the
 * fresh worker, and the person goes on where they were.
 */
export function restoringEngine(engine: EnginePort, session: ImportSession): EnginePort {
  /** The engine's generation when the session's file was last opened in it. */
  let openedIn = engine.generation;
  const restoring: EnginePort = {
    get generation() {
      return engine.generation;
    },
    async request(request, onProgress) {
      if (request.type !== 'open' && session.path !== undefined && engine.generation !== openedIn) {
        const restored = await replayImport(engine, { ...session, path: session.path }, onProgress);
        if (!restored.ok) return restored;
        openedIn = engine.generation;
      }
      const reply = await engine.request(request, onProgress);
      if (request.type === 'open' && reply.ok) openedIn = engine.generation;
      return reply;
    },
  };
  return restoring;
}
