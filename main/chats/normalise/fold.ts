/**
 * Text keys for matching what people type: case-, ё/е- and punctuation-insensitive.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** "Авто-приглашение " → "автоприглашение", "No answer" → "noanswer": letters and digits only. */
export function foldKey(s: string): string {
  return s.toLowerCase().replaceAll('ё', 'е').replace(NOT_WORD, '');
}

/** The words of `s`, lower case, ё → е: "Иванов-Петров  Иван" → ["иванов", "петров", "иван"]. */
export function foldWords(s: string): string[] {
  return s.toLowerCase().replaceAll('ё', 'е').split(NOT_WORD).filter((w) => w !== '');
}

/** Word-order-insensitive key: "Иванов Иван" and "Иван Иванов" → "иван иванов". */
export function nameKey(s: string): string {
  return foldWords(s).sort().join(' ');
}

/** Letter trigrams of a key, padded so short words still have some. */
export function trigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice similarity of two trigram sets, 0…1. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}
