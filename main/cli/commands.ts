import { resolve } from 'node:path';
import type { Problem, Result } from '../common/text.ts';
import type { Delimiter, TextEncoding } from '../sheet/types.ts';
import { EngineClient } from '../engine/client.ts';
import type { Finding } from '../chats/findings.ts';
import type { ParsedArgs } from './args.ts';
import { CliProblem, usage } from './errors.ts';
import { applyOverrides, readEmployeesFile, readMappingFile } from './inputs.ts';
import { progressBar } from './progress.ts';
import { printInspect, printValidation, type Lang } from './human.ts';

export interface Output {
  out: (line: string) => void;
  lang: Lang;
}

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'];
const DELIMITERS: Record<string, Delimiter> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/** Unwrap an engine reply, or stop the command with the problem it names. */
export function must<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new CliProblem(result.error);
  return result.value;
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

export async function inspect(file: string, values: ParsedArgs['values'], output: Output): Promise<number> {
  const engine = new EngineClient();
  try {
    const { workbook, table } = await openTable(engine, file, values);
    const mapping = applyOverrides(table.suggestion.mapping, values, false);
    const report = {
      file: workbook.file,
      format: workbook.format,
      text: workbook.text,
      notes: workbook.notes,
      sheets: workbook.sheets,
      sheet: table.sheet,
      headerRow: table.headerRow,
      headerGuessed: table.headerGuessed,
      rows: table.rowCount,
      columns: table.profiles,
      mapping,
      confidence: table.suggestion.confidence,
      reasons: table.suggestion.reasons,
      layout: table.suggestion.layout,
    };
    if (values.json) output.out(JSON.stringify(report, null, 2));
    else printInspect(report, output);
    return 0;
  } finally {
    await engine.close();
  }
}

export async function validate(file: string, values: ParsedArgs['values'], output: Output): Promise<number> {
  const fromFile = values.mapping !== undefined;
  const baseMapping = fromFile ? readMappingFile(values.mapping as string) : undefined;
  const employees = values.employees ? readEmployeesFile(values.employees) : [];
  const engine = new EngineClient();
  try {
    const { workbook, table } = await openTable(engine, file, values);
    const mapping = applyOverrides(baseMapping ?? table.suggestion.mapping, values, fromFile);
    const bar = progressBar();
    const summary = must(await engine.request({ type: 'validate', mapping, employees }, bar.listener));
    const findings: Finding[] = [];
    const page = 20_000;
    const wanted = values.json ? summary.findingCount : Math.min(summary.findingCount, 50);
    while (findings.length < wanted) {
      findings.push(...must(await engine.request({ type: 'findings', offset: findings.length, limit: Math.min(page, wanted - findings.length) })));
    }
    const batches = values['emit-batches']
      ? must(await engine.request({ type: 'emitBatches', dir: resolve(values['emit-batches']) }, bar.listener))
      : undefined;
    bar.done();
    const { findingCount: _count, ...rest } = summary;
    const report = {
      file: workbook.file,
      format: workbook.format,
      text: workbook.text,
      sheet: table.sheet,
      headerRow: table.headerRow,
      counts: {
        rows: summary.rowCount,
        blankRows: summary.blankRows,
        chats: summary.chatCount,
        validChats: summary.validChats,
        blockedChats: summary.chatCount - summary.validChats,
        errors: summary.errors,
        warnings: summary.warnings,
      },
      ...rest,
      findings,
      batches,
    };
    if (values.json) output.out(JSON.stringify(report, null, 2));
    else printValidation(report, summary.findingCount, output);
    return summary.errors > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}
