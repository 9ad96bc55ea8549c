// Closes the CI log with one plain line a reader of any runner understands: "Tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const file = new URL('../out/test-results.json', import.meta.url);
if (!existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed (the test run did not finish: see above)');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
