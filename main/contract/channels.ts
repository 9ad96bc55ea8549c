import { z } from 'zod';
import { MappingSchema } from '../mapping/model.ts';
import { AccountChangeSchema, AccountInputSchema, AccountViewSchema, ConnectionReportSchema, PickerKindSchema, PickerListSchema } from './accounts.ts';
import { BULK_FIX_CHANNELS } from './bulk-fix.ts';
import { Nothing, ProblemSchema } from './common.ts';
import { PROJECT_CHANNELS } from './projects.ts';
import { TEMPLATE_CHANNELS } from './templates.ts';
import { RESULT_CHANNELS } from './results.ts';
import { RowViewSchema } from './rows.ts';
import { DelimiterSchema, EncodingSchema, TableSummarySchema, ValidationSummarySchema, WorkbookSummarySchema } from './engine.ts';

export { RowViewSchema };

const id = z.string().min(1).max(200);
const path = z.string().min(1).max(4096);
const runId = z.object({ runId: id });
const language = z.enum(['en', 'ru']);

/**
 * Every call the page can make, written once: the preload's API object and the renderer's types
 * are derived from this table, and main parses every request with it before acting.
 */
export const CHANNELS = {
  openFile: { request: z.object({ path: path.optional() }), reply: WorkbookSummarySchema.nullable() },
  reopenFile: { request: z.object({ encoding: EncodingSchema.optional(), delimiter: DelimiterSchema.optional() }), reply: WorkbookSummarySchema },
  selectSheet: { request: z.object({ sheet: z.string().optional(), headerRow: z.number().int().min(1).optional() }), reply: TableSummarySchema },
  previewSheet: { request: z.object({ sheet: z.string(), count: z.number().int().min(1).max(100) }), reply: z.object({ rows: z.array(z.array(z.string())) }) },
  applyMapping: { request: z.object({ mapping: MappingSchema }), reply: ValidationSummarySchema },
  pageRows: {
    request: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), onlyProblems: z.boolean().default(false), code: z.string().optional() }),
    reply: z.object({ total: z.number(), rows: z.array(RowViewSchema) }),
  },
  editCell: { request: z.object({ row: z.number().int().min(1), column: z.number().int().min(0), value: z.string().max(100_000) }), reply: ValidationSummarySchema },
  excludeRows: { request: z.object({ rows: z.array(z.number().int().min(1)).min(1).max(2_000_000), excluded: z.boolean() }), reply: ValidationSummarySchema },
  exportProblems: { request: z.object({ format: z.enum(['xlsx', 'csv']), path: path.optional(), language }), reply: z.object({ path: z.string(), rows: z.number() }).nullable() },
  /** `keychain` says why the secrets' status is `unknown` (a locked or missing keychain). */
  listAccounts: { request: z.object({}), reply: z.object({ accounts: z.array(AccountViewSchema), keychain: ProblemSchema.optional() }) },
  addAccount: { request: AccountInputSchema, reply: AccountViewSchema },
  updateAccount: { request: AccountChangeSchema, reply: AccountViewSchema },
  removeAccount: { request: z.object({ id }), reply: Nothing },
  testAccount: { request: z.object({ id }), reply: ConnectionReportSchema },
  loadPicker: {
    request: z.object({ accountId: id, kind: PickerKindSchema, refresh: z.boolean().default(false) }),
    reply: PickerListSchema,
  },
  startUpload: {
    request: z.object({ accountId: id, journalDir: path.optional(), concurrency: z.number().int().min(1).max(4).default(1), batchSize: z.number().int().min(1).max(500).default(500) }),
    reply: z.object({ runId: z.string(), journalDir: z.string() }),
  },
  pauseUpload: { request: runId, reply: Nothing },
  resumeUpload: { request: runId, reply: Nothing },
  cancelUpload: { request: runId, reply: Nothing },
  decideDoubtful: { request: z.object({ journalDir: path, as: z.enum(['resend', 'uploaded']) }), reply: z.object({ chats: z.number() }) },
  exportReport: { request: z.object({ journalDir: path, format: z.enum(['xlsx', 'csv']), path: path.optional(), language }), reply: z.object({ path: z.string(), rows: z.number() }).nullable() },
  /** Save the import as a project file (a dialog when no path is given). */
  saveProject: { request: z.object({ path: path.optional() }), reply: z.object({ path: z.string() }).nullable() },
  /**
   * Open a project: its file, sheet, mapping, edits and exclusions, validated again. A source
   * that moved comes back as `moved` with the path it had; open again with `sourcePath`.
   */
  openProject: {
    request: z.object({ path: path.optional(), sourcePath: path.optional() }),
    reply: z
      .discriminatedUnion('status', [
        z.object({ status: z.literal('moved'), path: z.string(), missing: z.string(), problem: ProblemSchema }),
        z.object({
          status: z.literal('opened'),
          path: z.string(),
          /** The source's bytes differ from when the project was saved: said, then validated again. */
          changed: ProblemSchema.optional(),
          workbook: WorkbookSummarySchema,
          table: TableSummarySchema,
          validation: ValidationSummarySchema,
          account: z.string().optional(),
          journal: z.string().optional(),
        }),
      ])
      .nullable(),
  },
  previewUndo: { request: z.object({ journalDir: path }), reply: z.object({ chats: z.number() }) },
  startUndo: { request: z.object({ accountId: id, journalDir: path, confirmedChats: z.number().int().min(0) }), reply: runId },
  ...PROJECT_CHANNELS,
  ...BULK_FIX_CHANNELS,
  ...RESULT_CHANNELS,
  ...TEMPLATE_CHANNELS,
} as const;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type RequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type RequestInputOf<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ReplyOf<K extends ChannelName> = z.output<Channels[K]['reply']>;
export type RowView = z.infer<typeof RowViewSchema>;

export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** The IPC channel of a call; only the preload and main's registration ever see it. */
export const channelOf = (name: ChannelName): string => `chat-importer:${name}`;
