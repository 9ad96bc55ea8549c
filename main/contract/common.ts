import { z } from 'zod';

/** Words for people, in every language the app speaks. */
export const TextSchema = z.object({ en: z.string(), ru: z.string() });

/** A failure as a value (main/common/text.ts `Problem`). */
export const ProblemSchema = z.object({
  code: z.string(),
  message: TextSchema,
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
});

/** Every reply is a result: the value, or a problem the person can read. */
export function resultOf<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: ProblemSchema })]);
}

export const Empty = z.object({}).strict();
export const Nothing = z.null();
