import { resolve } from 'node:path';
import { EngineClient } from '../engine/client.ts';
import type { Finding } from '../chats/findings.ts';
import type { ParsedArgs } from './args.ts';
import { must } from './errors.ts';
import { applyOverrides } from './inputs.ts';
import { targetOf } from './project.ts';
import { accountIds } from './account-ids.ts';
import { connect } from './connection.ts';
import { openTable, validatedTarget } from './validated.ts';
import { progressBar } from './progress.ts';
import { printInspect, printValidation, type Lang } from './human.ts';

export interface Output {
  out: (line: string) => void;
  /** Warnings that must not mix into `--json` output. */
  err: (line: string) => void;
  lang: Lang;
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

/** `validate FILE|PROJECT`: the counts and findings; exit 1 when any chat is blocked. */
export async function validate(path: string, values: ParsedArgs['values'], output: Output): Promise<number> {
  const target = await targetOf(path, values, output);
  const engine = new EngineClient();
  try {
    // With an account named, ids are checked against its sites and campaigns too.
    const online = values.account !== undefined || values.endpoint !== undefined;
    const ids = online ? await accountIds(await connect(values), output) : {};
    const { workbook, table, summary } = await validatedTarget(engine, target, values, ids);
    const findings: Finding[] = [];
    const page = 20_000;
    const wanted = values.json ? summary.findingCount : Math.min(summary.findingCount, 50);
    while (findings.length < wanted) {
      findings.push(...must(await engine.request({ type: 'findings', offset: findings.length, limit: Math.min(page, wanted - findings.length) })));
    }
    const bar = progressBar();
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
