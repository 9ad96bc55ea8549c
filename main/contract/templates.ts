import { z } from 'zod';
import { LayoutSchema, MappingSchema } from '../mapping/model.ts';
import { HeaderSignatureSchema, TemplateNameSchema } from '../templates/model.ts';
import { Nothing, ProblemSchema } from './common.ts';

/** A saved template as the page lists it (its mapping stays in main until applied). */
export const TemplateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** How many columns the file it was made from had. */
  columns: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A remembered mapping put onto the file on screen, and how well it fitted. */
export const AppliedTemplateSchema = z.object({
  from: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('template'), id: z.string(), name: z.string() }),
    z.object({ kind: z.literal('past'), file: z.string(), savedAt: z.string() }),
  ]),
  /** `exact` and `overlap` were found by the headers; `chosen` the person picked. */
  how: z.enum(['exact', 'overlap', 'chosen']),
  /** The file's headers found in the template's, out of `total`. */
  matched: z.number(),
  total: z.number(),
  mapping: MappingSchema,
  /** Columns the template reads that this file lacks; those fields are left unmapped. */
  unplaced: z.array(z.object({ field: z.string(), column: z.string() })),
});

const id = z.string().min(1).max(100);
const path = z.string().min(1).max(4096);
const headers = HeaderSignatureSchema;

/** Named mapping templates and past imports (spread into CHANNELS). */
export const TEMPLATE_CHANNELS = {
  listTemplates: { request: z.object({}), reply: z.object({ templates: z.array(TemplateViewSchema), problem: ProblemSchema.optional() }) },
  /** The template or past import that fits these headers well enough to apply by itself. */
  matchTemplate: { request: z.object({ headers }), reply: AppliedTemplateSchema.nullable() },
  /** `layout` stays when the template's chat key column is not in this file. */
  applyTemplate: { request: z.object({ id, headers, layout: LayoutSchema }), reply: AppliedTemplateSchema },
  saveTemplate: { request: z.object({ name: TemplateNameSchema, mapping: MappingSchema, headers }), reply: TemplateViewSchema },
  renameTemplate: { request: z.object({ id, name: TemplateNameSchema }), reply: TemplateViewSchema },
  deleteTemplate: { request: z.object({ id }), reply: Nothing },
  /** Writes the template to a file (a dialog when no path is given). */
  exportTemplate: { request: z.object({ id, path: path.optional() }), reply: z.object({ path: z.string() }).nullable() },
  importTemplate: { request: z.object({ path: path.optional() }), reply: TemplateViewSchema.nullable() },
} as const;

export type TemplateView = z.infer<typeof TemplateViewSchema>;
export type AppliedTemplate = z.infer<typeof AppliedTemplateSchema>;
