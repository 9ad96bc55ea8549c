import { tags, type Tag } from './small-xml.ts';
import { Unsupported } from './stops.ts';
import { unescapeXml } from './text.ts';
import type { ZipParts } from './zip-parts.ts';

/*
 * Where a workbook's pieces are and what the workbook says about its sheets. Parts are found the
 * way SheetJS finds them (content types for the workbook, shared strings and styles; the
 * workbook's relationships for sheets), so both readers read the same parts of an odd file.
 */

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** The worksheet part's name in the zip. */
  path: string;
}

export interface BookLayout {
  date1904: boolean;
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
}

const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const SPREADSHEETML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const WORKBOOK_TYPES = new Set([
  `${SPREADSHEETML}.sheet.main+xml`,
  `${SPREADSHEETML}.template.main+xml`,
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
]);
const SHARED_STRINGS_TYPES = new Set([`${SPREADSHEETML}.sharedStrings+xml`, 'application/vnd.ms-excel.sharedStrings']);
const STYLES_TYPES = new Set([`${SPREADSHEETML}.styles+xml`, 'application/vnd.ms-excel.styles']);
const WORKSHEET_RELATIONSHIPS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);

const withoutLeadingSlash = (name: string): string => (name.startsWith('/') ? name.slice(1) : name);
const attribute = (tag: Tag, name: string): string | undefined => tag.attributes.get(name);

interface ContentTypes {
  workbook: string;
  sharedStrings?: string;
  styles?: string;
}

function contentTypes(parts: ZipParts): ContentTypes {
  const xml = parts.text('[Content_Types].xml');
  if (xml === undefined) throw new Unsupported('missing_part');
  const found: { workbook?: string; sharedStrings?: string; styles?: string } = {};
  for (const tag of tags(xml)) {
    if (tag.closing) continue;
    if (tag.name === 'Types' && attribute(tag, 'xmlns') !== CONTENT_TYPES_NS) throw new Unsupported('unusual_markup');
    if (tag.name !== 'Override') continue;
    const type = attribute(tag, 'ContentType') ?? '';
    const part = withoutLeadingSlash(attribute(tag, 'PartName') ?? '');
    if (WORKBOOK_TYPES.has(type)) found.workbook ??= part;
    else if (SHARED_STRINGS_TYPES.has(type)) found.sharedStrings ??= part;
    else if (STYLES_TYPES.has(type)) found.styles ??= part;
  }
  const workbook = found.workbook ?? (parts.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  if (workbook === undefined) throw new Unsupported('missing_part');
  return { ...found, workbook };
}

interface Relationship {
  type: string;
  target: string;
}

function relationshipsFile(parts: ZipParts, workbook: string): string {
  const slash = workbook.lastIndexOf('/');
  const beside = `${workbook.slice(0, slash + 1)}_rels/${workbook.slice(slash + 1)}.rels`;
  return parts.has(beside) ? beside : 'xl/_rels/workbook.xml.rels';
}

export function relationships(xml: string | undefined): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  for (const tag of xml === undefined ? [] : tags(xml)) {
    if (tag.closing || tag.name !== 'Relationship') continue;
    const id = attribute(tag, 'Id');
    if (id !== undefined) found.set(id, { type: attribute(tag, 'Type') ?? '', target: unescapeXml(attribute(tag, 'Target') ?? '', false) });
  }
  return found;
}

/** SheetJS's search for a sheet's part: under xl/, then as written, then beside the relationships. */
function sheetPath(parts: ZipParts, target: string, relsFile: string): string {
  const candidates = [`xl/${target.replace(/\/?xl\//, '')}`, target, relsFile.replace(/_rels\/[\s\S]*$/, '') + target];
  const path = candidates.find((candidate) => parts.has(candidate));
  if (path === undefined) throw new Unsupported('missing_part');
  return path;
}

const xsdTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

export function readLayout(parts: ZipParts): BookLayout {
  const types = contentTypes(parts);
  const xml = parts.text(types.workbook);
  if (xml === undefined) throw new Unsupported('missing_part');
  const relsFile = relationshipsFile(parts, types.workbook);
  const rels = relationships(parts.text(relsFile));
  let date1904 = false;
  const sheets: SheetPart[] = [];
  for (const tag of tags(xml)) {
    if (tag.closing) continue;
    if (tag.name === 'workbookPr') date1904 = xsdTrue(attribute(tag, 'date1904'));
    if (tag.name !== 'sheet') continue;
    const rel = rels.get(attribute(tag, 'id') ?? '');
    if (rel === undefined) throw new Unsupported('missing_part');
    if (!WORKSHEET_RELATIONSHIPS.has(rel.type)) throw new Unsupported('special_sheet');
    const state = attribute(tag, 'state');
    sheets.push({
      name: unescapeXml(attribute(tag, 'name') ?? '', false),
      hidden: state === 'hidden' || state === 'veryHidden',
      path: sheetPath(parts, rel.target, relsFile),
    });
  }
  if (sheets.length === 0) throw new Unsupported('missing_part');
  return { date1904, sheets, sharedStrings: types.sharedStrings, styles: types.styles };
}
