import { z } from 'zod';
import { MappingSchema } from '../mapping/model.ts';
import { TextSchema } from './common.ts';

/** What the engine tells the page about a file, a sheet, a validation and its rows. */
export const EncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']);
export const DelimiterSchema = z.enum([',', ';', '\t', '|']);
export const FormatSchema = z.enum(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'csv', 'tsv', 'txt']);

export const WorkbookSummarySchema = z.object({
  file: z.string(),
  format: FormatSchema,
  text: z
    .object({ encoding: EncodingSchema, encodingGuessed: z.boolean(), bom: z.boolean(), delimiter: DelimiterSchema, delimiterGuessed: z.boolean() })
    .optional(),
  notes: z.array(z.object({ code: z.string(), sheet: z.string().optional(), message: TextSchema })),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), rows: z.number(), headerRow: z.number(), headerConfidence: z.number() })),
});

export const ColumnProfileSchema = z.object({
  index: z.number(),
  header: z.string(),
  kind: z.enum(['empty', 'text', 'number', 'date', 'boolean', 'mixed']),
  fillRate: z.number(),
  distinct: z.number(),
  samples: z.array(z.string()),
});

export const SuggestionSchema = z.object({
  mapping: MappingSchema,
  confidence: z.record(z.string(), z.number()),
  reasons: z.record(z.string(), TextSchema),
  layout: z.object({ kind: z.string(), confidence: z.number(), reason: TextSchema }),
});

export const TableSummarySchema = z.object({
  file: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  headerGuessed: z.boolean(),
  headers: z.array(z.string()),
  rowCount: z.number(),
  profiles: z.array(ColumnProfileSchema),
  suggestion: SuggestionSchema,
});

export const SeveritySchema = z.enum(['error', 'warning']);

export const FindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  rowIndexes: z.array(z.number()),
  rows: z.array(z.number()),
  column: z.string().optional(),
  field: z.string().optional(),
  chat: z.number().optional(),
  message: TextSchema,
  fix: z.object({ value: z.string(), label: TextSchema }).optional(),
});

export const ValidationSummarySchema = z.object({
  mapping: MappingSchema,
  rowCount: z.number(),
  blankRows: z.number(),
  chatCount: z.number(),
  validChats: z.number(),
  byCode: z.record(z.string(), z.object({ severity: SeveritySchema, count: z.number() })),
  errors: z.number(),
  warnings: z.number(),
  /** How each mapped date column's ambiguous dates were read, and on what evidence. */
  dateOrders: z.record(
    z.string(),
    z.object({ order: z.enum(['auto', 'DMY', 'MDY', 'YMD']), inferred: z.boolean(), confidence: z.number(), evidence: TextSchema.optional() }).optional(),
  ),
  findingCount: z.number(),
  tookMs: z.number(),
});

export type WorkbookSummaryView = z.infer<typeof WorkbookSummarySchema>;
export type TableSummaryView = z.infer<typeof TableSummarySchema>;
export type FindingView = z.infer<typeof FindingSchema>;
export type ValidationSummaryView = z.infer<typeof ValidationSummarySchema>;
