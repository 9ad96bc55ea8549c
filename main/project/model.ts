import { z } from 'zod';
import { MappingSchema } from '../mapping/model.ts';

/*
 * The import project file (`.chatimport`, JSON): everything needed to validate and upload the
 * same import again, on another day or machine. No Node imports here, so the IPC contract and the
 * renderer can reuse these schemas.
 *
 * Secrets have no place in it: there is no field for a key or a password, and every object is
 * strict, so a pasted `access_token` makes the file invalid instead of being carried along.
 * (The mapping's own objects strip unknown keys; `unknownKeys` closes that gap on read and write.)
 */

export const PROJECT_VERSION = 2;
export const PROJECT_EXTENSION = '.chatimport';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex');
const EncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']);
const DelimiterSchema = z.enum([',', ';', '\t', '|']);
const HeaderRowSchema = z.number().int().min(1);
const AccountNameSchema = z.string().trim().min(1).max(100);
const SavedAtSchema = z.iso.datetime();

/** One CallGear employee, as `get.employees` or an employees file gives it. */
const ProjectEmployeeSchema = z.strictObject({
  id: z.number().int().positive(),
  full_name: z.string().min(1),
  email: z.string().nullable().optional(),
});

/** One of the account's campaigns, with the site it runs on when CallGear said. */
const ProjectCampaignSchema = z.strictObject({
  id: z.number().int().positive(),
  siteId: z.number().int().positive().optional(),
});

/** The source as it was when the project was saved: where, and which bytes. */
const ProjectSourceSchema = z.strictObject({
  path: z.string().min(1),
  sha256: Sha256Schema,
  size: z.number().int().nonnegative(),
});
export type ProjectSource = z.infer<typeof ProjectSourceSchema>;

/** A typed value over one cell; `column` is the 0-based column index, as the engine's `edit`. */
const ProjectEditSchema = z.strictObject({
  row: z.number().int().min(1),
  column: z.number().int().min(0),
  value: z.string().max(100_000),
});

export const ProjectSchema = z.strictObject({
  version: z.literal(PROJECT_VERSION),
  source: ProjectSourceSchema,
  sheet: z.string(),
  headerRow: HeaderRowSchema,
  /** csv/tsv/txt only: how the text was read; empty for workbooks. */
  text: z.strictObject({ encoding: EncodingSchema.optional(), delimiter: DelimiterSchema.optional() }),
  mapping: MappingSchema,
  employees: z.array(ProjectEmployeeSchema),
  /**
   * The account's site and campaign ids when the project was saved, so a reopened project (offline
   * too) blocks the same chats on another account's sites; absent when the lists were not loaded.
   */
  sites: z.array(z.number().int().positive()).optional(),
  campaigns: z.array(ProjectCampaignSchema).optional(),
  /** Applied in order, so a later edit of the same cell wins. */
  edits: z.array(ProjectEditSchema),
  /** Spreadsheet row numbers left out of the import. */
  excluded: z.array(z.number().int().min(1)),
  /** The saved account's name (its secret stays in the OS keychain). */
  account: AccountNameSchema.optional(),
  /** The upload journal's folder, once an upload started. */
  journal: z.string().min(1).optional(),
  savedAt: SavedAtSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

/** Version 1: the source as loose fields and no review overlay (edits and exclusions came in 2). */
export const ProjectV1Schema = z.strictObject({
  version: z.literal(1),
  file: z.string().min(1),
  fileSha256: Sha256Schema,
  fileSize: z.number().int().nonnegative(),
  sheet: z.string(),
  headerRow: HeaderRowSchema,
  encoding: EncodingSchema.optional(),
  delimiter: DelimiterSchema.optional(),
  mapping: MappingSchema,
  employees: z.array(ProjectEmployeeSchema),
  account: AccountNameSchema.optional(),
  journal: z.string().min(1).optional(),
  savedAt: SavedAtSchema,
});
export type ProjectV1 = z.infer<typeof ProjectV1Schema>;

export function migrateV1(old: ProjectV1): Project {
  const text: Project['text'] = {};
  if (old.encoding !== undefined) text.encoding = old.encoding;
  if (old.delimiter !== undefined) text.delimiter = old.delimiter;
  const project: Project = {
    version: PROJECT_VERSION,
    source: { path: old.file, sha256: old.fileSha256, size: old.fileSize },
    sheet: old.sheet,
    headerRow: old.headerRow,
    text,
    mapping: old.mapping,
    employees: old.employees,
    edits: [],
    excluded: [],
    savedAt: old.savedAt,
  };
  if (old.account !== undefined) project.account = old.account;
  if (old.journal !== undefined) project.journal = old.journal;
  return project;
}

/**
 * Keys of `input` that a parse dropped (a non-strict object strips what it does not know), as
 * dotted paths. Record keys survive parsing, so only truly unknown fields are reported.
 */
export function unknownKeys(input: unknown, parsed: unknown, path: readonly string[] = []): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, i) => unknownKeys(item, parsed[i], [...path, String(i)]));
  }
  if (!isRecord(input) || !isRecord(parsed)) return [];
  return Object.keys(input).flatMap((key) =>
    Object.hasOwn(parsed, key) ? unknownKeys(input[key], parsed[key], [...path, key]) : [[...path, key].join('.')],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The same project in one spelling: map keys sorted, excluded rows sorted and unique. Two saves
 * of the same project are then the same bytes, and a read-write round trip changes nothing.
 */
export function canonicalProject(project: Project): Project {
  const options = project.mapping.options;
  const sorted = <V>(record: Record<string, V>): Record<string, V> =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    ...project,
    mapping: {
      ...project.mapping,
      options: {
        ...options,
        valueMaps: { status: sorted(options.valueMaps.status), initiator: sorted(options.valueMaps.initiator), source: sorted(options.valueMaps.source) },
        employees: sorted(options.employees),
      },
    },
    excluded: [...new Set(project.excluded)].sort((a, b) => a - b),
  };
}
