import { z } from 'zod';
import { RecordedErrorSchema } from '../contract/upload-events.ts';

/**
 * The lines of an import's journal (JSON lines, append-only). The journal is a file we read back,
 * so every line is parsed with these schemas; a line that does not parse is a torn write or a
 * foreign file, never trusted.
 */
export const ChatRefSchema = z.object({
  /** Content hash of the chat's upload params: its identity across runs. */
  k: z.string().min(1),
  /** Spreadsheet rows the chat came from, as the person sees them. */
  r: z.array(z.number().int()),
  /**
   * Whose chat and when (a hash of start, phone and e-mail; `sameChat` in plan.ts), on sent chats:
   * how a later import of a changed file recognises a chat this one uploaded. Absent in older journals.
   */
  s: z.string().optional(),
});
export type ChatRef = z.infer<typeof ChatRefSchema>;

export { RecordedErrorSchema, type RecordedError } from '../contract/upload-events.ts';

export const ImportIdentitySchema = z.object({
  /** SHA-256 of the source file's bytes. */
  fileHash: z.string(),
  /**
   * SHA-256 of the mapping and the employee table, canonical JSON. Cell edits are not in it: an
   * edited chat gets a new key of its own, which is what lets "Upload again what failed" reuse
   * the journal.
   */
  mappingHash: z.string(),
  /** The file's name, for messages; never its folder. */
  file: z.string(),
  endpoint: z.string(),
  userId: z.number().int().optional(),
});
export type ImportIdentity = z.infer<typeof ImportIdentitySchema>;

export const RecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('open'), v: z.literal(1), at: z.number(), import: ImportIdentitySchema }),
  z.object({ t: z.literal('sent'), at: z.number(), b: z.number().int(), chats: z.array(ChatRefSchema) }),
  z.object({ t: z.literal('accepted'), at: z.number(), b: z.number().int(), ids: z.array(z.number().int()) }),
  z.object({ t: z.literal('not-sent'), at: z.number(), b: z.number().int(), error: RecordedErrorSchema }),
  z.object({ t: z.literal('unknown'), at: z.number(), b: z.number().int(), error: RecordedErrorSchema }),
  z.object({ t: z.literal('rejected'), at: z.number(), b: z.number().int(), chat: ChatRefSchema, error: RecordedErrorSchema }),
  z.object({
    t: z.literal('reconciled'),
    at: z.number(),
    found: z.array(z.tuple([z.string(), z.number().int()])),
    missing: z.array(z.string()),
  }),
  z.object({ t: z.literal('decided'), at: z.number(), k: z.array(z.string()), as: z.enum(['resend', 'uploaded']) }),
  /** Chats of this import an earlier import (the journal in `from`) uploaded, with their CallGear ids there. */
  z.object({ t: z.literal('earlier'), at: z.number(), from: z.string(), found: z.array(z.tuple([z.string(), z.number().int()])) }),
  z.object({ t: z.literal('deleting'), at: z.number(), id: z.number().int() }),
  z.object({ t: z.literal('deleted'), at: z.number(), id: z.number().int(), error: RecordedErrorSchema.optional() }),
  z.object({ t: z.literal('run'), at: z.number(), event: z.enum(['started', 'finished', 'cancelled', 'stopped']) }),
]);
export type JournalRecord = z.infer<typeof RecordSchema>;
