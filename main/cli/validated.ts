import { resolve } from 'node:path';
import type { Delimiter, TextEncoding } from '../sheet/types.ts';
import type { EngineClient, ProgressListener } from '../engine/client.ts';
import type { TableSummary, ValidationSummary, WorkbookSummary } from '../engine/protocol.ts';
import type { Employee } from '../chats/normalise/employees.ts';
import type { AccountIds } from '../chats/account-ids.ts';
import type { Project } from '../project/index.ts';
import { overlayMisfit } from '../project/problems.ts';
import type { ParsedArgs } from './args.ts';
import { CliProblem, must, usage } from './errors.ts';
import { applyOverrides, readEmployeesFile, readMappingFile } from './inputs.ts';
import { progressBar } from './progress.ts';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'];
const DELIMITERS: Record<string, Delimiter> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/** A table opened, mapped and validated in the engine, from a FILE and flags or from a project. */
export interface Validated {
  /** The spreadsheet that was read. */
  path: string;
  workbook: WorkbookSummary;
  table: TableSummary;
  summary: ValidationSummary;
  employees: Employee[];
}

/** What a command runs on: a spreadsheet, or a project (read and checked) with its path. */
export interface Target {
  path: string;
  project?: Project;
}

export function validatedTarget(engine: EngineClient, target: Target, values: ParsedArgs['values'], ids: AccountIds = {}): Promise<Validated> {
  return target.project ? validatedProject(engine, target.path, target.project, ids) : validatedFile(engine, target.path, values, ids);
}

export async function openTable(engine: EngineClient, file: string, values: ParsedArgs['values']) {
  const encoding = values.encoding?.toLowerCase() as TextEncoding | undefined;
  if (encoding !== undefined && !ENCODINGS.includes(encoding)) {
    throw usage(`--encoding takes ${ENCODINGS.join(', ')}.`, `--encoding принимает ${ENCODINGS.join(', ')}.`);
  }
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter];
  if (values.delimiter !== undefined && delimiter === undefined) {
    throw usage('--delimiter takes , ; | or tab.', '--delimiter принимает , ; | или tab.');
  }
  let headerRow: number | undefined;
  if (values['header-row'] !== undefined) {
    headerRow = Number(values['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) throw usage('--header-row takes a row number from 1.', '--header-row принимает номер строки от 1.');
  }
  const bar = progressBar();
  const workbook = must(await engine.request({ type: 'open', path: resolve(file), encoding, delimiter }, bar.listener));
  const table = must(await engine.request({ type: 'table', sheet: values.sheet, headerRow }, bar.listener));
  bar.done();
  return { workbook, table };
}

/** FILE with the mapping from `--mapping` (or the suggested one) and the flags on top. */
export async function validatedFile(engine: EngineClient, file: string, values: ParsedArgs['values'], ids: AccountIds = {}): Promise<Validated> {
  const fromFile = values.mapping !== undefined;
  const baseMapping = fromFile ? readMappingFile(values.mapping as string) : undefined;
  const employees = values.employees ? readEmployeesFile(values.employees) : [];
  const { workbook, table } = await openTable(engine, file, values);
  const mapping = applyOverrides(baseMapping ?? table.suggestion.mapping, values, fromFile);
  const bar = progressBar();
  const summary = must(await engine.request({ type: 'validate', mapping, employees, ...ids }, bar.listener));
  bar.done();
  return { path: file, workbook, table, summary, employees };
}

/** A project's source read as the project says, validated, then its edits and exclusions applied. */
export async function validatedProject(engine: EngineClient, projectPath: string, project: Project, ids: AccountIds = {}): Promise<Validated> {
  const { path } = project.source;
  const bar = progressBar();
  const workbook = must(await engine.request({ type: 'open', path, encoding: project.text.encoding, delimiter: project.text.delimiter }, bar.listener));
  const table = must(await engine.request({ type: 'table', sheet: project.sheet, headerRow: project.headerRow }, bar.listener));
  const employees: Employee[] = project.employees;
  // Lists read from the account now win over those the project kept when it was saved.
  const kept = { sites: ids.sites ?? project.sites, campaigns: ids.campaigns ?? project.campaigns };
  const validated = must(await engine.request({ type: 'validate', mapping: project.mapping, employees, ...kept }, bar.listener));
  const summary = await applyOverlay(engine, projectPath, project, bar.listener);
  bar.done();
  return { path, workbook, table, summary: summary ?? validated, employees };
}

/**
 * The engine takes one edit per request and validates again after each, as it does for the
 * grid; exclusions go in one request. Returns the last validation, if anything was applied.
 */
async function applyOverlay(engine: EngineClient, projectPath: string, project: Project, listener: ProgressListener): Promise<ValidationSummary | undefined> {
  let summary: ValidationSummary | undefined;
  if (project.edits.length > 0) {
    const edited = await engine.request({ type: 'edit', edits: project.edits }, listener);
    if (!edited.ok) throw new CliProblem(overlayMisfit(projectPath, 'edit', edited.error));
    summary = edited.value;
  }
  if (project.excluded.length > 0) {
    const excluded = await engine.request({ type: 'exclude', rows: project.excluded, excluded: true }, listener);
    if (!excluded.ok) throw new CliProblem(overlayMisfit(projectPath, 'exclusion', excluded.error));
    summary = excluded.value;
  }
  return summary;
}
