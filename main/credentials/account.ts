import { z } from 'zod';
import { BRAND_ENDPOINTS, BRANDS, resolveEndpoint } from '../callgear/endpoints.ts';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';

/*
 * The account model. No Node imports here, so the IPC contract (which runs its types in the page)
 * can reuse these schemas instead of writing them twice.
 */

export const AccountBrandSchema = z.enum([...BRANDS, 'custom']);
export type AccountBrand = z.infer<typeof AccountBrandSchema>;

export const AuthKindSchema = z.enum(['key', 'login']);
export type AuthKind = z.infer<typeof AuthKindSchema>;

/** The customer an agent acts for, as `get.customer_users` named it when the person chose it. */
export const CustomerChoiceSchema = z.strictObject({ userId: z.number().int().positive(), name: z.string() });
export type CustomerChoice = z.infer<typeof CustomerChoiceSchema>;

const NameSchema = z.string().trim().min(1).max(100);

/** What a person types to create or change an account; the secret travels separately. */
export const AccountInputSchema = z.strictObject({
  name: NameSchema,
  brand: AccountBrandSchema,
  /** For `custom` only: a brand always uses its own address. */
  endpoint: z.string().optional(),
  auth: AuthKindSchema,
  /** With `auth: 'login'`: the user's login (not a secret: the password is). */
  login: z.string().trim().min(1).optional(),
  customer: CustomerChoiceSchema.optional(),
});
export type AccountInput = z.infer<typeof AccountInputSchema>;

/** An account as kept in the settings file: everything but the secret. */
export const AccountSchema = z.strictObject({
  id: z.uuid(),
  name: NameSchema,
  brand: AccountBrandSchema,
  endpoint: z.string(),
  auth: AuthKindSchema,
  login: z.string().min(1).optional(),
  customer: CustomerChoiceSchema.optional(),
});
export type Account = z.infer<typeof AccountSchema>;

/**
 * What the renderer may learn about the secret. `rejected`: CallGear refused it the last time it
 * was used; `unknown`: the keychain could not be asked (the listing says why).
 */
export type SecretStatus = 'present' | 'missing' | 'rejected' | 'unknown';
export type AccountView = Account & { secret: SecretStatus };

function inputProblem(field: string, en: string, ru: string): Problem {
  return { code: 'accounts.invalid', field, message: text(en, ru) };
}

/** A brand's own address (another address is a `custom` account), or a custom one checked like any endpoint. */
function endpointFor(input: AccountInput): Result<string> {
  if (input.brand !== 'custom') return ok(BRAND_ENDPOINTS[input.brand]);
  if (input.endpoint === undefined || input.endpoint.trim() === '') {
    return fail(inputProblem('endpoint', 'Enter the API address of this account.', 'Укажите адрес API этой учётной записи.'));
  }
  const url = resolveEndpoint(input.endpoint);
  return url.ok ? ok(url.value.href) : url;
}

/** Checks input that already passed `AccountInputSchema` and gives the account it describes. */
export function accountFrom(id: string, input: AccountInput): Result<Account> {
  if (input.auth === 'login' && input.login === undefined) {
    return fail(inputProblem('login', 'Enter the login for this account.', 'Укажите логин этой учётной записи.'));
  }
  const endpoint = endpointFor(input);
  if (!endpoint.ok) return endpoint;
  const account: Account = { id, name: input.name.normalize('NFC'), brand: input.brand, endpoint: endpoint.value, auth: input.auth };
  if (input.auth === 'login' && input.login !== undefined) account.login = input.login;
  if (input.customer !== undefined) account.customer = input.customer;
  return ok(account);
}

/** Reads unknown input (an IPC request, a test) with `schema`, naming the first bad field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'account';
  return fail(inputProblem(field, `The account's ${field} is not valid: ${issue?.message ?? 'unknown problem'}.`, `Поле учётной записи ${field} заполнено неверно: ${issue?.message ?? 'неизвестная ошибка'}.`));
}

/** Names compare without case and Unicode form, so "Магазин" and "магазин" are one name. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}
