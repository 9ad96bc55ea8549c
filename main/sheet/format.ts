import { fail, ok, type Result } from '../common/text.ts';
import { extensionOf } from './file-name.ts';
import { OLE_MAGIC, oleHasStream } from './ole.ts';
import { corrupt, emptyFile, encrypted, truncated, unsupported } from './problems.ts';
import { TEXT_FORMATS, type SheetFormat } from './types.ts';
import { readZipDirectory, type ZipEntry } from './zip-directory.ts';

const FORMATS: ReadonlySet<string> = new Set<SheetFormat>(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'csv', 'tsv', 'txt']);
const isSheetFormat = (extension: string): extension is SheetFormat => FORMATS.has(extension);
/** How far to look for a NUL byte when deciding whether a file with an unknown extension is text. */
const TEXT_SNIFF_BYTES = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** A zip (xlsx, xlsm, xlsb, ods), by its first bytes. */
export const isZip = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

/** A BIFF2–BIFF5 workbook stream saved on its own, without an OLE container (old Excel, Works). */
const isBareBiff = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1) && bytes[3] === 0x00;

/**
 * Web systems often export an HTML table or Excel 2003 XML and name it .xls; SheetJS reads both.
 * Only trusted behind the .xls name, since any text file could start with "<".
 */
function isMarkup(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  return bytes[i] === 0x3c;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0);
}

/**
 * OOXML and ODF are both zips; what is inside says which, whatever the name claims. The workbook
 * part is found by name only, not by path: its folder is whatever the relationships say
 * (usually xl/, but not always).
 */
function zipFormat(entries: ZipEntry[], extension: string): SheetFormat | null {
  const names = entries.map((entry) => entry.name.toLowerCase());
  const has = (suffix: string): boolean => names.some((name) => name === suffix || name.endsWith(`/${suffix}`));
  if (has('workbook.bin')) return 'xlsb';
  if (has('workbook.xml')) return extension === 'xlsm' || has('vbaproject.bin') ? 'xlsm' : 'xlsx';
  if (names.includes('content.xml')) return 'ods';
  return null;
}

/**
 * The file's real format, from its bytes first and its name second, so a workbook saved under
 * the wrong extension still opens and a damaged one is named as such instead of being read as
 * text.
 */
export function detectFormat(bytes: Uint8Array, file: string): Result<SheetFormat> {
  const extension = extensionOf(file);
  if (bytes.length === 0) return fail(emptyFile(file));
  if (isZip(bytes)) {
    const directory = readZipDirectory(bytes);
    if (!directory.ok) {
      return fail(directory.reason === 'truncated' ? truncated(file) : corrupt(file, isSheetFormat(extension) ? extension : 'zip'));
    }
    const format = zipFormat(directory.entries, extension);
    return format === null ? fail(unsupported(file)) : ok(format);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel saves a password-protected xlsx as an OLE container holding the encrypted zip.
    return oleHasStream(bytes, 'EncryptedPackage') ? fail(encrypted(file)) : ok('xls');
  }
  if (isSheetFormat(extension) && TEXT_FORMATS.has(extension)) return ok(extension);
  if (isBareBiff(bytes)) return ok('xls');
  if (extension === 'xls' && isMarkup(bytes)) return ok('xls');
  if (isSheetFormat(extension)) return fail(corrupt(file, extension));
  return looksLikeText(bytes) ? ok('txt') : fail(unsupported(file));
}
