import type { Candidate } from './reconcile.ts';
import { reportWindow } from './reconcile.ts';

/** `get.chats_report` refuses ranges longer than 3 months; stay well inside that. */
const MAX_SPAN_MS = 85 * 24 * 3600 * 1000;

const wallMs = (wall: string): number => Date.parse(`${wall.replace(' ', 'T')}Z`);
const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** One second each side: whether the report's bounds are inclusive is not documented. */
function padded(window: { dateFrom: string; dateTill: string }): { dateFrom: string; dateTill: string } {
  return { dateFrom: wall(wallMs(window.dateFrom) - 1000), dateTill: wall(wallMs(window.dateTill) + 1000) };
}

/** Splits chats into groups whose start times fit one report request each. */
export function reportGroups(candidates: readonly Candidate[]): { window: { dateFrom: string; dateTill: string }; chats: Candidate[] }[] {
  const sorted = [...candidates].sort((a, b) => (a.probe.start < b.probe.start ? -1 : a.probe.start > b.probe.start ? 1 : 0));
  const groups: Candidate[][] = [];
  let current: Candidate[] = [];
  for (const candidate of sorted) {
    const first = current[0];
    if (first !== undefined && wallMs(candidate.probe.start) - wallMs(first.probe.start) > MAX_SPAN_MS) {
      groups.push(current);
      current = [];
    }
    current.push(candidate);
  }
  if (current.length > 0) groups.push(current);
  return groups.map((chats) => ({ window: padded(reportWindow(chats)), chats }));
}
