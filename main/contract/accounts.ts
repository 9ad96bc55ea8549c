import { z } from 'zod';
import { ProblemSchema } from './common.ts';

/** An account as the page sees it: never its secret, only whether one is stored and accepted. */
export const SecretStatusSchema = z.enum(['present', 'missing', 'rejected']);

export const BrandSchema = z.enum(['callgear', 'comagic', 'uis', 'custom']);

export const AccountViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  endpoint: z.string(),
  brand: BrandSchema,
  auth: z.enum(['key', 'login']),
  login: z.string().optional(),
  customer: z.object({ userId: z.number().int(), name: z.string() }).optional(),
  secret: SecretStatusSchema,
});

export const AccountInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** A brand (`callgear`, `comagic`, `uis`) or a URL. */
  endpoint: z.string().trim().min(1).max(500),
  auth: z.enum(['key', 'login']),
  login: z.string().trim().min(1).max(200).optional(),
  /** The access key or the password, typed by the person; it goes to the keychain, never back. */
  secret: z.string().min(1).max(8192),
});

export const AccountChangeSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1).max(100).optional(),
  endpoint: z.string().trim().min(1).max(500).optional(),
  login: z.string().trim().min(1).max(200).optional(),
  secret: z.string().min(1).max(8192).optional(),
  customer: z.object({ userId: z.number().int().positive(), name: z.string() }).nullable().optional(),
});

/** What "Test connection" found, in words a person can act on. */
export const ConnectionReportSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    accountName: z.string(),
    timezone: z.string().optional(),
    /** For agents: the customers they can act for. */
    customers: z.array(z.object({ userId: z.number(), name: z.string() })).optional(),
  }),
  z.object({ status: z.literal('failed'), problem: ProblemSchema }),
]);

export const PickerKindSchema = z.enum(['sites', 'campaigns', 'employees', 'customers']);

export const PickerItemSchema = z.object({ id: z.number(), label: z.string(), detail: z.string().optional() });

export type AccountView = z.infer<typeof AccountViewSchema>;
export type AccountInput = z.infer<typeof AccountInputSchema>;
export type AccountChange = z.infer<typeof AccountChangeSchema>;
export type ConnectionReport = z.infer<typeof ConnectionReportSchema>;
export type PickerKind = z.infer<typeof PickerKindSchema>;
export type PickerItem = z.infer<typeof PickerItemSchema>;
