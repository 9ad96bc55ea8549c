import { BANG, LT, SLASH, ascii, isSpace, localStart, nameEnd, spells, tagEnd } from './markup.ts';
import { Unsupported } from './stops.ts';
import { unescapeXml, xmlText } from './text.ts';

/*
 * The text of a string item: a shared string's `<si>` or an inline string's `<is>`. Plain items
 * are one `<t>`; rich ones are runs `<r><rPr>…</rPr><t>…</t></r>` whose texts join, and phonetic
 * runs (`<rPh>`, the reading of East Asian text) are not part of the value.
 */

const T = ascii('t');
const R = ascii('r');
const RPH = ascii('rPh');
const CLOSE_T_LENGTH = 1;

/** Where the first tag at or after `i` starts, or -1. */
function nextTag(buf: Buffer, i: number, end: number): number {
  while (i < end && buf[i] !== LT) i++;
  return i < end ? i : -1;
}

/**
 * The plain case, as SheetJS reads it: from the first `<t…>` to the first `</t>`. Text holds no
 * markup, so anything but that closing tag after it is more than this reader expects.
 */
function plain(buf: Buffer, open: number, end: number): string {
  const start = tagEnd(buf, open + 2, end);
  if (start < 0) throw new Unsupported('unusual_markup');
  if (buf[start - 2] === SLASH) return '';
  const close = nextTag(buf, start, end);
  if (close < 0) return xmlText(buf, start, end);
  if (buf[close + 1] !== SLASH) throw new Unsupported('unusual_markup');
  const name = nameEnd(buf, close + 2, end);
  if (name - localStart(buf, close + 2, name) !== CLOSE_T_LENGTH || buf[name - 1] !== T[0]) {
    throw new Unsupported('unusual_markup');
  }
  return xmlText(buf, start, close);
}

/** Rich text: every run's `<t>` outside phonetic runs, joined, then unescaped as one text. */
function rich(buf: Buffer, start: number, end: number): string {
  let joined = '';
  let phonetic = 0;
  for (let i = nextTag(buf, start, end); i >= 0; ) {
    if (buf[i + 1] === BANG) throw new Unsupported('unusual_markup');
    const closing = buf[i + 1] === SLASH;
    const name = nameEnd(buf, closing ? i + 2 : i + 1, end);
    const local = localStart(buf, closing ? i + 2 : i + 1, name);
    const after = tagEnd(buf, name, end);
    if (after < 0) throw new Unsupported('unusual_markup');
    if (spells(buf, local, name, RPH) && buf[after - 2] !== SLASH) phonetic += closing ? -1 : 1;
    else if (!closing && phonetic === 0 && spells(buf, local, name, T) && buf[after - 2] !== SLASH) {
      const close = nextTag(buf, after, end);
      if (close >= 0 && buf[close + 1] === SLASH) joined += buf.toString('utf8', after, close);
    }
    i = nextTag(buf, after, end);
  }
  return /[&_\r]/.test(joined) ? unescapeXml(joined, true) : joined;
}

/** Whether a run (`<r>` or `<r …>`, any prefix) appears among the item's tags. */
function hasRun(buf: Buffer, start: number, end: number): boolean {
  for (let i = nextTag(buf, start, end); i >= 0; i = nextTag(buf, i + 1, end)) {
    if (buf[i + 1] === SLASH) continue;
    const name = nameEnd(buf, i + 1, end);
    if (spells(buf, localStart(buf, i + 1, name), name, R)) return true;
  }
  return false;
}

/**
 * The value of the item whose content is [start, end): '' when it holds neither a leading `<t>`
 * nor runs, as SheetJS reads such an item as no text.
 */
export function stringItem(buf: Buffer, start: number, end: number): string {
  let i = start;
  while (i < end && isSpace(buf[i]!)) i++;
  if (i >= end) return '';
  if (buf[i] === LT && buf[i + 1] !== SLASH && buf[i + 1] !== BANG) {
    const name = nameEnd(buf, i + 1, end);
    // SheetJS's test is `<(\w+:)?t[^>]*>`: a local name starting with t, as in `<t>` or `<t …>`.
    if (buf[localStart(buf, i + 1, name)] === T[0]) return plain(buf, i, end);
  }
  return hasRun(buf, i, end) ? rich(buf, i, end) : '';
}
