import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mulberry32 } from '../../test/fixtures/prng.ts';

export type Random = () => number;
const pick = (random: Random, n: number): number => Math.floor(random() * n);

/** Damage of the kind a bad copy, a cut download or a broken writer does, chosen by the seed. */
export function mutate(bytes: Uint8Array, seed: number): { bytes: Uint8Array; how: string } {
  const rng = mulberry32(seed);
  const random = (): number => rng.next();
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zipped && random() < 0.6) {
    const inside = mutateInside(bytes, random);
    if (inside) return inside;
  }
  return mutateBytes(bytes, random);
}

function mutateBytes(source: Uint8Array, random: Random): { bytes: Uint8Array; how: string } {
  const bytes = new Uint8Array(source);
  switch (pick(random, 4)) {
    case 0: {
      const flips = 1 + pick(random, 8);
      for (let i = 0; i < flips; i++) bytes[pick(random, bytes.length)] = pick(random, 256);
      return { bytes, how: `${flips} bytes changed` };
    }
    case 1: {
      const end = pick(random, bytes.length);
      return { bytes: bytes.subarray(0, end), how: `cut at ${end}` };
    }
    case 2: {
      const at = pick(random, bytes.length);
      const length = 1 + pick(random, 256);
      for (let i = at; i < Math.min(bytes.length, at + length); i++) bytes[i] = pick(random, 2) === 0 ? 0 : 0xff;
      return { bytes, how: `${length} bytes blanked at ${at}` };
    }
    default: {
      const at = pick(random, bytes.length);
      const length = 1 + pick(random, 4096);
      const copied = bytes.subarray(pick(random, bytes.length), undefined).slice(0, length);
      const out = new Uint8Array(bytes.length + copied.length);
      out.set(bytes.subarray(0, at));
      out.set(copied, at);
      out.set(bytes.subarray(at), at + copied.length);
      return { bytes: out, how: `${copied.length} bytes repeated at ${at}` };
    }
  }
}

/** Text a broken writer could leave in an XML part. */
const NASTY = ['<', '>', '&', '"', '</c>', '<c r="A1" t="s"><v>999999</v></c>', '<row r="0">', '<row r="1048577">', '<v>1e400</v>', 'r="XFD1048576"', '<![CDATA[', '<!--', '&#0;', '&#xFFFFFFFF;', '\u0000', 'ref="A1:XFD1048576"', 't="d"', '<is><t>', 's="99999"'];

/** Changes one XML part of a zipped workbook and zips it again, so the damage reaches the parsers. */
function mutateInside(bytes: Uint8Array, random: Random): { bytes: Uint8Array; how: string } | undefined {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return undefined;
  }
  const names = Object.keys(parts).filter((name) => /\.(xml|rels)$/.test(name));
  if (names.length === 0) return undefined;
  const name = names[pick(random, names.length)] as string;
  const xml = strFromU8(parts[name] as Uint8Array);
  const at = pick(random, xml.length + 1);
  let changed: string;
  let how: string;
  switch (pick(random, 3)) {
    case 0: {
      const length = 1 + pick(random, 200);
      changed = xml.slice(0, at) + xml.slice(at + length);
      how = `${length} characters cut from ${name} at ${at}`;
      break;
    }
    case 1: {
      const nasty = NASTY[pick(random, NASTY.length)] as string;
      changed = xml.slice(0, at) + nasty + xml.slice(at);
      how = `${JSON.stringify(nasty)} put into ${name} at ${at}`;
      break;
    }
    default: {
      const from = pick(random, xml.length + 1);
      const piece = xml.slice(from, from + 1 + pick(random, 2000));
      changed = xml.slice(0, at) + piece + xml.slice(at);
      how = `${piece.length} characters of ${name} repeated at ${at}`;
    }
  }
  parts[name] = strToU8(changed);
  return { bytes: zipSync(parts, { level: 1 }), how };
}
