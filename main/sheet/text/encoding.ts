import type { Buffer } from 'node:buffer';
import { invalidUtf8 } from '../notes.ts';
import type { ReadNote, TextEncoding } from '../types.ts';
import { lineOfByte } from './lines.ts';
import { firstInvalidUtf8 } from './utf8.ts';
import { validUtf8 } from './utf8-text.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** False when the caller chose the encoding. */
  guessed: boolean;
  bom: boolean;
  notes: ReadNote[];
}

/** How much of a file the Windows-1251 guess looks at: enough words, bounded time. */
const SAMPLE_BYTES = 1024 * 1024;

function bomOf(bytes: Uint8Array): TextEncoding | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** А–я and Ё/ё in Windows-1251. */
const isCyrillic1251 = (byte: number): boolean => byte >= 0xc0 || byte === 0xa8 || byte === 0xb8;

/**
 * Russian text in Windows-1251 is mostly letters from 0xC0–0xFF that come in runs (words).
 * Requiring both keeps a Western (Windows-1252) file with scattered accents, or UTF-8 with a
 * few broken bytes, from being taken for Cyrillic.
 */
export function looksLikeWindows1251(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SAMPLE_BYTES);
  let high = 0;
  let letters = 0;
  let inWords = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    high++;
    if (!isCyrillic1251(byte)) continue;
    letters++;
    if (i > 0 && isCyrillic1251(bytes[i - 1] ?? 0)) inWords++;
  }
  return letters > 0 && letters >= 0.6 * high && inWords >= 0.5 * letters;
}

function decode(bytes: Uint8Array, encoding: TextEncoding): string {
  // The default ignoreBOM: false drops a byte-order mark that matches the encoding.
  return new TextDecoder(encoding).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Broken UTF-8, decoded with U+FFFD in place of bad bytes, and a note saying where they start. */
function lenientUtf8(bytes: Uint8Array, file: string): { text: string; notes: ReadNote[] } {
  // The byte walk is slower than isUtf8, so it runs only to locate an error known to be there.
  const offset = firstInvalidUtf8(bytes);
  return { text: decode(bytes, 'utf-8'), notes: [invalidUtf8(file, offset, lineOfByte(bytes, offset))] };
}

/**
 * Turns a text file's bytes into a string: the caller's encoding if given, else a byte-order
 * mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1251 when they look like
 * Russian, else UTF-8 with replacement characters and a note.
 */
export function decodeText(bytes: Uint8Array, file: string, chosen?: TextEncoding): DecodedText {
  const bom = bomOf(bytes);
  const encoding = chosen ?? bom ?? 'utf-8';
  const guessed = chosen === undefined;
  if (encoding !== 'utf-8') {
    return { text: decode(bytes, encoding), encoding, guessed, bom: bom === encoding, notes: [] };
  }
  // A fatal decoder validates while it decodes: one pass instead of isUtf8 then a decode
  // (measured on a 311 MB file with the machine otherwise idle: 1.7 s against 2.5 s).
  const strict = strictUtf8(bytes);
  if (strict !== undefined) return { text: strict, encoding, guessed, bom: bom === 'utf-8', notes: [] };
  if (guessed && bom === null && looksLikeWindows1251(bytes)) {
    return { text: decode(bytes, 'windows-1251'), encoding: 'windows-1251', guessed, bom: false, notes: [] };
  }
  return { ...lenientUtf8(bytes, file), encoding, guessed, bom: bom === 'utf-8' };
}

/** What the csv parser reads: like `DecodedText`, but valid UTF-8 stays bytes (see csv-bytes.ts). */
export interface TextSource extends Omit<DecodedText, 'text'> {
  text: string | Buffer;
}

/** `decodeText`'s choice of encoding, leaving valid UTF-8 undecoded. */
export function textSource(bytes: Uint8Array, file: string, chosen?: TextEncoding): TextSource {
  const bom = bomOf(bytes);
  if ((chosen ?? bom ?? 'utf-8') === 'utf-8') {
    const utf8 = validUtf8(bytes);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', guessed: chosen === undefined, bom: bom === 'utf-8', notes: [] };
  }
  return decodeText(bytes, file, chosen);
}
