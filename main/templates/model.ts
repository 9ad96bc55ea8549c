import { z } from 'zod';
import { MappingSchema } from '../mapping/model.ts';

/*
 * Remembered mappings: named templates the person saves, and the mappings of past imports, each
 * with the header row it was made from. No Node imports here, so the IPC contract reuses them.
 */

export const TEMPLATES_VERSION = 1;
export const TEMPLATES_FILE_NAME = 'templates.json';
/** Past imports kept, newest first: enough for the exports a person handles, small on disk. */
export const MAX_PAST_IMPORTS = 20;
/** What marks a file as an exported template, whatever its extension. */
export const TEMPLATE_FILE_FORMAT = 'chat-importer-template';

export const TemplateNameSchema = z.string().trim().min(1).max(100);
/** The header row a mapping was made from; headers are unique within a table (" (2)" for repeats). */
export const HeaderSignatureSchema = z.array(z.string().max(1000)).max(5000);
const DateSchema = z.iso.datetime();

export const TemplateSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: TemplateNameSchema,
  mapping: MappingSchema,
  headers: HeaderSignatureSchema,
  createdAt: DateSchema,
  updatedAt: DateSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

export const PastImportSchema = z.strictObject({
  headers: HeaderSignatureSchema,
  mapping: MappingSchema,
  /** The spreadsheet's file name (no folder), to say where the mapping came from. */
  file: z.string().max(1000),
  savedAt: DateSchema,
});
export type PastImport = z.infer<typeof PastImportSchema>;

/** `templates.json` in the user-data folder. */
export const StoreSchema = z.strictObject({
  version: z.literal(TEMPLATES_VERSION),
  templates: z.array(TemplateSchema),
  pastImports: z.array(PastImportSchema).max(MAX_PAST_IMPORTS),
});
export type Store = z.infer<typeof StoreSchema>;

/** One template written to a file to hand to a colleague or another computer. */
export const TemplateFileSchema = z.strictObject({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  version: z.literal(TEMPLATES_VERSION),
  template: TemplateSchema.omit({ id: true }),
});
export type TemplateFile = z.infer<typeof TemplateFileSchema>;

export const emptyStore = (): Store => ({ version: TEMPLATES_VERSION, templates: [], pastImports: [] });
