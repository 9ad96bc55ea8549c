/** Runs shown before the rest is summed up: a chat of hundreds of rows stays one short line. */
const RUNS_SHOWN = 3;

/** Spreadsheet rows as a person writes them: 12–17, 20, 22–23 … */
export function rowsText(rows: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last !== undefined && row <= last[1] + 1) last[1] = Math.max(last[1], row);
    else runs.push([row, row]);
  }
  const shown = runs.slice(0, RUNS_SHOWN).map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  return runs.length > RUNS_SHOWN ? `${shown.join(', ')} …` : shown.join(', ');
}
