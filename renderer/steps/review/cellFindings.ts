import type { FindingView } from '../../../main/contract/engine.ts';
import type { RowView } from '../../../main/contract/channels.ts';

/** The findings a cell shows: those naming its column; findings naming no column belong to the row. */
export function cellFindings(row: RowView, header: string | undefined): FindingView[] {
  return row.findings.filter((finding) => (header === undefined ? finding.column === undefined : finding.column === header));
}

export function worst(findings: readonly FindingView[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length > 0 ? 'warning' : undefined;
}
