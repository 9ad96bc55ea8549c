/**
 * What may reach a log line. Callers are meant to log codes, counts and ids only; this is the
 * second line of defence for when one of them passes more.
 */
export type LogValue = string | number | boolean | null;
export type LogFields = Readonly<Record<string, LogValue | undefined>>;

/** Keys whose values are secrets whatever they hold. */
const SECRET_KEY = /token|secret|password|passw|passphrase|key|login|auth|cookie|session/i;
/** Keys whose values are about people or chats: never logged (DESIGN.md, security rules). */
const PERSONAL_KEY = /name|phone|mail|text|message|visitor|body|content|comment|address/i;

const EMAIL = /[^\s@"'<>()[\]]+@[^\s@"'<>()[\]]+\.[^\s@"'<>()[\]]+/g;
/** A phone in any spelling: an optional +, then 7–15 digits with spaces, dots, dashes or brackets. */
const PHONE = /(?<![\w.:-])\+?\d(?:[\s().-]*\d){6,14}(?![\w.:-])/g;
/** Long runs of key-like characters with both letters and digits: access keys, session tokens. */
const TOKEN = /[A-Za-z0-9_\-+=]{20,}/g;
/** Account ids and request ids are UUIDs: kept, since they tie a log to a person's report. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;
const BEARER = /\bBearer\s+\S+/gi;

function tokenLike(run: string): boolean {
  return /[A-Za-z]/.test(run) && /\d/.test(run) && !UUID.test(run);
}

/** Scrubs a text of anything shaped like a secret or contact data. */
export function scrubText(value: string): string {
  return value
    .replace(BEARER, 'Bearer [hidden]')
    .replace(EMAIL, '[email]')
    .replace(TOKEN, (run) => (tokenLike(run) ? '[token]' : run))
    .replace(PHONE, (run) => (ISO_DATE.test(run) ? run : '[phone]'));
}

/** The fields as they may be written: secret and personal keys hidden, texts scrubbed. */
export function redactFields(fields: LogFields): Record<string, LogValue> {
  const out: Record<string, LogValue> = Object.create(null) as Record<string, LogValue>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (SECRET_KEY.test(key)) out[key] = '[hidden]';
    else if (PERSONAL_KEY.test(key)) out[key] = '[personal]';
    else out[key] = typeof value === 'string' ? scrubText(value) : value;
  }
  return out;
}

/** Replaces every known secret in a finished line, also in its JSON-escaped spelling. */
export function hideKnownSecrets(line: string, secrets: Iterable<string>): string {
  let out = line;
  for (const secret of secrets) {
    for (const spelling of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      if (out.includes(spelling)) out = out.split(spelling).join('[hidden]');
    }
  }
  return out;
}
