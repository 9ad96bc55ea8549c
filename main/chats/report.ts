import type { Table } from '../sheet/types.ts';
import type { FieldName } from '../mapping/fields.ts';
import { CODES, type Detail, type FindingCode } from './codes.ts';
import type { Finding } from './findings.ts';

/** Collects findings for one table, turning data-row indexes into the row numbers people see. */
export class FindingList {
  readonly items: Finding[] = [];
  readonly firstDataRow: number;

  constructor(table: Table) {
    this.firstDataRow = table.headerRow + 1;
  }

  add(
    code: FindingCode,
    rowIndexes: number[],
    where: { field?: FieldName; column?: string; chat?: number },
    detail: Detail = {},
    fix?: string,
  ): Finding {
    const info = CODES[code];
    const finding: Finding = {
      code,
      severity: info.severity,
      rowIndexes,
      rows: rowIndexes.map((i) => i + this.firstDataRow),
      message: info.describe({ field: where.field, column: where.column, ...detail }),
    };
    if (where.column !== undefined) finding.column = where.column;
    if (where.field !== undefined) finding.field = where.field;
    if (where.chat !== undefined) finding.chat = where.chat;
    if (fix !== undefined) finding.fix = { value: fix, label: { en: `Use ${fix}`, ru: `Заменить на ${fix}` } };
    this.items.push(finding);
    return finding;
  }
}
