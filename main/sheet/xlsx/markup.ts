/*
 * Byte-level pieces of XML shared by the scanners. They work on raw UTF-8 bytes: every byte that
 * matters to markup is ASCII, and bytes of multi-byte characters never equal one.
 */

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const COLON = 58;
export const BANG = 33;
export const QUESTION = 63;
export const QUOTE = 34;
export const APOSTROPHE = 39;
export const EQUALS = 61;

export const isSpace = (byte: number): boolean => byte === 32 || byte === 10 || byte === 13 || byte === 9;

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Index just past a tag name that starts at `i`: the first space, `>` or `/`, or `end`. */
export function nameEnd(buf: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte === 32 || byte === GT || byte === SLASH || byte === 10 || byte === 13 || byte === 9) return i;
  }
  return end;
}

/** Where the local part of the name in [start, end) begins: past its prefix (`x:`), if any. */
export function localStart(buf: Uint8Array, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (buf[i] === COLON) return i + 1;
  return start;
}

/** Whether [start, end) spells `name` exactly. */
export function spells(buf: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name[i]) return false;
  return true;
}

/**
 * Index just past the `>` that closes a tag whose name ended at `i`, stepping over quoted
 * attribute values (they may hold `>`); -1 when the tag does not end before `end`.
 */
export function tagEnd(buf: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const byte = buf[i]!;
    if (byte === GT) return i + 1;
    if (byte === QUOTE || byte === APOSTROPHE) {
      i++;
      while (i < end && buf[i] !== byte) i++;
    }
  }
  return -1;
}

/**
 * Index just past a comment, processing instruction or declaration that starts at `i` (`<!`,
 * `<?`); -1 when it does not end before `end`.
 */
export function skipSpecial(buf: Uint8Array, i: number, end: number): number {
  const comment = buf[i + 2] === 45 && buf[i + 3] === 45;
  for (let j = i + 2; j < end; j++) {
    if (buf[j] !== GT) continue;
    if (!comment || (buf[j - 1] === 45 && buf[j - 2] === 45 && j - 2 >= i + 4)) return j + 1;
  }
  return -1;
}
