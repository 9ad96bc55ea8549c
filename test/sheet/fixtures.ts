/*
 * Spreadsheet fixtures built in code: no binary blobs in the repository, and each test shows
 * exactly what its file contains.
 */
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import type { Result } from '../../main/common/text.ts';

export type BookType = 'xlsx' | 'xlsm' | 'xlsb' | 'xls' | 'ods';
type Aoa = unknown[][];

export interface SheetSpec {
  name: string;
  rows: Aoa;
  hidden?: boolean;
  merges?: string[];
}

/** A workbook file as bytes, written by SheetJS. */
export function workbookBytes(sheets: SheetSpec[], bookType: BookType = 'xlsx', date1904 = false): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(spec.rows);
    if (spec.merges) sheet['!merges'] = spec.merges.map((range) => XLSX.utils.decode_range(range));
    XLSX.utils.book_append_sheet(book, sheet, spec.name);
  }
  book.Workbook = {
    Sheets: sheets.map((spec) => ({ Hidden: spec.hidden ? 1 : 0 })),
    WBProps: { date1904 },
  };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType, compression: true }));
}

/** One sheet called "Chats". */
export const oneSheet = (rows: Aoa, bookType: BookType = 'xlsx'): Uint8Array =>
  workbookBytes([{ name: 'Chats', rows }], bookType);

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const withBom = (bytes: Uint8Array, bom: number[]): Uint8Array => new Uint8Array([...bom, ...bytes]);

export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 * i] = code & 0xff;
    bytes[2 * i + 1] = code >> 8;
  }
  return bytes;
}

export function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

/** Windows-1251 for ASCII and Russian letters: А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8, № 0xB9. */
export function cp1251(text: string): Uint8Array {
  const special = new Map([['Ё', 0xa8], ['ё', 0xb8], ['№', 0xb9]]);
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const mapped = special.get(char);
    if (mapped === undefined) throw new Error(`no Windows-1251 byte for ${char} in the test table`);
    return mapped;
  });
}

/** A deterministic stream of bytes that starts with no known magic number. */
export function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes[0] = 0x5a;
  return bytes;
}

/** An OLE2 container like the one Excel writes for a password-protected xlsx. */
export function encryptedOoxml(): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', new Uint8Array(4096).fill(0x42));
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }));
}

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Override the uncompressed size written in the central directory. */
  directorySize?: number;
  /** Override the uncompressed size written in the local header (0 with `streamed`). */
  localSize?: number;
  /** Set flag bit 3, as streaming writers do, with sizes in the local header left 0. */
  streamed?: boolean;
}

/**
 * A zip written by hand so tests can make its declared sizes lie. With `zip64`, the end record
 * defers to a zip64 end record and every size sits in a zip64 extra field.
 */
export function makeZip(parts: ZipPart[], zip64 = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const payload = part.stored ? part.data : new Uint8Array(deflateRawSync(part.data));
    const name = utf8(part.name);
    const size = part.data.length;
    const flags = part.streamed ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, part.stored ? 0 : 8, true);
    local.setUint32(18, part.streamed ? 0 : payload.length, true);
    local.setUint32(22, part.localSize ?? (part.streamed ? 0 : size), true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, payload);
    const extra = new DataView(new ArrayBuffer(zip64 ? 20 : 0));
    if (zip64) {
      extra.setUint16(0, 1, true);
      extra.setUint16(2, 16, true);
      extra.setBigUint64(4, BigInt(part.directorySize ?? size), true);
      extra.setBigUint64(12, BigInt(payload.length), true);
    }
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, flags, true);
    entry.setUint16(10, part.stored ? 0 : 8, true);
    entry.setUint32(20, zip64 ? 0xffffffff : payload.length, true);
    entry.setUint32(24, zip64 ? 0xffffffff : part.directorySize ?? size, true);
    entry.setUint16(28, name.length, true);
    entry.setUint16(30, extra.byteLength, true);
    entry.setUint32(42, offset, true);
    directory.push(new Uint8Array(entry.buffer), name, new Uint8Array(extra.buffer));
    offset += 30 + name.length + payload.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const tail: Uint8Array[] = [];
  if (zip64) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setBigUint64(24, BigInt(parts.length), true);
    record.setBigUint64(32, BigInt(parts.length), true);
    record.setBigUint64(40, BigInt(directorySize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + directorySize), true);
    locator.setUint32(16, 1, true);
    tail.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : parts.length, true);
  end.setUint16(10, zip64 ? 0xffff : parts.length, true);
  end.setUint32(12, zip64 ? 0xffffffff : directorySize, true);
  end.setUint32(16, zip64 ? 0xffffffff : offset, true);
  tail.push(new Uint8Array(end.buffer));
  const all = [...chunks, ...directory, ...tail];
  const bytes = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The value of an ok Result, or a test failure that shows the Problem. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

/** The Problem of a failed Result, or a test failure. */
export function problemOf<T>(result: Result<T>): Extract<Result<T>, { ok: false }>['error'] {
  if (result.ok) throw new Error('expected a problem, got ok');
  return result.error;
}

/** An ods as LibreOffice writes dates: an ISO `office:date-value`, not a serial. */
export function odsWithDate(isoWallClock: string): Uint8Array {
  const office = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="${office}" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="Chats"><table:table-row><table:table-cell office:value-type="date" office:date-value="${isoWallClock}">
<text:p>${isoWallClock}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>
</office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
</manifest:manifest>`;
  return makeZip([
    { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.spreadsheet'), stored: true },
    { name: 'content.xml', data: utf8(content) },
    { name: 'styles.xml', data: utf8(`<office:document-styles xmlns:office="${office}"/>`) },
    { name: 'META-INF/manifest.xml', data: utf8(manifest) },
  ]);
}

/**
 * A BIFF5 .xls as Russian Excel 95 saved it: text in code page 1251. SheetJS cannot write that,
 * so a Latin placeholder is written and then patched, with the CODEPAGE record set to 1251.
 */
export function biff5InCodepage1251(russian: string): Uint8Array {
  const placeholder = 'Q'.repeat(russian.length);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[placeholder]]), 'Sheet1');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff5' }));
  const codepage = bytes.findIndex((_, i) => bytes[i] === 0x42 && bytes[i + 1] === 0 && bytes[i + 2] === 2 && bytes[i + 3] === 0);
  new DataView(bytes.buffer).setUint16(codepage + 4, 1251, true);
  bytes.set(cp1251(russian), Buffer.from(bytes).indexOf(placeholder));
  return bytes;
}

/**
 * Damages the compressed data of the zip entry named `name` in place: a first byte of all ones
 * declares deflate block type 3, which does not exist, so no inflater can unpack it.
 */
export function damageEntry(zip: Uint8Array, name: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const encoded = Buffer.from(name);
  for (let at = 0; at + 30 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50 || !Buffer.from(zip.subarray(at + 30, at + 30 + encoded.length)).equals(encoded)) continue;
    if (view.getUint16(at + 8, true) !== 8) throw new Error(`${name} is not deflated`);
    zip[at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)] = 0xff;
    return zip;
  }
  throw new Error(`no entry ${name}`);
}
