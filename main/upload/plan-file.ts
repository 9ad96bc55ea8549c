import { readFileSync } from 'node:fs';
import { fail, ok, text, type Result } from '../common/text.ts';
import type { UploadChat } from '../chats/params.ts';
import { planChat, type PlannedChat } from './plan.ts';

/** The plan's name inside its journal's folder: the chats the last upload set out to send. */
export const PLAN_FILE = 'plan.jsonl';

interface PlanLine {
  k: string;
  r: number[];
  c: UploadChat;
}

function isPlanLine(value: unknown): value is PlanLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return typeof line.k === 'string' && Array.isArray(line.r) && line.r.every(Number.isInteger) && typeof line.c === 'object' && line.c !== null;
}

/**
 * Reads the plan the engine wrote (one chat per line). Re-serialising a parsed chat gives back the
 * bytes the engine hashed, so each line's key is checked against its content.
 */
export function readPlan(path: string): Result<PlannedChat[]> {
  const lines = readFileSync(path, 'utf8').split('\n');
  const chats: PlannedChat[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const planned = isPlanLine(parsed) ? planChat(parsed.c, parsed.r) : undefined;
    if (planned === undefined || planned.key !== (parsed as PlanLine).k) {
      return fail({ code: 'plan.corrupt', message: text(`The upload plan is damaged at line ${i + 1}.`, `План загрузки повреждён в строке ${i + 1}.`) });
    }
    chats.push(planned);
  }
  return ok(chats);
}
