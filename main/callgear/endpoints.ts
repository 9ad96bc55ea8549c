import { fail, ok, text, type Problem, type Result } from '../common/text.ts';

/** The brands that run the same Data API, each on its own host (callgear-data-api.md §1). */
export const BRANDS = ['callgear', 'comagic', 'uis'] as const;
export type Brand = (typeof BRANDS)[number];

export const BRAND_ENDPOINTS: Readonly<Record<Brand, string>> = {
  callgear: 'https://dataapi.callgear.com/v2.0',
  comagic: 'https://dataapi.comagic.ru/v2.0',
  uis: 'https://dataapi.uiscom.ru/v2.0',
};

export const BRAND_NAMES: Readonly<Record<Brand, string>> = { callgear: 'CallGear', comagic: 'CoMagic', uis: 'UIS' };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

function endpointProblem(code: string, en: string, ru: string): Problem {
  return { code, message: text(en, ru), field: 'endpoint' };
}

/**
 * Turns a brand name or a URL typed by a person into the endpoint the client posts to. Anything
 * but loopback must be HTTPS: the access key travels in the request body.
 */
export function resolveEndpoint(input: string): Result<URL> {
  const trimmed = input.trim();
  const preset = (BRANDS as readonly string[]).includes(trimmed.toLowerCase())
    ? BRAND_ENDPOINTS[trimmed.toLowerCase() as Brand]
    : trimmed;
  let url: URL;
  try {
    url = new URL(preset);
  } catch {
    return fail(
      endpointProblem(
        'endpoint.invalid',
        `"${trimmed}" is not a web address. Use e.g. ${BRAND_ENDPOINTS.callgear}, or one of: ${BRANDS.join(', ')}.`,
        `«${trimmed}» — не веб-адрес. Укажите, например, ${BRAND_ENDPOINTS.comagic} или одно из: ${BRANDS.join(', ')}.`,
      ),
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    return fail(
      endpointProblem(
        'endpoint.insecure',
        `${url.origin} is not HTTPS. The access key would travel unencrypted, so only https:// addresses (or this computer's own 127.0.0.1) are allowed.`,
        `${url.origin} — не HTTPS. Ключ доступа ушёл бы в открытом виде, поэтому разрешены только адреса https:// (или 127.0.0.1 этого компьютера).`,
      ),
    );
  }
  if (url.username || url.password) {
    return fail(
      endpointProblem(
        'endpoint.credentials_in_url',
        'The address contains a user name or password; enter credentials in the account fields instead.',
        'В адресе есть имя пользователя или пароль; укажите их в полях учётной записи.',
      ),
    );
  }
  return ok(url);
}

/** The brand whose host this is, for showing "CoMagic" rather than a URL. */
export function brandOf(url: URL): Brand | undefined {
  return BRANDS.find((brand) => new URL(BRAND_ENDPOINTS[brand]).host === url.host);
}
