import { inflateRawSync } from 'node:zlib';
import { fail, ok, type Problem, type Result } from '../common/text.ts';
import { corrupt, tooLargeUnzipped, truncated, zipSizesLie } from './problems.ts';
import type { ReadLimits, SheetFormat } from './types.ts';
import { readZipDirectory, type ZipEntry } from './zip-directory.ts';

/*
 * SheetJS inflates each zip part into a buffer sized from the part's local header and drops
 * whatever does not fit, so those declared sizes bound its memory. Three ways around that are
 * refused here before SheetJS sees the file: declared totals over the cap, compressed data too
 * big for the size it declares (inflating it would spin on data that is thrown away), and parts
 * whose local header gives no size (SheetJS then grows its buffer without limit), which are
 * inflated once natively, capped at their declared size, to prove the size true.
 */

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const DEFLATE = 8;
/** Deflate never grows data by more than ~0.03% plus a few bytes per block; this is generous. */
const maxDeflatedSize = (uncompressed: number): number => uncompressed * 1.01 + 1024;

interface LocalPart {
  dataStart: number;
  /** 0 when the local header leaves the size to a trailing data descriptor. */
  uncompressedSize: number;
}

function localPart(bytes: Uint8Array, entry: ZipEntry): LocalPart | 'truncated' | 'corrupt' {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.byteLength) return 'truncated';
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.getUint32(at, true) !== LOCAL_SIGNATURE) return 'corrupt';
  const dataStart = at + LOCAL_HEADER_SIZE + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (dataStart + entry.compressedSize > bytes.byteLength) return 'truncated';
  const size = data.getUint32(at + 22, true);
  // All ones defers to a zip64 extra field, which the central directory entry already resolved.
  return { dataStart, uncompressedSize: size === 0xffffffff ? entry.uncompressedSize : size };
}

/** Whether a part really inflates to no more than it declares (native zlib stops at the cap). */
function inflatesWithin(bytes: Uint8Array, entry: ZipEntry, dataStart: number): boolean {
  const compressed = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  try {
    inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return true;
  } catch {
    // Past the cap (ERR_BUFFER_TOO_LARGE) or not deflate at all: either way the size is unproven.
    return false;
  }
}

function checkEntry(bytes: Uint8Array, file: string, format: SheetFormat, entry: ZipEntry): Problem | number {
  const local = localPart(bytes, entry);
  if (local === 'truncated') return truncated(file);
  if (local === 'corrupt') return corrupt(file, format);
  const declared = Math.max(entry.uncompressedSize, local.uncompressedSize);
  if (entry.method !== DEFLATE) return declared;
  if (entry.compressedSize > maxDeflatedSize(declared)) return zipSizesLie(file, entry.name);
  if (local.uncompressedSize === 0 && entry.compressedSize > 0 && !inflatesWithin(bytes, entry, local.dataStart)) {
    return zipSizesLie(file, entry.name);
  }
  return declared;
}

/** Refuses a zipped workbook that is cut short, malformed, or would unpack past the cap. */
export function guardZip(bytes: Uint8Array, file: string, format: SheetFormat, limits: ReadLimits): Result<void> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return fail(directory.reason === 'truncated' ? truncated(file) : corrupt(file, format));
  const declared = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUnzippedBytes) return fail(tooLargeUnzipped(file, declared, limits.maxUnzippedBytes));
  let total = 0;
  for (const entry of directory.entries) {
    const checked = checkEntry(bytes, file, format, entry);
    if (typeof checked !== 'number') return fail(checked);
    total += checked;
    if (total > limits.maxUnzippedBytes) return fail(tooLargeUnzipped(file, total, limits.maxUnzippedBytes));
  }
  return ok(undefined);
}
