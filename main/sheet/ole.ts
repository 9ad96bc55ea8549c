/*
 * A look into an OLE2 (Compound File) container without parsing it: SheetJS's full parse of a
 * 10 MB .xls takes seconds, too slow to do twice just to learn what the container holds.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const HEADER_SIZE = 512;
/** Directory entries are 128 bytes and sectors are 512 or 4096 bytes, so entries sit on 128-byte steps. */
const ENTRY_SIZE = 128;
const NAME_LENGTH_AT = 64;
const STREAM = 2;

function isEntryNamed(bytes: Uint8Array, at: number, name: string): boolean {
  const byteLength = (name.length + 1) * 2;
  if (bytes[at + NAME_LENGTH_AT] !== byteLength || bytes[at + NAME_LENGTH_AT + 1] !== 0) return false;
  if (bytes[at + NAME_LENGTH_AT + 2] !== STREAM) return false;
  for (let k = 0; k < name.length; k++) {
    if (bytes[at + 2 * k] !== name.charCodeAt(k) || bytes[at + 2 * k + 1] !== 0) return false;
  }
  return true;
}

/**
 * Whether the container has a stream with this (ASCII) name, found by its directory entry: the
 * UTF-16 name with its length and stream type in place is not something cell data reproduces
 * on an entry boundary by accident.
 */
export function oleHasStream(bytes: Uint8Array, name: string): boolean {
  for (let at = HEADER_SIZE; at + ENTRY_SIZE <= bytes.length; at += ENTRY_SIZE) {
    if (isEntryNamed(bytes, at, name)) return true;
  }
  return false;
}
