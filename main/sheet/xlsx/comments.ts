import { relationships } from './workbook.ts';
import type { ZipParts } from './zip-parts.ts';

/*
 * SheetJS gives every commented cell an empty stub, so a note below the last value still counts
 * as a row of the sheet. Only how far down they reach matters: stubs hold no value.
 */

const COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const THREADED = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
const REF = /<(?:\w+:)?(?:comment|threadedComment)\b[^<>]*?\sref="([A-Z]+)(\d+)"/g;

/** SheetJS's resolution of a relationship's target against the part that holds it. */
function resolve(target: string, base: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = base.split('/');
  if (!base.endsWith('/')) path.pop();
  for (const step of target.split('/')) {
    if (step === '..') path.pop();
    else if (step !== '.') path.push(step);
  }
  return path.join('/');
}

/** The lowest row (0-based) holding a comment on the sheet in `sheetPath`, or -1. */
export function lastCommentRow(parts: ZipParts, sheetPath: string): number {
  const relsPath = sheetPath.replace(/^(.*)(\/)([^/]*)$/, '$1/_rels/$3.rels');
  if (!parts.has(relsPath)) return -1;
  let last = -1;
  for (const rel of relationships(parts.text(relsPath)).values()) {
    if (rel.type !== COMMENTS && rel.type !== THREADED) continue;
    const xml = parts.text(resolve(rel.target, sheetPath)) ?? '';
    for (const m of xml.matchAll(REF)) last = Math.max(last, Number.parseInt(m[2] ?? '0', 10) - 1);
  }
  return last;
}
