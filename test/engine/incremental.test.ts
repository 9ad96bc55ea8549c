import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationSession, type Validation } from '../../main/chats/engine.ts';
import { handleRequest, type WorkerState } from '../../main/engine/handle.ts';
import type { EngineReplies, EngineRequest } from '../../main/engine/protocol.ts';
import { MappingSchema } from '../../main/mapping/model.ts';
import { generateChats, STAFF, writeWorkbook } from '../fixtures/chats.ts';
import { mulberry32 } from '../fixtures/prng.ts';

/*
 * After an edit or an exclusion the engine normalises only the changed rows again. Whatever the
 * person does, the result must be what validating the same table from scratch gives.
 */
const dir = mkdtempSync(join(tmpdir(), 'incremental-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.UTC(2030, 0, 1);

function run<T extends EngineRequest['type']>(state: WorkerState, request: Extract<EngineRequest, { type: T }>): EngineReplies[T] {
  const result = handleRequest(state, request, () => undefined);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value as EngineReplies[T];
}

/** What a person sees of a validation: the counts and every finding with its rows. */
function seen(validation: Validation) {
  const { chatCount, validChats, errors, warnings, byCode, blankRows } = validation;
  const findings = validation.findings.map((f) => [f.code, f.field ?? '', f.rowIndexes.join(','), f.message.en]);
  return { chatCount, validChats, errors, warnings, byCode, blankRows, findings };
}

describe('re-validating after edits and exclusions', () => {
  it.each(['messages-by-key', 'messages-consecutive', 'chat-per-row'] as const)('gives what a fresh validation of the same table gives, after each of 60 seeded changes (%s)', (layout) => {
    const generated = generateChats({
      chats: 50, seed: 41, layout, language: 'mixed', headers: 'en',
      plant: ['invalid_phone', 'invalid_email', 'future_date', 'unknown_status', ...(layout === 'chat-per-row' ? [] : (['operator_without_employee', 'empty_message'] as const))],
    });
    const path = join(dir, `${layout}.xlsx`);
    writeFileSync(path, writeWorkbook(generated, 'xlsx'));
    const state: WorkerState = {};
    run(state, { type: 'open', path });
    const table = run(state, { type: 'table' });
    const mapping = table.suggestion.mapping;
    run(state, { type: 'validate', mapping, employees: [...STAFF], now: NOW });

    const random = mulberry32(7);
    const pick = <T,>(items: readonly T[]): T => random.pick(items);
    const rowCount = generated.rows.length;
    const columns = generated.headers.length;
    const row = () => random.int(2, rowCount + 1);
    const excluded = new Set<number>();
    for (let change = 0; change < 60; change++) {
      const kind = pick(['copy', 'nonsense', 'blank', 'exclude', 'include'] as const);
      if (kind === 'exclude' || kind === 'include') {
        const rows = kind === 'include' && excluded.size > 0 ? [pick([...excluded])] : [row(), row()];
        for (const r of rows) {
          if (kind === 'exclude') excluded.add(r);
          else excluded.delete(r);
        }
        run(state, { type: 'exclude', rows, excluded: kind === 'exclude' });
      } else {
        const column = random.int(0, columns - 1);
        const from = run(state, { type: 'rows', offset: row() - 2, limit: 1, onlyProblems: false }).rows[0]!;
        const value = kind === 'copy' ? from.cells[column]! : kind === 'blank' ? '' : pick(['not a date', '+7 (000)', 'x@', 'maybe', '12345678901234567890']);
        run(state, { type: 'edit', edits: [{ row: row(), column, value }] });
      }
      const fresh = new ValidationSession(state.table!, { employees: STAFF, now: () => NOW }).validate(MappingSchema.parse(mapping));
      if (!fresh.ok) throw new Error(fresh.error.message.en);
      expect(seen(state.validation!), `after change ${change + 1} (${kind})`).toEqual(seen(fresh.value));
    }
    expect(state.validation!.errors).toBeGreaterThan(0);
  });
});
