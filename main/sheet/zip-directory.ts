/*
 * Reads a zip's central directory without inflating anything, so the sizes a workbook claims can
 * be checked before SheetJS unpacks it. Pure: bytes in, entries or a reason out.
 */

export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 3 means the sizes follow the data instead of the local header. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'truncated' | 'corrupt' | 'multi_disk' };

const EOCD_SIGNATURE = 0x06054b50;
const EOCD64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD64_SIGNATURE = 0x06064b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const ENTRY_SIZE = 46;
const MAX_COMMENT = 0xffff;
/** A 32-bit size or offset of all ones means "see the zip64 record". */
const ZIP64_MARK = 0xffffffff;

interface Directory {
  entries: number;
  size: number;
  offset: number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Sizes beyond 2^53 cannot be real on any machine; Number keeps them "huge", which is all we need. */
function u64(data: DataView, at: number): number {
  return Number(data.getBigUint64(at, true));
}

function findEndOfDirectory(data: DataView): number {
  const last = data.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (data.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** The zip64 end record, when the classic one says its fields overflowed. */
function zip64Directory(data: DataView, eocd: number): Directory | 'truncated' | 'corrupt' {
  const locator = eocd - 20;
  if (locator < 0 || data.getUint32(locator, true) !== EOCD64_LOCATOR_SIGNATURE) return 'corrupt';
  const record = u64(data, locator + 8);
  if (record + 56 > data.byteLength) return 'truncated';
  if (data.getUint32(record, true) !== EOCD64_SIGNATURE) return 'corrupt';
  return { entries: u64(data, record + 32), size: u64(data, record + 40), offset: u64(data, record + 48) };
}

function directory(data: DataView, eocd: number): Directory | 'truncated' | 'corrupt' | 'multi_disk' {
  if (data.getUint16(eocd + 4, true) !== 0 || data.getUint16(eocd + 6, true) !== 0) return 'multi_disk';
  const entries = data.getUint16(eocd + 10, true);
  const size = data.getUint32(eocd + 12, true);
  const offset = data.getUint32(eocd + 16, true);
  if (entries === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) return zip64Directory(data, eocd);
  return { entries, size, offset };
}

/** Applies a zip64 extra field (id 1): it holds, in order, only the fields marked as overflowed. */
function applyZip64Extra(data: DataView, start: number, end: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= end; ) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    let field = at + 4;
    if (id === 1) {
      const read = (): number => {
        if (field + 8 > at + 4 + length || field + 8 > end) return ZIP64_MARK;
        const value = u64(data, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === ZIP64_MARK) entry.uncompressedSize = read();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = read();
      if (entry.localHeaderOffset === ZIP64_MARK) entry.localHeaderOffset = read();
      return;
    }
    at += 4 + length;
  }
}

function readEntry(bytes: Uint8Array, data: DataView, at: number, end: number): ZipEntry | null {
  if (at + ENTRY_SIZE > end || data.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
  const nameLength = data.getUint16(at + 28, true);
  const extraLength = data.getUint16(at + 30, true);
  const extraStart = at + ENTRY_SIZE + nameLength;
  if (extraStart + extraLength > end) return null;
  const entry: ZipEntry = {
    name: new TextDecoder().decode(bytes.subarray(at + ENTRY_SIZE, extraStart)),
    flags: data.getUint16(at + 8, true),
    method: data.getUint16(at + 10, true),
    compressedSize: data.getUint32(at + 20, true),
    uncompressedSize: data.getUint32(at + 24, true),
    localHeaderOffset: data.getUint32(at + 42, true),
  };
  applyZip64Extra(data, extraStart, extraStart + extraLength, entry);
  return entry;
}

function entryLength(data: DataView, at: number): number {
  return ENTRY_SIZE + data.getUint16(at + 28, true) + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
}

/**
 * Lists a zip's entries from its central directory. A missing end record means the file was
 * cut short (the record is the last thing written), so that reads as truncated, not corrupt.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryResult {
  const data = view(bytes);
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, reason: 'truncated' };
  const eocd = findEndOfDirectory(data);
  if (eocd === -1) return { ok: false, reason: 'truncated' };
  const found = directory(data, eocd);
  if (typeof found === 'string') return { ok: false, reason: found };
  const end = found.offset + found.size;
  if (end > bytes.byteLength) return { ok: false, reason: 'truncated' };
  // Each entry takes at least 46 bytes, so a lying count cannot make this loop run long.
  if (found.entries * ENTRY_SIZE > found.size) return { ok: false, reason: 'corrupt' };
  const entries: ZipEntry[] = [];
  for (let i = 0, at = found.offset; i < found.entries; i++) {
    const entry = readEntry(bytes, data, at, end);
    if (entry === null) return { ok: false, reason: 'corrupt' };
    entries.push(entry);
    at += entryLength(data, at);
  }
  return { ok: true, entries };
}
