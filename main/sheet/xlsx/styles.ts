import { numberFormats } from '../sheetjs/library.ts';
import { tagsWithin } from './small-xml.ts';
import { Unsupported } from './stops.ts';
import { unescapeXml } from './text.ts';

/*
 * Which cell styles show their number as a date. A cell names a style (`s`, an index into
 * cellXfs); the style names a number format, built in or defined in numFmts; a date format turns
 * the cell's serial into a date. Decided per style once, so a cell costs one array lookup.
 */

/**
 * Excel's built-in formats as SheetJS knows them when it starts on a file. Other ids (27–36 and
 * 50–58, East Asian dates among them) have no format there unless the file defines one, so
 * their numbers stay numbers in both readers.
 */
const BUILT_IN: ReadonlyMap<number, string> = new Map([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'],
  [11, '0.00E+00'], [12, '# ?/?'], [13, '# ??/??'], [14, 'm/d/yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'],
  [17, 'mmm-yy'], [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'], [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'],
  [49, '@'], [56, '"上午/下午 "hh"時"mm"分"ss"秒 "'],
]);

/** A duration ([h]:mm) is not a moment: "36:00" is a day and a half, so it stays a number. */
const ELAPSED = /\[(h+|m+|s+)\]/i;

const isDateFormat = (format: string): boolean => !ELAPSED.test(format) && numberFormats.is_date(format);

function formatsOf(xml: string): Map<number, string> {
  const formats = new Map(BUILT_IN);
  for (const tag of tagsWithin(xml, 'numFmts')) {
    if (tag.name !== 'numFmt' || tag.closing) continue;
    const code = tag.attributes.get('formatCode');
    // SheetJS fails the whole workbook on a format without its code.
    if (code === undefined) throw new Unsupported('unusual_markup');
    const id = Number.parseInt(tag.attributes.get('numFmtId') ?? '', 10);
    if (id > 0) formats.set(id, unescapeXml(code, false));
  }
  return formats;
}

/** One flag per cellXfs entry: 1 when its number format is a date or time. */
export function dateStyles(xml: string | undefined): Uint8Array {
  if (xml === undefined) return new Uint8Array(0);
  const formats = formatsOf(xml);
  const known = new Map<string, boolean>();
  const flags: number[] = [];
  for (const tag of tagsWithin(xml, 'cellXfs')) {
    if (tag.name !== 'xf' || tag.closing) continue;
    const id = tag.attributes.get('numFmtId');
    const format = formats.get(id ? Number.parseInt(id, 10) : 0);
    if (format === undefined) {
      flags.push(0);
      continue;
    }
    let date = known.get(format);
    if (date === undefined) {
      date = isDateFormat(format);
      known.set(format, date);
    }
    flags.push(date ? 1 : 0);
  }
  return Uint8Array.from(flags);
}
