import { z } from 'zod';
import { TextSchema } from './common.ts';
import { ValidationSummarySchema } from './engine.ts';

const code = z.string().min(1).max(200);

/** Each finding's own suggested fix, or one value for every cell the rule's findings are in. */
export const BulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suggested') }),
  z.object({ kind: z.literal('value'), value: z.string().max(100_000) }),
]);

/** What fixing every finding of one rule can reach, for the page to offer it only where it means something. */
export const BulkFixOptionSchema = z.object({
  /** The rule's first finding in words, and its column: what the issues panel says of the rule. */
  message: TextSchema,
  column: z.string().optional(),
  findings: z.number(),
  /** Findings about no column of the file (a field with one value for every chat, an unmapped one, a whole chat). */
  noColumn: z.number(),
  /** Findings in a column that have no suggested fix. */
  noFix: z.number(),
  columns: z.array(z.string()),
  example: z.object({ row: z.number(), column: z.string(), before: z.string(), after: z.string() }).optional(),
});

/** Fixing every finding of one rule at once: ordinary edits, so they are kept in projects like any other. */
export const BULK_FIX_CHANNELS = {
  bulkFixOptions: { request: z.object({}), reply: z.record(z.string(), BulkFixOptionSchema) },
  bulkFix: {
    request: z.object({ code, action: BulkActionSchema }),
    reply: z.object({ changed: z.number(), noFix: z.number(), noColumn: z.number(), validation: ValidationSummarySchema }),
  },
} as const;

export type BulkAction = z.infer<typeof BulkActionSchema>;
export type BulkFixOptionView = z.infer<typeof BulkFixOptionSchema>;
