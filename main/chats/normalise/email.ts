import type { Cell } from '../../sheet/types.ts';

export type EmailResult =
  | { ok: true; value: string; changed: boolean }
  | { ok: false; reason: 'empty' | 'invalid'; suggestion?: string };

const EMPTY: EmailResult = Object.freeze({ ok: false, reason: 'empty' });
const INVALID: EmailResult = Object.freeze({ ok: false, reason: 'invalid' });

/** Characters never allowed unquoted in an address (quoted local parts are not supported). */
const FORBIDDEN = /[\s,;:<>()[\]\\"]/;
const MAILTO = /^mailto:/i;
/** "Anna <anna@mail.ru>" → anna@mail.ru. */
const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;
const LABEL = /^[\p{L}\p{N}-]+$/u;
const TLD = /^(?:[\p{L}]{2,}|xn--[a-z0-9-]+)$/u;

/**
 * Misspelt domains people type for the big mail services, and top-level domains that do not
 * exist but are one slip away from a common one. Only suggested, never applied silently.
 */
const DOMAIN_TYPOS: Readonly<Record<string, string>> = {
  'gmail.con': 'gmail.com', 'gmail.cmo': 'gmail.com', 'gmail.ocm': 'gmail.com', 'gmail.comm': 'gmail.com',
  'gmail.cpm': 'gmail.com', 'gmail.vom': 'gmail.com', 'gmail.xom': 'gmail.com',
  'gmial.com': 'gmail.com', 'gmai.com': 'gmail.com', 'gmal.com': 'gmail.com', 'gamil.com': 'gmail.com',
  'gmaill.com': 'gmail.com', 'gnail.com': 'gmail.com', 'gmail.co': 'gmail.com', 'gmil.com': 'gmail.com',
  'googlemail.con': 'googlemail.com',
  'mail.ry': 'mail.ru', 'mail.rj': 'mail.ru', 'mail.tu': 'mail.ru', 'mial.ru': 'mail.ru', 'maill.ru': 'mail.ru',
  'meil.ru': 'mail.ru', 'mali.ru': 'mail.ru', 'mail.r': 'mail.ru',
  'yandex.ry': 'yandex.ru', 'yandex.rj': 'yandex.ru', 'yandx.ru': 'yandex.ru', 'yndex.ru': 'yandex.ru',
  'yadex.ru': 'yandex.ru', 'yandeks.ru': 'yandex.ru', 'yanex.ru': 'yandex.ru',
  'ya.ry': 'ya.ru', 'inbox.ry': 'inbox.ru', 'list.ry': 'list.ru', 'bk.ry': 'bk.ru', 'rambler.ry': 'rambler.ru',
  'ramber.ru': 'rambler.ru', 'rambller.ru': 'rambler.ru',
  'hotmial.com': 'hotmail.com', 'hotmai.com': 'hotmail.com', 'hotmail.con': 'hotmail.com', 'hotmal.com': 'hotmail.com',
  'outlok.com': 'outlook.com', 'outlook.con': 'outlook.com', 'yahooo.com': 'yahoo.com', 'yaho.com': 'yahoo.com',
  'yahoo.con': 'yahoo.com', 'iclod.com': 'icloud.com', 'icloud.con': 'icloud.com', 'icoud.com': 'icloud.com',
};
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', comm: 'com', cpm: 'com', vom: 'com', xom: 'com', copm: 'com', coom: 'com',
  ry: 'ru', rru: 'ru', ruu: 'ru', nett: 'net', ogr: 'org', orgg: 'org',
};
/** Known domains written without their dot: user@gmailcom, user@mailru. */
const DOTLESS: Readonly<Record<string, string>> = {
  gmail: 'gmail.com', gmailcom: 'gmail.com', mailru: 'mail.ru', yandexru: 'yandex.ru', yandex: 'yandex.ru',
  yaru: 'ya.ru', inboxru: 'inbox.ru', listru: 'list.ru', bkru: 'bk.ru', ramblerru: 'rambler.ru',
  hotmailcom: 'hotmail.com', outlookcom: 'outlook.com', yahoocom: 'yahoo.com', icloudcom: 'icloud.com',
};

/**
 * Normalises one e-mail cell: trims, drops `mailto:`, lower-cases the domain (the local part keeps
 * its case: it may matter to the mail server). Rejects shapes that cannot be an address. For the
 * usual slips — trailing punctuation, `@@`, spaces, `..`, `gmail.con`, a missing dot — the result
 * is 'invalid' with a `suggestion`, never a silent fix.
 */
export function normaliseEmail(cell: Cell): EmailResult {
  if (cell === null) return EMPTY;
  if (typeof cell !== 'string') return INVALID;
  const raw = cell.trim();
  if (raw === '') return EMPTY;
  let s = raw;
  if (MAILTO.test(s)) s = s.slice(7).trim();
  const q = s.indexOf('?'); // mailto:a@b.ru?subject=…
  if (q > 0 && s !== raw) s = s.slice(0, q);
  const checked = check(s);
  if (checked !== undefined) return { ok: true, value: checked, changed: checked !== raw };
  const suggestion = suggest(s);
  return suggestion === undefined ? INVALID : { ok: false, reason: 'invalid', suggestion };
}

/** The address with its domain lower-cased, or undefined when the shape is wrong or a known typo. */
function check(s: string): string | undefined {
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@') || at > 64 || s.length > 254) return undefined;
  if (FORBIDDEN.test(s)) return undefined;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
  if (!domainOk(domain) || DOMAIN_TYPOS[domain] !== undefined) return undefined;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (TLD_TYPOS[tld] !== undefined) return undefined;
  return local + '@' + domain;
}

function domainOk(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label === '' || label.length > 63 || label.startsWith('-') || label.endsWith('-') || !LABEL.test(label)) {
      return false;
    }
  }
  return TLD.test(labels[labels.length - 1] ?? '');
}

/** A likely intended address for a broken one, if the slip is a common one. */
function suggest(input: string): string | undefined {
  let s = input;
  const angle = ANGLE.exec(s);
  if (angle) s = angle[1] ?? s;
  s = s.replace(/\s+/g, '');
  s = s.replace(/^[<("'«]+|[>)"'».,;:!?]+$/g, '');
  s = s.replace(/@{2,}/g, '@').replace(/\.{2,}/g, '.').replace(/,/g, '.');
  const at = s.indexOf('@');
  if (at <= 0 || at !== s.lastIndexOf('@')) return undefined;
  const local = s.slice(0, at).replace(/^\.+|\.+$/g, '');
  let domain = s.slice(at + 1).toLowerCase();
  domain = DOMAIN_TYPOS[domain] ?? DOTLESS[domain] ?? domain;
  const dot = domain.lastIndexOf('.');
  const tldFix = dot > 0 ? TLD_TYPOS[domain.slice(dot + 1)] : undefined;
  if (tldFix !== undefined) domain = DOMAIN_TYPOS[domain.slice(0, dot + 1) + tldFix] ?? domain.slice(0, dot + 1) + tldFix;
  const fixed = local + '@' + domain;
  const ok = check(fixed);
  return ok !== undefined && ok !== input ? ok : undefined;
}
