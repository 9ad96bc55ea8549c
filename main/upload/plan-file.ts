import { readFileSync } from 'node:fs';
import { fail, ok, text, type Result } from '../common/text.ts';
import type { UploadChat } from '../chats/params.ts';
import type { ChatRows } from './results.ts';
import { planChat, type PlannedChat } from './plan.ts';

/** The plan's name inside its journal's folder: the chats the last upload set out to send. */
export const PLAN_FILE = 'plan.jsonl';

interface PlanLine {
  k: string;
  r: number[];
  c: UploadChat;
}

const damaged = (line: number) => ({ code: 'plan.corrupt', message: text(`The upload plan is damaged at line ${line}.`, `План загрузки повреждён в строке ${line}.`) });

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
      return fail(damaged(i + 1));
    }
    chats.push(planned);
  }
  return ok(chats);
}

const CONTENT = Buffer.from(',"c":');
/** A line's head exactly as the engine writes it; anything else is a damaged plan. */
const HEAD = /^\{"k":"([0-9a-f]{1,64})","r":\[(\d{1,9}(?:,\d{1,9})*)\]$/;

/**
 * The keys and rows of a plan (`{"k":…,"r":[…],"c":{…}}` a line), read from each line's head
 * only: the chats' content, most of the file, is never parsed. The head is matched against its
 * one exact shape instead of going through JSON and a schema: at 100,000 chats that is seconds.
 */
export function planRows(bytes: Buffer): Result<ChatRows[]> {
  const chats: ChatRows[] = [];
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    const content = bytes.subarray(start, stop).indexOf(CONTENT);
    const head = content === -1 ? null : HEAD.exec(bytes.toString('latin1', start, start + content));
    if (head === null) {
      return fail(damaged(line));
    }
    chats.push({ key: head[1] as string, rows: (head[2] as string).split(',').map(Number) });
    start = stop + 1;
  }
  return ok(chats);
}
