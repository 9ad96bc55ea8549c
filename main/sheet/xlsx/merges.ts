import type { MergeRange } from '../types.ts';

/*
 * What a worksheet says after its cells: merged ranges, and hyperlinks, which SheetJS anchors on
 * empty stub cells, so a link below the last value still counts as a row of the sheet. Each is
 * matched with SheetJS's own patterns so both readers see the same ranges.
 */

const MERGE_CELL = /^<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*\/?>$/;
const HYPERLINK = /^<(?:\w+:)?hyperlink\s/;
const LINK_REF = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** An A1 range read as SheetJS's `safe_decode_range` reads it (0-based; lenient with junk). */
function decodeRange(range: string): MergeRange {
  let i = 0;
  const letters = (): number => {
    let index = 0;
    for (let code: number; i < range.length && (code = range.charCodeAt(i) - 64) >= 1 && code <= 26; i++) index = 26 * index + code;
    return index - 1;
  };
  const digits = (): number => {
    let index = 0;
    for (let code: number; i < range.length && (code = range.charCodeAt(i) - 48) >= 0 && code <= 9; i++) index = 10 * index + code;
    return index - 1;
  };
  const firstColumn = letters();
  const firstRow = digits();
  if (i === range.length || range.charCodeAt(i) !== 58) return { firstRow, firstColumn, lastRow: firstRow, lastColumn: firstColumn };
  i++;
  const lastColumn = letters();
  const lastRow = digits();
  return { firstRow, firstColumn, lastRow, lastColumn };
}

export class SheetTail {
  readonly merges: MergeRange[] = [];
  /** The lowest row (0-based) a hyperlink anchors a stub on, or -1. */
  lastLinkRow = -1;
  /** SheetJS stops at the first hyperlink without a ref. */
  private linksEnded = false;

  /** One tag from outside the sheet's data, as text. */
  tag(source: string): void {
    if (MERGE_CELL.test(source)) {
      this.merges.push(decodeRange(source.slice(source.indexOf('=') + 2)));
      return;
    }
    if (this.linksEnded || !HYPERLINK.test(source)) return;
    const m = LINK_REF.exec(source);
    const ref = m?.[1] ?? m?.[2];
    if (!ref) {
      this.linksEnded = true;
      return;
    }
    const range = decodeRange(ref);
    if (range.lastColumn >= range.firstColumn && range.lastRow >= range.firstRow) {
      this.lastLinkRow = Math.max(this.lastLinkRow, range.lastRow);
    }
  }
}
