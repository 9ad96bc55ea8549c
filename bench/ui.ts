/**
 * Responsiveness of the window (issue 6): the real page in Chromium on the real handlers and
 * engine worker, driven through test/e2e/harness.ts. With a million-row file in Review, frame
 * times while the grid scrolls and how long far jumps show rows still loading; with 100k rows,
 * the time from a mapping change to the new counts, and on to the refreshed Review step.
 * Part of `npm run bench` (skip with `--no-ui`); alone: `npx tsx bench/ui.ts FILE-1M.csv FILE-100K.csv`
 * (the files `npm run bench` writes under bench/data/).
 */
import { chromiumAvailable, startSuite } from '../test/e2e/harness.ts';
import { openInReview } from './ui-flow.ts';
import { measureRemaps, type RemapSample } from './ui-remap.ts';
import { measureScroll, type ScrollFigures, type ScrollPlan } from './ui-scroll.ts';

export interface UiFiles {
  /** Scrolled: the 1M-row csv. */
  scroll: string;
  /** Re-mapped: the 100k-row csv. */
  remap: string;
}

export interface UiFigures {
  scroll: ScrollFigures & { rows: number; openToReviewMs: number };
  remap: { rows: number; countsP50Ms: number; countsMaxMs: number; reviewP50Ms: number; reviewMaxMs: number; samples: RemapSample[] };
}

const PLAN: ScrollPlan = {
  wheelPx: 120,
  wheelMs: 4_000,
  sweepFrames: 240,
  jumps: [0.5, 0.05, 0.93, 0.31, 0.77, 0.12, 0.999, 0.64],
};
const REMAPS = 6;
/** The engine bench holds a million rows in ~0.9 GiB; the tests' 1 GiB heap leaves too little room. */
const ENGINE_HEAP_MB = 4096;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function uiBench(files: UiFiles): Promise<UiFigures | undefined> {
  if (!chromiumAvailable()) return undefined;
  const suite = await startSuite({ engineHeapMb: ENGINE_HEAP_MB });
  try {
    const large = await openInReview(suite, files.scroll);
    const rows = Number((await large.app.page.getByTestId('review-summary').locator('dd').nth(3).textContent())?.replace(/\D/g, ''));
    const scroll = { rows, openToReviewMs: large.openToReviewMs, ...(await measureScroll(large.app.page, PLAN, rows + 1)) };
    await large.app.close();
    const medium = await openInReview(suite, files.remap);
    const samples = await measureRemaps(medium.app.page, medium.ui, REMAPS);
    const remapRows = Number((await medium.app.page.getByTestId('review-summary').locator('dd').nth(3).textContent())?.replace(/\D/g, ''));
    if (medium.app.faults.length > 0) throw new Error(`the app failed: ${medium.app.faults.join('; ')}`);
    await medium.app.close();
    const counts = samples.map((s) => s.countsMs);
    const reviews = samples.map((s) => s.reviewMs);
    return {
      scroll,
      remap: { rows: remapRows, countsP50Ms: median(counts), countsMaxMs: Math.max(...counts), reviewP50Ms: median(reviews), reviewMaxMs: Math.max(...reviews), samples },
    };
  } finally {
    await suite.close();
  }
}

const line = (cells: unknown[]) => `| ${cells.map(String).join(' | ')} |`;
const table = (head: string[], row: unknown[]) => [line(head), line(head.map(() => '---')), line(row)].join('\n');

/** Two markdown tables: the scroll (targets: p99 frame ≤ 50 ms) and the mapping change (≤ 500 ms). */
export function uiTables({ scroll: s, remap: r }: UiFigures): string[] {
  return [
    table(
      ['rows', 'wheel frame p50 / p99', 'frames', 'frame p50', 'frame p99', 'frame max', 'frames > 50 ms', 'long tasks', 'longest task', 'far jump → rows shown p50 / max', 'last row shown / last row', 'open → Review'],
      [s.rows.toLocaleString('en'), `${s.wheelP50Ms} / ${s.wheelP99Ms}`, s.frames, s.frameP50Ms, s.frameP99Ms, s.frameMaxMs, s.slowFrames, s.longTasks, s.longTaskMaxMs, `${s.blankP50Ms} / ${s.blankMaxMs}`, `${s.lastRowShown.toLocaleString('en')} / ${s.lastRow.toLocaleString('en')}`, `${(s.openToReviewMs / 1000).toFixed(1)} s`],
    ),
    table(
      ['rows', 'changes', 'change → counts p50 / max', '"Review the rows" → grid shown p50 / max'],
      [r.rows.toLocaleString('en'), r.samples.length, `${r.countsP50Ms} / ${r.countsMaxMs}`, `${r.reviewP50Ms} / ${r.reviewMaxMs}`],
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [scroll, remap] = process.argv.slice(2);
  if (scroll === undefined || remap === undefined) throw new Error('usage: npx tsx bench/ui.ts FILE-1M.csv FILE-100K.csv');
  const figures = await uiBench({ scroll, remap });
  if (figures !== undefined) {
    for (const printed of uiTables(figures)) console.log(`${printed}\n`);
    console.log(JSON.stringify(figures));
  }
}
