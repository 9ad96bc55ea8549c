import { z } from 'zod';
import { TextSchema } from './common.ts';
import { RowsPageSchema } from './rows.ts';

const journalDir = z.string().min(1).max(4096);
const page = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) };

/** What became of a chat: `pending` is a chat the upload has not sent (yet). */
export const OutcomeSchema = z.enum(['accepted', 'rejected', 'unknown', 'skipped', 'pending']);

/** One chat of the per-chat report. */
export const ChatOutcomeSchema = z.object({
  /** The spreadsheet rows the chat came from. */
  rows: z.array(z.number()),
  outcome: OutcomeSchema,
  /** CallGear's chat id, once accepted. */
  id: z.number().optional(),
  code: z.string().optional(),
  message: TextSchema.optional(),
});

export const OutcomeCountsSchema = z.object({ accepted: z.number(), rejected: z.number(), unknown: z.number(), skipped: z.number(), pending: z.number() });

/** The Results step's calls: the per-chat report a page at a time, and the rows of the chats that failed. */
export const RESULT_CHANNELS = {
  /**
   * Chats of the import in file order, filtered by outcome and by `text` (a row number, or words
   * of the error in `language`); `counts` are per outcome among the chats `text` lets through.
   */
  pageResults: {
    request: z.object({ journalDir, ...page, outcome: OutcomeSchema.optional(), text: z.string().max(200).default(''), language: z.enum(['en', 'ru']) }),
    reply: z.object({ total: z.number(), counts: OutcomeCountsSchema, chats: z.array(ChatOutcomeSchema) }),
  },
  /** Grid rows of the chats CallGear refused in that journal, each with the refusal as a row finding. */
  pageFailedRows: { request: z.object({ journalDir, ...page }), reply: RowsPageSchema },
} as const;

export type Outcome = z.infer<typeof OutcomeSchema>;
export type ChatOutcome = z.infer<typeof ChatOutcomeSchema>;
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;
