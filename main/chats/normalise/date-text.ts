import { monthFromName, WEEKDAYS, wordAt } from './months.ts';
import { daysInMonth, MAX_WALL, MIN_WALL, wallOf } from './wall.ts';
import { EMPTY, OUT_OF_RANGE, UNPARSEABLE, type DateOrder, type DateParse } from './date-result.ts';

// The general date-text scanner behind `parseDateText` (parse-date.ts), which documents the forms.
// One pass over char codes with a module-level cursor: no regex, no substrings except for month
// and weekday words. `P` is the cursor, `L` the length of the last digit run read by `num`.

let P = 0;
let L = 0;

function num(s: string, n: number): number {
  const start = P;
  let v = 0;
  while (P < n) {
    const c = s.charCodeAt(P);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    P++;
  }
  L = P - start;
  return v;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 0x400 && c <= 0x4ff);
}

function skipSpaces(s: string, n: number): void {
  while (P < n && isSpace(s.charCodeAt(P))) P++;
}

/** Reads a run of letters; '' when there is none. */
function word(s: string, n: number): string {
  const start = P;
  while (P < n && isLetter(s.charCodeAt(P))) P++;
  return P > start ? wordAt(s, start, P) : '';
}

/** After a month name or a day: an optional dot, then spaces, dashes, slashes or a comma. */
function skipNameSeparators(s: string, n: number): void {
  if (P < n && s.charCodeAt(P) === 46) P++;
  while (P < n) {
    const c = s.charCodeAt(P);
    if (isSpace(c) || c === 45 || c === 47 || c === 44) P++;
    else break;
  }
}

/** A year of 4 digits, or 2 digits read as 20yy (< 70) / 19yy; -1 otherwise (also 5+ digits). */
let TWO_DIGIT = false;
function year(s: string, n: number): number {
  const v = num(s, n);
  if (L === 4) return v;
  if (L === 2) {
    TWO_DIGIT = true;
    return v < 70 ? 2000 + v : 1900 + v;
  }
  return -1;
}

/** `parseDateText` without its fixed-position fast path (exported for the tests that compare them). */
export function parseDateTextGeneral(s: string, order: DateOrder): DateParse {
  let n = s.length;
  P = 0;
  skipSpaces(s, n);
  while (n > P && isSpace(s.charCodeAt(n - 1))) n--;
  if (P >= n) return EMPTY;
  TWO_DIGIT = false;

  let y = -1;
  let m = 0;
  let d = 0;
  let c = s.charCodeAt(P);
  if (isDigit(c)) {
    const a = num(s, n);
    const aLen = L;
    if (P >= n) return UNPARSEABLE;
    const sep = s.charCodeAt(P);
    if (aLen === 4 && (sep === 45 || sep === 47 || sep === 46)) {
      // year first: 2024-03-01, 2024/3/1, 2024.03.01
      P++;
      m = num(s, n);
      if (L < 1 || L > 2 || P >= n || s.charCodeAt(P) !== sep) return UNPARSEABLE;
      P++;
      d = num(s, n);
      if (L < 1 || L > 2) return UNPARSEABLE;
      y = a;
    } else if (aLen <= 2 && (sep === 45 || sep === 47 || sep === 46)) {
      P++;
      if (P >= n) return UNPARSEABLE;
      c = s.charCodeAt(P);
      if (isDigit(c)) {
        const b = num(s, n);
        if (L > 2 || P >= n || s.charCodeAt(P) !== sep) return UNPARSEABLE;
        P++;
        const cStart = P;
        const last = num(s, n);
        const cLen = L;
        if (order === 'YMD' && cLen === 2 && aLen === 2 && sep !== 46) {
          y = a < 70 ? 2000 + a : 1900 + a; // 24-03-01 under YMD (never with dots)
          TWO_DIGIT = true;
          m = b;
          d = last;
        } else {
          P = cStart;
          y = year(s, n);
          if (order === 'DMY' || (order === 'YMD' && !(b > 12 && a <= 12))) {
            d = a;
            m = b;
          } else {
            m = a;
            d = b;
          }
        }
      } else if (isLetter(c)) {
        // 01-Mar-2024, 1.мар.2024
        m = monthFromName(word(s, n));
        skipNameSeparators(s, n);
        d = a;
        y = year(s, n);
      } else return UNPARSEABLE;
    } else if (aLen <= 2 && isSpace(sep)) {
      // 1 марта 2024, 01 Mar 2024
      skipSpaces(s, n);
      m = monthFromName(word(s, n));
      skipNameSeparators(s, n);
      d = a;
      y = year(s, n);
    } else return UNPARSEABLE;
  } else if (isLetter(c)) {
    let w = word(s, n);
    if (WEEKDAYS.has(w)) {
      // Fri, 01 Mar 2024 — or Friday, March 1, 2024
      skipNameSeparators(s, n);
      if (P < n && isDigit(s.charCodeAt(P))) {
        d = num(s, n);
        if (L > 2) return UNPARSEABLE;
        skipNameSeparators(s, n);
        m = monthFromName(word(s, n));
        skipNameSeparators(s, n);
        y = year(s, n);
        w = '';
      } else w = word(s, n);
    }
    if (w !== '') {
      // March 1, 2024 / Mar 01 2024 / Mar-01-2024 / March 1st, 2024
      m = monthFromName(w);
      skipNameSeparators(s, n);
      d = num(s, n);
      if (L < 1 || L > 2) return UNPARSEABLE;
      const suffix = P < n && isLetter(s.charCodeAt(P)) ? word(s, n) : '';
      if (suffix !== '' && suffix !== 'st' && suffix !== 'nd' && suffix !== 'rd' && suffix !== 'th') return UNPARSEABLE;
      skipNameSeparators(s, n);
      y = year(s, n);
    }
  } else return UNPARSEABLE;

  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return UNPARSEABLE;

  // Russian «г.» after the year.
  const afterDate = P;
  skipSpaces(s, n);
  if (P < n && (s.charCodeAt(P) === 0x433 || s.charCodeAt(P) === 0x413)) {
    P++;
    if (P < n && s.charCodeAt(P) === 46) P++;
    if (P < n && isLetter(s.charCodeAt(P))) return UNPARSEABLE;
  } else P = afterDate;

  if (P >= n) return finish(wallOf(y, m, d), true, 0, false);
  return time(s, n, y, m, d);
}

/** The time part after a date: separator, hh:mm[:ss[.fff]] [AM|PM] [zone]. */
function time(s: string, n: number, y: number, m: number, d: number): DateParse {
  let c = s.charCodeAt(P);
  if (c === 84 || c === 116) P++; // 'T'
  else {
    const start = P;
    skipSpaces(s, n);
    if (P < n && s.charCodeAt(P) === 44) P++; // "01.03.2024, 10:15"
    skipSpaces(s, n);
    if (P < n && isLetter(s.charCodeAt(P))) {
      const w = word(s, n); // «1 марта 2024 в 10:15», "March 1, 2024 at 10:15"
      if (w !== 'в' && w !== 'at') return UNPARSEABLE;
      skipSpaces(s, n);
    }
    if (P === start) return UNPARSEABLE;
  }
  let h = num(s, n);
  if (L < 1 || L > 2 || P >= n || s.charCodeAt(P) !== 58) return UNPARSEABLE;
  P++;
  const mi = num(s, n);
  if (L !== 2) return UNPARSEABLE;
  let sec = 0;
  let roundUp = false;
  if (P < n && s.charCodeAt(P) === 58) {
    P++;
    sec = num(s, n);
    if (L !== 2) return UNPARSEABLE;
    c = P < n ? s.charCodeAt(P) : 0;
    if (c === 46 || c === 44) {
      P++;
      const first = P < n ? s.charCodeAt(P) : 0;
      num(s, n);
      if (L < 1) return UNPARSEABLE;
      roundUp = first >= 53; // .5 and up rounds to the next second
    }
  }
  skipSpaces(s, n);
  // AM / PM (also a.m. / p.m.)
  c = P < n ? s.charCodeAt(P) | 32 : 0;
  if ((c === 97 || c === 112) && P + 1 < n) {
    let q = P + 1;
    if (s.charCodeAt(q) === 46) q++;
    if (q < n && (s.charCodeAt(q) | 32) === 109) {
      q++;
      if (q < n && s.charCodeAt(q) === 46) q++;
      if (q >= n || !isLetter(s.charCodeAt(q))) {
        if (h < 1 || h > 12) return UNPARSEABLE;
        if (c === 97) h = h === 12 ? 0 : h;
        else h = h === 12 ? 12 : h + 12;
        P = q;
        skipSpaces(s, n);
      }
    }
  }
  if (h > 23 || mi > 59 || sec > 59) return UNPARSEABLE;
  const wall = wallOf(y, m, d, h, mi, sec) + (roundUp ? 1000 : 0);
  if (P >= n) return finish(wall, false, 0, false);
  const off = offset(s, n);
  if (off === NO_OFFSET) return UNPARSEABLE;
  skipSpaces(s, n);
  if (P < n) return UNPARSEABLE;
  return finish(wall - off * 60_000, false, off, true);
}

const NO_OFFSET = -100_000;

/** `Z`, `UTC`, `GMT`, `UTC+3`, `+03:00`, `+0300`, `-05` → minutes east of UTC; NO_OFFSET if none. */
function offset(s: string, n: number): number {
  let c = s.charCodeAt(P);
  if (c === 90 || c === 122) {
    P++;
    return 0;
  }
  if (isLetter(c)) {
    const w = word(s, n);
    if (w !== 'utc' && w !== 'gmt') return NO_OFFSET;
    if (P >= n) return 0;
    c = s.charCodeAt(P);
    if (c !== 43 && c !== 45 && c !== 0x2212) return isSpace(c) ? 0 : NO_OFFSET;
  }
  if (c !== 43 && c !== 45 && c !== 0x2212) return NO_OFFSET;
  const sign = c === 43 ? 1 : -1;
  P++;
  let hh = num(s, n);
  let mm = 0;
  if (L === 4) {
    mm = hh % 100;
    hh = Math.floor(hh / 100);
  } else if (L === 1 || L === 2) {
    if (P < n && s.charCodeAt(P) === 58) {
      P++;
      mm = num(s, n);
      if (L !== 2) return NO_OFFSET;
    }
  } else return NO_OFFSET;
  if (hh > 23 || mm > 59) return NO_OFFSET;
  return sign * (hh * 60 + mm) || 0; // never -0
}

function finish(wall: number, dateOnly: boolean, offsetMinutes: number, utc: boolean): DateParse {
  if (wall < MIN_WALL || wall > MAX_WALL) return OUT_OF_RANGE;
  return { ok: true, wall, dateOnly, zone: utc ? 'utc' : 'file', offsetMinutes, twoDigitYear: TWO_DIGIT };
}
