import type { Page } from 'playwright-core';

/**
 * The browser globals the scroll measurement touches inside `page.evaluate`, typed here because
 * tsconfig.node.json (which checks bench/) has no DOM library.
 */
interface Box {
  top: number;
  bottom: number;
}
interface Element {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}
interface ScrollGlobals {
  document: { querySelector(selector: string): Element | null };
  requestAnimationFrame(callback: (now: number) => void): number;
  performance: { now(): number };
  PerformanceObserver?: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: { type: string }): void; disconnect(): void };
}

export interface ScrollPlan {
  /** Wheel-like scrolling: this many pixels a frame, for this long. */
  wheelPx: number;
  wheelMs: number;
  /** The whole range in this many frames, as a drag of the scroll bar would. */
  sweepFrames: number;
  /** Far jumps, as fractions of the range; each waits until the rows in view are filled. */
  jumps: number[];
}

export interface ScrollFigures {
  /** The wheel-like phase alone: scrolling as a person reads through the rows. */
  wheelP50Ms: number;
  wheelP99Ms: number;
  /** Every phase: the wheel, the sweep of the whole range and the far jumps. */
  frames: number;
  frameP50Ms: number;
  frameP99Ms: number;
  frameMaxMs: number;
  /** Frames over 50 ms: the target's bound. */
  slowFrames: number;
  longTasks: number;
  longTaskMaxMs: number;
  /** A far jump → the first frame whose rows in view all show their cells. */
  blankP50Ms: number;
  blankMaxMs: number;
  /** The highest spreadsheet row shown after scrolling to the very end, against the file's last. */
  lastRowShown: number;
  lastRow: number;
}

interface PageResult {
  frames: number[];
  /** How many of `frames` are the wheel-like phase's. */
  wheelFrames: number;
  longTasks: number[];
  blanks: number[];
  lastRowShown: number;
}

/**
 * Runs in the page: every frame interval while scrolling the grid (requestAnimationFrame), long
 * tasks as Chromium reports them, and how long far jumps show rows still loading.
 */
function scrollInPage(plan: ScrollPlan): Promise<PageResult> {
  const page = globalThis as unknown as ScrollGlobals;
  const grid = page.document.querySelector('[role="grid"]');
  const head = grid?.querySelector('.grid-head');
  if (!grid || !head) throw new Error('no grid');
  const longTasks: number[] = [];
  const observer = page.PerformanceObserver && new page.PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer?.observe({ type: 'longtask' });
  const frames: number[] = [];
  let last = 0;
  const frame = () => new Promise<number>((resolve) => page.requestAnimationFrame(resolve));
  const tick = async () => {
    const now = await frame();
    if (last > 0) frames.push(now - last);
    last = now;
    return now;
  };
  // The rows in view, below the sticky header: every one painted with its data, none missing.
  const bodyRows = () => [...grid.querySelectorAll('[role="row"]:not(.grid-head)')];
  const inView = () => {
    const view = { top: head.getBoundingClientRect().bottom, bottom: grid.getBoundingClientRect().bottom };
    return bodyRows().filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top + 1 && box.top < view.bottom - 1;
    });
  };
  const filled = () => {
    const rows = inView();
    const wanted = Math.floor((grid.clientHeight - head.getBoundingClientRect().bottom + head.getBoundingClientRect().top) / 34);
    return rows.length >= wanted && rows.every((row) => row.querySelector('[role="rowheader"]')?.textContent !== '…');
  };
  const range = () => grid.scrollHeight - grid.clientHeight;
  // Rows that never arrive are a failure to report, not a benchmark that hangs.
  const untilFilled = async () => {
    const gaveUp = page.performance.now() + 60_000;
    let now = await tick();
    while (!filled()) {
      if (now > gaveUp) throw new Error(`rows in view still loading after 60 s at scrollTop ${grid.scrollTop}`);
      now = await tick();
    }
    return now;
  };
  return (async () => {
    await tick();
    const wheelEnd = last + plan.wheelMs;
    while (last < wheelEnd) {
      grid.scrollTop += plan.wheelPx;
      await tick();
    }
    const wheelFrames = frames.length;
    for (let i = 1; i <= plan.sweepFrames; i++) {
      grid.scrollTop = (range() * i) / plan.sweepFrames;
      await tick();
    }
    const blanks: number[] = [];
    for (const at of plan.jumps) {
      grid.scrollTop = range() * at;
      const jumped = page.performance.now();
      blanks.push((await untilFilled()) - jumped);
    }
    grid.scrollTop = range();
    await untilFilled();
    const lastRowShown = Math.max(...inView().map((row) => Number(row.querySelector('[role="rowheader"]')?.textContent ?? 0)));
    observer?.disconnect();
    return { frames, wheelFrames, longTasks, blanks, lastRowShown };
  })();
}

const quantile = (sorted: readonly number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/** Scrolls the Review grid on screen through the plan and sums it up. */
export async function measureScroll(page: Page, plan: ScrollPlan, lastRow: number): Promise<ScrollFigures> {
  const result = await page.evaluate(scrollInPage, plan);
  const frames = [...result.frames].sort((a, b) => a - b);
  const wheel = result.frames.slice(0, result.wheelFrames).sort((a, b) => a - b);
  const blanks = [...result.blanks].sort((a, b) => a - b);
  return {
    wheelP50Ms: quantile(wheel, 0.5),
    wheelP99Ms: quantile(wheel, 0.99),
    frames: frames.length,
    frameP50Ms: quantile(frames, 0.5),
    frameP99Ms: quantile(frames, 0.99),
    frameMaxMs: Math.round(frames.at(-1) ?? 0),
    slowFrames: frames.filter((ms) => ms > 50).length,
    longTasks: result.longTasks.length,
    longTaskMaxMs: Math.round(Math.max(0, ...result.longTasks)),
    blankP50Ms: quantile(blanks, 0.5),
    blankMaxMs: Math.round(blanks.at(-1) ?? 0),
    lastRowShown: result.lastRowShown,
    lastRow,
  };
}
