/**
 * Header text → comparable tokens: case, ё/е, punctuation, underscores, camelCase and bracketed
 * notes such as "(UTC)" are folded away, and word endings are trimmed so "чата" meets "чат" and
 * "messages" meets "message".
 */
export interface NormalHeader {
  /** Stemmed tokens in order, stop words removed. */
  tokens: string[];
  /** The tokens joined without spaces, for headers written as one word ("chatid"). */
  compact: string;
}

/** Words that say nothing about which field a column holds. */
const STOP_WORDS = new Set([
  'the', 'of', 'a', 'an', 'in', 'and', 'or', 'for',
  'и', 'в', 'по', 'из', 'для', 'от',
  'utc', 'gmt', 'msk', 'мск', 'local', 'локальное', 'yyyy', 'mm', 'dd', 'hh', 'ss',
]);

const RU_ENDINGS = [
  'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ий', 'ый', 'ию', 'ия', 'ья', 'ье', 'ью',
  'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ь', 'й',
];

export function normaliseHeader(header: string): NormalHeader {
  let s = header.normalize('NFKC');
  // camelCase and PascalCase: "visitorSessionID" → "visitor Session ID".
  s = s.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  s = s.toLowerCase().replace(/ё/g, 'е');
  // Dotted abbreviations are one word: "Ф.И.О." → "фио".
  s = s.replace(/(^|[^\p{L}])((?:\p{L}\.){2,}\p{L}?\.?)/gu, (_, before: string, abbr: string) => before + abbr.replace(/\./g, ''));
  // Bracketed notes ("Time (UTC)", "Дата [МСК]") unless they are all there is.
  const unbracketed = s.replace(/[([{][^)\]}]*[)\]}]/g, ' ');
  if (/[\p{L}\p{N}]/u.test(unbracketed)) s = unbracketed;
  s = s.replace(/\be[\s_-]?mail/g, 'email').replace(/\bauto[\s_-]?invite/g, 'autoinvite');
  s = s.replace(/[№#]/g, ' no ');
  const tokens: string[] = [];
  for (const raw of s.split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '' || STOP_WORDS.has(raw)) continue;
    tokens.push(stem(raw));
  }
  return { tokens, compact: tokens.join('') };
}

/** A crude stemmer: enough to fold the common Russian case endings and English plurals. */
export function stem(token: string): string {
  if (/[а-я]/.test(token)) {
    if (token.length < 4) return token;
    for (const ending of RU_ENDINGS) {
      if (token.endsWith(ending) && token.length - ending.length >= 3) return token.slice(0, -ending.length);
    }
    return token;
  }
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

let buffer = new Int32Array(0);

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  const size = (a.length + 1) * cols;
  if (buffer.length < size) buffer = new Int32Array(Math.max(size, 256));
  const d = buffer;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = i * cols;
    d[row] = i;
    let best = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(d[row - cols + j]! + 1, d[row + j - 1]! + 1, d[row - cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[row - 2 * cols + j - 2]! + 1);
      d[row + j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  return d[a.length * cols + b.length]!;
}

/** How alike two tokens are: 1 equal, 0.85 a typo or a longer form of the same word, else 0. */
export function tokenLikeness(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length >= 4 && longer.startsWith(shorter) && shorter.length / longer.length >= 0.65) return 0.85;
  // Typos keep the first letter; words that differ at the start are other words ("от-" / "на-").
  const allowed = shorter.length >= 10 ? 2 : shorter.length >= 5 ? 1 : 0;
  if (allowed > 0 && a[0] === b[0] && editDistance(a, b, allowed) <= allowed) return 0.85;
  return 0;
}
