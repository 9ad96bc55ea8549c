/*
 * Small xlsx files written by hand for the reader's tests: each test shows the exact XML the
 * reader meets, including what Excel and other writers do that SheetJS's own writer never does.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sheetjsReader } from '../../../main/sheet/workbook-reader.ts';
import { xlsxReader } from '../../../main/sheet/xlsx/reader.ts';
import type { ReadOptions, ReadOutcome, SheetFormat, UnpackThresholds } from '../../../main/sheet/types.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export interface SheetSpec {
  name?: string;
  /** What goes inside <sheetData>. */
  data: string;
  /** What follows </sheetData> (mergeCells, hyperlinks). */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** A chart sheet instead of a worksheet. */
  chart?: boolean;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Each `<si>` item's inner XML. */
  strings?: string[];
  /** Custom formats as [numFmtId, formatCode]. */
  numFmts?: [number, string][];
  /** numFmtId of each cellXfs style, in order (style 0 first). */
  styles?: number[];
  date1904?: boolean;
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function stylesXml(spec: BookSpec): string {
  const formats = (spec.numFmts ?? []).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`).join('');
  const xfs = (spec.styles ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return `<styleSheet xmlns="${MAIN}"><numFmts count="${spec.numFmts?.length ?? 0}">${formats}</numFmts><cellXfs count="1">${xfs}</cellXfs></styleSheet>`;
}

function sheetEntries(sheets: SheetSpec[]): { files: Zippable; book: string; rels: string; types: string } {
  const files: Zippable = {};
  let book = '';
  let rels = '';
  let types = '';
  sheets.forEach((sheet, i) => {
    const kind = sheet.chart ? 'chartsheet' : 'worksheet';
    const path = `${sheet.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`;
    const body = sheet.chart ? '<chartsheet/>' : `<worksheet xmlns="${MAIN}"><sheetData>${sheet.data}</sheetData>${sheet.after ?? ''}</worksheet>`;
    files[`xl/${path}`] = strToU8(body);
    const state = sheet.state ? ` state="${sheet.state}"` : '';
    book += `<sheet name="${escapeAttribute(sheet.name ?? `Sheet${i + 1}`)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    rels += `<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${path}"/>`;
    types += `<Override PartName="/xl/${path}" ContentType="${SML}.${kind}+xml"/>`;
  });
  return { files, book, rels, types };
}

/** A workbook as the bytes of an .xlsx file. */
export function book(spec: BookSpec): Uint8Array {
  const { files, book: sheetsXml, rels, types } = sheetEntries(spec.sheets);
  const strings = spec.strings ?? [];
  const pr = spec.date1904 ? '<workbookPr date1904="1"/>' : '';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/>${types}` +
        `<Override PartName="/xl/styles.xml" ContentType="${SML}.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}">${pr}<sheets>${sheetsXml}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="${PKG}">${rels}</Relationships>`),
    'xl/styles.xml': strToU8(stylesXml(spec)),
    'xl/sharedStrings.xml': strToU8(`<sst xmlns="${MAIN}" count="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`),
    ...files,
  });
}

/** One worksheet holding `data`, with optional shared strings. */
export const oneSheet = (data: string, extra: Omit<BookSpec, 'sheets'> = {}): Uint8Array => book({ ...extra, sheets: [{ data }] });

export const readFast = (bytes: Uint8Array, options: ReadOptions = {}, format: SheetFormat = 'xlsx'): ReadOutcome =>
  xlsxReader.read(bytes, `book.${format}`, format, options);

export const readSheetJs = (bytes: Uint8Array, format: SheetFormat = 'xlsx'): ReadOutcome =>
  sheetjsReader.read(bytes, `book.${format}`, format, {});

/** The reader's three ways of unpacking a part, each forced on every part of a file. */
export const UNPACK_WAYS: [string, Partial<UnpackThresholds>][] = [
  ['on a helper thread', { threadFrom: 1 }],
  ['in one native call', { threadFrom: Infinity, wholeUpTo: Infinity }],
  ['by fflate in pieces', { threadFrom: Infinity, wholeUpTo: 0 }],
];
