import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import { StoredChatSchema, type StoredChat } from './chat-model.ts';

const StateSchema = z.strictObject({
  version: z.literal(1),
  next_id: z.number().int().positive(),
  chats: z.array(StoredChatSchema),
});

export interface SandboxState {
  nextId: number;
  chats: StoredChat[];
}

/** The stored chats of an earlier run, or a fresh state when the file does not exist yet. */
export function loadState(path: string, firstId: number): Result<SandboxState, Problem> {
  if (!existsSync(path)) return ok({ nextId: firstId, chats: [] });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(stateProblem(path, why));
  }
  const parsed = StateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(stateProblem(path, `${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}`));
  }
  return ok({ nextId: parsed.data.next_id, chats: parsed.data.chats });
}

/**
 * Writes the whole state to a temporary file, flushes it, then renames it over the old one: a
 * sandbox killed mid-write leaves either the old state or the new, never half of one.
 */
export function saveState(path: string, state: SandboxState): Result<void, Problem> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify({ version: 1, next_id: state.nextId, chats: state.chats }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    return ok(undefined);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail({ code: 'sandbox.state_unwritable', message: text(`Cannot write the sandbox state ${path}: ${why}`, `Не удалось записать состояние песочницы ${path}: ${why}`), file: path });
  }
}

function stateProblem(path: string, why: string): Problem {
  return {
    code: 'sandbox.state_invalid',
    message: text(`The sandbox state file ${path} cannot be used: ${why}`, `Файл состояния песочницы ${path} нельзя использовать: ${why}`),
    file: path,
  };
}
