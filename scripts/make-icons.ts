// Draws the app icon and writes it as PNG files under build/, with node:zlib and nothing else.
//
//   npx tsx scripts/make-icons.ts
//
// The PNGs are committed: electron-builder reads them at packaging time, so `npm run dist` never
// needs this script. Run it again only after changing the drawing, and commit what it writes;
// test/packaging/electron-builder.test.ts fails while the committed files differ from the drawing.
//
// The picture: a white chat bubble on a blue rounded square, with a blue arrow pointing down into
// it ("chats go in"). Shapes are signed distance functions, so every size is drawn directly with
// anti-aliased edges instead of being scaled down from 1024 px and blurred.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

/** build/icon.png: electron-builder makes the macOS .icns (needs ≥ 512) and Windows .ico (≥ 256) from it. */
export const APP_ICON_SIZE = 1024;
/** build/icons/NxN.png: the hicolor sizes Linux menus and docks look up, each drawn at its own size. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

type Point = readonly [number, number];
type Rgb = readonly [number, number, number];

const BLUE_TOP: Rgb = [0x2f, 0x80, 0xed];
const BLUE_BOTTOM: Rgb = [0x1a, 0x4f, 0xb8];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const ARROW: Rgb = [0x1d, 0x5c, 0xcc];

// All geometry is in units of the icon's side (0..1), y pointing down.
const TILE = { centre: [0.5, 0.5] as Point, half: [0.42, 0.42] as Point, radius: 0.19 };
const BUBBLE = { centre: [0.5, 0.455] as Point, half: [0.29, 0.225] as Point, radius: 0.11 };
const TAIL: readonly Point[] = [[0.29, 0.6], [0.43, 0.66], [0.255, 0.775]];
const ARROW_SHAPE: readonly Point[] = [
  [0.455, 0.3], [0.545, 0.3], [0.545, 0.45], [0.62, 0.45],
  [0.5, 0.58], [0.38, 0.45], [0.455, 0.45],
];
const ARROW_ROUNDING = 0.012;

function roundedBoxDistance([px, py]: Point, box: typeof TILE): number {
  const qx = Math.abs(px - box.centre[0]) - box.half[0] + box.radius;
  const qy = Math.abs(py - box.centre[1]) - box.half[1] + box.radius;
  const outside = Math.sqrt(Math.max(qx, 0) ** 2 + Math.max(qy, 0) ** 2);
  return outside + Math.min(Math.max(qx, qy), 0) - box.radius;
}

// Exact signed distance to any simple polygon (negative inside), after Inigo Quilez's sdPolygon.
function polygonDistance([px, py]: Point, vertices: readonly Point[]): number {
  let nearest = Infinity;
  let sign = 1;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i, i += 1) {
    const [ix, iy] = vertices[i] as Point;
    const [jx, jy] = vertices[j] as Point;
    const ex = jx - ix;
    const ey = jy - iy;
    const wx = px - ix;
    const wy = py - iy;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    const bx = wx - ex * t;
    const by = wy - ey * t;
    nearest = Math.min(nearest, bx * bx + by * by);
    const above = py >= iy;
    const below = py < jy;
    const left = ex * wy > ey * wx;
    if ((above && below && left) || (!above && !below && !left)) sign = -sign;
  }
  return sign * Math.sqrt(nearest);
}

/** Draws the icon at `size`×`size` as straight (non-premultiplied) RGBA bytes, row by row. */
export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  // One pixel of distance, in units: the width of the anti-aliased edge.
  const pixel = 1 / size;
  const coverage = (distance: number): number => Math.min(Math.max(0.5 - distance / pixel, 0), 1);

  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const p: Point = [(x + 0.5) / size, (y + 0.5) / size];
      const layers: Array<readonly [Rgb, number]> = [
        [mix(BLUE_TOP, BLUE_BOTTOM, p[1]), coverage(roundedBoxDistance(p, TILE))],
        [WHITE, coverage(Math.min(roundedBoxDistance(p, BUBBLE), polygonDistance(p, TAIL)))],
        [ARROW, coverage(polygonDistance(p, ARROW_SHAPE) - ARROW_ROUNDING)],
      ];
      // Premultiplied "over", so the tile's soft outer edge keeps its colour instead of darkening.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [colour, alpha] of layers) {
        r = colour[0] * alpha + r * (1 - alpha);
        g = colour[1] * alpha + g * (1 - alpha);
        b = colour[2] * alpha + b * (1 - alpha);
        a = alpha + a * (1 - alpha);
      }
      const at = (y * size + x) * 4;
      rgba[at] = a === 0 ? 0 : Math.round(r / a);
      rgba[at + 1] = a === 0 ? 0 : Math.round(g / a);
      rgba[at + 2] = a === 0 ? 0 : Math.round(b / a);
      rgba[at + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

function mix(from: Rgb, to: Rgb, t: number): Rgb {
  return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, from[2] + (to[2] - from[2]) * t];
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// Written out rather than zlib.crc32, which Node 20 only has from 20.15 on (engines says >= 20).
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typeAndData.length + 8);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), typeAndData.length + 4);
  return out;
}

/** Encodes straight RGBA bytes as an 8-bit RGBA, non-interlaced PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter set 0, no interlace
  // Every row uses filter 0 (none): flat colours and a vertical gradient deflate well without one.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Every icon file this script owns, relative to the build resources folder, with its size. */
export function iconFiles(): Array<{ path: string; size: number }> {
  return [
    { path: 'icon.png', size: APP_ICON_SIZE },
    ...LINUX_ICON_SIZES.map((size) => ({ path: `icons/${size}x${size}.png`, size })),
  ];
}

function writeIcons(buildDir: string): void {
  for (const { path, size } of iconFiles()) {
    const target = join(buildDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${target}`);
  }
}

// Importable by the packaging test without writing anything; writes only when run as a script.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeIcons(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'build'));
}
