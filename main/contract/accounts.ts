import { z } from 'zod';
import { AccountBrandSchema, AccountInputSchema as AccountFieldsSchema, AccountSchema, AuthKindSchema, CustomerChoiceSchema } from '../credentials/account.ts';
import { ProblemSchema, TextSchema } from './common.ts';

/**
 * Accounts as the page sees them: never a secret, only whether one is stored and accepted. The
 * account's own fields are the credentials model's schemas, not a second copy.
 */
export const SecretStatusSchema = z.enum(['present', 'missing', 'rejected', 'unknown']);

export const AccountViewSchema = AccountSchema.extend({ secret: SecretStatusSchema });

const SecretSchema = z.string().min(1).max(8192);

/** What the person typed: the fields, and the key or password, which goes to the keychain. */
export const AccountInputSchema = AccountFieldsSchema.extend({ secret: SecretSchema });

export const AccountChangeSchema = z.object({
  id: z.string(),
  changes: AccountFieldsSchema.partial().extend({ customer: CustomerChoiceSchema.nullable().optional() }),
  secret: SecretSchema.optional(),
});

/** What "Test connection" found, in words a person can act on. */
export const ConnectionReportSchema = z.object({
  outcome: z.enum(['ok', 'wrong-key', 'ip-not-whitelisted', 'component-missing', 'no-rights', 'offline', 'failed']),
  code: z.string(),
  message: TextSchema,
  account: z.object({ role: z.enum(['customer', 'agent']), name: z.string().optional(), timezone: z.string().optional() }).optional(),
  customers: z.array(CustomerChoiceSchema).optional(),
  ip: z.string().optional(),
});

export const PickerKindSchema = z.enum(['sites', 'campaigns', 'employees', 'customers']);

/** `siteId`: for a campaign, the site it runs on (a chat's campaign and site must agree). */
export const PickerItemSchema = z.object({ id: z.number(), label: z.string(), detail: z.string().optional(), siteId: z.number().optional() });

/**
 * A list picked from the account. `cached`: not fetched just now. `stale`: fetching failed
 * (offline, most often), so this is the copy kept on disk from `fetchedAt`, with the reason.
 */
export const PickerListSchema = z.object({ items: z.array(PickerItemSchema), fetchedAt: z.number(), cached: z.boolean(), stale: ProblemSchema.optional() });

export { AccountBrandSchema, AuthKindSchema };
export type AccountView = z.infer<typeof AccountViewSchema>;
export type AccountInput = z.infer<typeof AccountInputSchema>;
export type AccountChange = z.infer<typeof AccountChangeSchema>;
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;
export type PickerKind = z.infer<typeof PickerKindSchema>;
export type PickerItem = z.infer<typeof PickerItemSchema>;
export type PickerList = z.infer<typeof PickerListSchema>;
