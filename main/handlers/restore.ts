import { statSync } from 'node:fs';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import type { Employee } from '../chats/normalise/employees.ts';
import type { ProgressListener } from '../engine/client.ts';
import type { EngineRequest, TableSummary, ValidationSummary, WorkbookSummary } from '../engine/protocol.ts';
import type { MappingInput } from '../mapping/model.ts';
import { baseName } from '../sheet/file-name.ts';
import type { EnginePort } from './ports.ts';
import { validateRequest, type AccountLists, type ImportSession } from './session.ts';

/** What the engine has to be told, in order, to hold an import: a project, or the one on screen. */
export interface ImportState {
  path: string;
  text: ImportSession['text'];
  sheet?: string;
  headerRow?: number;
  mapping?: MappingInput;
  employees: Employee[];
  accountIds?: AccountLists;
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
  let validation = await engine.request(validateRequest(state.mapping, state), onProgress);
  if (validation.ok && state.edits.length > 0) validation = await engine.request({ type: 'edit', edits: [...state.edits] }, onProgress);
  const excluded = [...state.excluded];
  if (validation.ok && excluded.length > 0) validation = await engine.request({ type: 'exclude', rows: excluded, excluded: true }, onProgress);
  if (!validation.ok) return validation;
  return ok({ workbook: workbook.value, table: table.value, validation: validation.value });
}

/** What tells one state of a file from another without reading it: size and modification time. */
export type Fingerprint = (path: string) => string | undefined;

const statFingerprint: Fingerprint = (path) => {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
};

function changedSinceOpened(path: string): Problem {
  const file = baseName(path);
  return {
    code: 'file.changed_since_open',
    file,
    message: text(
      `The import engine had to restart, and ${file} has changed on disk since it was opened, so your edits may no longer fit its rows: open it again.`,
      `Модулю импорта пришлось перезапуститься, а файл ${file} изменился на диске после открытия, и правки могут не подойти к его строкам: откройте его снова.`,
    ),
  };
}

/**
 * The engine as the import's handlers see it. A worker that runs out of memory on another file, or
 * crashes, takes the open import with it; the page still shows it, so before the next request the
 * import is replayed from what main remembers (file, sheet, mapping, edits, exclusions) into the
 * fresh worker, and the person goes on where they were. Edits are kept by row, so a file that
 * changed meanwhile is not replayed but said.
 */
export function restoringEngine(engine: EnginePort, session: ImportSession, fingerprint: Fingerprint = statFingerprint): EnginePort {
  /** The engine's generation when the session's file was last opened in it, and the file then. */
  let openedIn = engine.generation;
  let openedAs: string | undefined;
  const restoring: EnginePort = {
    get generation() {
      return engine.generation;
    },
    async request(request, onProgress) {
      const path = session.path;
      if (request.type !== 'open' && path !== undefined && engine.generation !== openedIn) {
        const now = fingerprint(path);
        if (now !== undefined && now !== openedAs) return fail(changedSinceOpened(path));
        const restored = await replayImport(engine, { ...session, path }, onProgress);
        if (!restored.ok) return restored;
        openedIn = engine.generation;
      }
      const reply = await engine.request(request, onProgress);
      const asked: EngineRequest = request;
      if (asked.type === 'open' && reply.ok) {
        openedIn = engine.generation;
        openedAs = fingerprint(asked.path);
      }
      return reply;
    },
  };
  return restoring;
}
