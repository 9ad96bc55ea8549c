// A small PNG reader for the icon tests: enough to prove a file is a real, decodable PNG and to
// compare its pixels, written apart from scripts/make-icons.ts so the writer is not checked by itself.
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  /** Straight RGBA bytes, row by row; only decoded for 8-bit RGBA, non-interlaced files. */
  rgba: Uint8Array | null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads a PNG, checking its signature, every chunk's CRC, IHDR first and IEND last. Throws if any fails. */
export function readPng(file: Buffer): Png {
  if (!SIGNATURE.every((byte, i) => file[i] === byte)) throw new Error('not a PNG: bad signature');
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== file.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in chunk at ${at}`);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += length + 12;
  }
  const header = chunks[0];
  if (header?.type !== 'IHDR' || header.data.length !== 13) throw new Error('IHDR is not the first chunk');
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('IEND is not the last chunk');

  const png: Png = {
    width: header.data.readUInt32BE(0),
    height: header.data.readUInt32BE(4),
    bitDepth: header.data[8] as number,
    colourType: header.data[9] as number,
    interlace: header.data[12] as number,
    rgba: null,
  };
  if (png.bitDepth !== 8 || png.colourType !== 6 || png.interlace !== 0) return png;

  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = png.width * 4;
  if (raw.length !== (stride + 1) * png.height) throw new Error('image data does not match IHDR size');
  png.rgba = unfilter(raw, png.width, png.height);
  return png;
}

// Undoes the five PNG row filters for 4 bytes per pixel (PNG spec, section 9).
function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] as number;
    const row = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] as number;
      const left = x >= 4 ? (out[row + x - 4] as number) : 0;
      const up = y > 0 ? (out[row - stride + x] as number) : 0;
      const upLeft = x >= 4 && y > 0 ? (out[row - stride + x - 4] as number) : 0;
      out[row + x] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error(`unknown PNG row filter ${filter}`);
  }
}
