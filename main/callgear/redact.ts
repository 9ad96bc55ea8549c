/**
 * Removes every secret we hold from a text before it goes into an error or a log. The API may
 * echo what it was sent (`data.value`, messages with placeholders), and that can be a key.
 */
export type Redactor = (value: string) => string;

const MIN_SECRET_LENGTH = 4;

export function redactorFor(secrets: () => Iterable<string>): Redactor {
  return (value) => {
    let out = value;
    for (const secret of secrets()) {
      if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join('[hidden]');
    }
    return out;
  };
}

/** Fields whose values are secrets whatever they contain. */
const SECRET_FIELDS = /(^|\.)(access_token|password|login)$/;

export function isSecretField(field: string | undefined): boolean {
  return field !== undefined && SECRET_FIELDS.test(field);
}
