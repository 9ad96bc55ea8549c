import { resolve } from 'node:path';
import { EngineClient } from '../engine/client.ts';
import { checkSource, isProjectPath, PROJECT_EXTENSION, PROJECT_VERSION, readProject, sourceOf, writeProject, type Project } from '../project/index.ts';
import { sourceUnreadable } from '../project/problems.ts';
import type { ParsedArgs } from './args.ts';
import type { Output } from './commands.ts';
import { CliProblem, must, usage } from './errors.ts';
import { applyOverrides, readEmployeesFile, readMappingFile } from './inputs.ts';
import { openTable, type Target } from './validated.ts';

type Values = ParsedArgs['values'];

/** Flags that a project already answers: taking them too would make two truths. */
const SET_BY_PROJECT = ['sheet', 'header-row', 'encoding', 'delimiter', 'mapping', 'tz', 'account-tz', 'country', 'date-order', 'set', 'employees'] as const;

/** FILE as it is, or PROJECT (by its extension) read, its source checked, a changed source said. */
export async function targetOf(path: string, values: Values, output: Output): Promise<Target> {
  if (!isProjectPath(path)) return { path };
  const flag = SET_BY_PROJECT.find((name) => values[name] !== undefined);
  if (flag !== undefined) {
    throw usage(
      `--${flag} does not go with a project: ${path} sets it. Change it in the app, or make the project again with chat-importer project.`,
      `--${flag} не сочетается с проектом: его задаёт ${path}. Измените его в приложении или создайте проект заново командой chat-importer project.`,
    );
  }
  const project = must(readProject(path));
  const source = must(await checkSource(project, path));
  if (source.status === 'moved') throw new CliProblem(source.problem);
  if (source.status === 'changed') output.err(`${source.warning.code}: ${source.warning.message[output.lang]}`);
  return { path, project };
}

/** `--account` wins; else the project's account (unless the key comes from `--endpoint`). */
export function withProjectAccount(values: Values, target: Target): Values {
  const name = target.project?.account;
  return name === undefined || values.account !== undefined || values.endpoint !== undefined ? values : { ...values, account: name };
}

/**
 * Records where the upload's journal is, so the app can show it. The project is read again, so
 * a save made while the upload prepared is kept; a failure to write is said, not fatal.
 */
export function rememberJournal(projectPath: string, journalDir: string, output: Output): void {
  const current = readProject(projectPath);
  if (current.ok && current.value.journal === journalDir) return;
  const written = current.ok ? writeProject(projectPath, { ...current.value, journal: journalDir, savedAt: new Date().toISOString() }) : current;
  if (!written.ok) output.err(`${written.error.code}: ${written.error.message[output.lang]}`);
}

/** `project FILE --out PROJECT`: a project from a spreadsheet and validate's flags. */
export async function makeProject(file: string, values: Values, output: Output): Promise<number> {
  const out = values.out;
  if (out === undefined || !isProjectPath(out)) {
    throw usage(`--out PROJECT is required and must end in ${PROJECT_EXTENSION}.`, `Нужен --out ПРОЕКТ с расширением ${PROJECT_EXTENSION}.`);
  }
  const fromFile = values.mapping !== undefined;
  const baseMapping = fromFile ? readMappingFile(values.mapping as string) : undefined;
  const employees = values.employees ? readEmployeesFile(values.employees) : [];
  const path = resolve(file);
  const source = await sourceOf(path);
  if (!source.ok) throw new CliProblem(sourceUnreadable(path, source.error));
  const engine = new EngineClient();
  try {
    const { workbook, table } = await openTable(engine, path, values);
    const project: Project = {
      version: PROJECT_VERSION,
      source: source.value,
      sheet: table.sheet,
      headerRow: table.headerRow,
      text: workbook.text ? { encoding: workbook.text.encoding, delimiter: workbook.text.delimiter } : {},
      mapping: applyOverrides(baseMapping ?? table.suggestion.mapping, values, fromFile),
      employees,
      edits: [],
      excluded: [],
      savedAt: new Date().toISOString(),
    };
    if (values.account !== undefined) project.account = values.account;
    if (values.journal !== undefined) project.journal = resolve(values.journal);
    must(writeProject(resolve(out), project));
    if (values.json) output.out(JSON.stringify({ project: resolve(out), ...project }, null, 2));
    else output.out(output.lang === 'ru' ? `Проект записан: ${resolve(out)} (лист «${table.sheet}», строка заголовков ${table.headerRow}).` : `Project written: ${resolve(out)} (sheet "${table.sheet}", header row ${table.headerRow}).`);
    return 0;
  } finally {
    await engine.close();
  }
}
