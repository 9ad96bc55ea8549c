import type { Page } from 'playwright-core';
import type { AppPage } from '../test/e2e/app-page.ts';

/** The browser globals the watch touches inside `page.evaluate` (tsconfig.node.json has no DOM). */
interface Element {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface WatchGlobals {
  document: {
    querySelector(selector: string): Element | null;
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: { capture: boolean; once: boolean }): void;
  };
  requestAnimationFrame(callback: (now: number) => void): number;
  MutationObserver: new (callback: () => void) => { observe(target: Element, options: { attributes: boolean; attributeFilter: string[] }): void; disconnect(): void };
  __benchWatch?: Promise<number>;
}

export type WatchEnd = 'counts' | 'review';

/**
 * Runs in the page before the person's action, and keeps a promise of the time from that action
 * to the first animation frame that shows its outcome:
 * - `counts`: from the `change` of a field's source to the first frame in which the mapping
 *   step's validation line, having gone through "Checking…", shows the new counts again;
 * - `review`: from the click on "Review the rows" to the first frame with the Review step's
 *   summary tiles and the grid's first row painted with its cells (the rows and their findings
 *   come from the new mapping: the step fetches them afresh).
 */
function watchInPage(end: WatchEnd): void {
  const page = globalThis as unknown as WatchGlobals;
  const doc = page.document;
  let started: number | undefined;
  doc.addEventListener(end === 'counts' ? 'change' : 'click', (event) => (started = event.timeStamp), { capture: true, once: true });
  let sawChecking = false;
  const line = doc.querySelector('.validation-line');
  const observer = line && new page.MutationObserver(() => (sawChecking ||= line.getAttribute('aria-busy') === 'true'));
  if (line) observer?.observe(line, { attributes: true, attributeFilter: ['aria-busy'] });
  const shown = () =>
    end === 'counts'
      ? sawChecking && line?.getAttribute('aria-busy') === 'false' && doc.querySelector('[data-testid="validation-summary"]') !== null
      : doc.querySelector('[data-testid="chats-ready"]') !== null &&
        (doc.querySelector('[data-cell="0:0"]')?.textContent ?? '') !== '' &&
        doc.querySelector('[aria-rowindex="2"] [role="rowheader"]')?.textContent !== '…';
  page.__benchWatch = new Promise((resolve) => {
    const check = (now: number) => {
      if (started !== undefined && shown()) {
        observer?.disconnect();
        resolve(now - started);
      } else page.requestAnimationFrame(check);
    };
    page.requestAnimationFrame(check);
  });
}

async function timed(page: Page, end: WatchEnd, act: () => Promise<void>): Promise<number> {
  await page.evaluate(watchInPage, end);
  await act();
  const ms = await page.evaluate(() => (globalThis as unknown as WatchGlobals).__benchWatch);
  if (ms === undefined) throw new Error('the watch was lost');
  return ms;
}

export interface RemapSample {
  /** The phone field's source after the change. */
  phone: string;
  summary: string;
  countsMs: number;
  reviewMs: number;
}

const NONE = '\u0000none';

/**
 * From Review, back to Mapping, the phone field's source switched between its column and nothing
 * (which changes which chats lack a contact), then to Review again; `times` changes in all.
 */
export async function measureRemaps(page: Page, ui: AppPage, times: number): Promise<RemapSample[]> {
  const phone = page.locator('tr[data-field="phone"] select');
  const settled = page.locator('.validation-line[aria-busy="false"]');
  const samples: RemapSample[] = [];
  let column: string | undefined;
  for (let i = 0; i < times; i++) {
    await ui.back.click();
    await settled.waitFor({ timeout: 60_000 });
    column ??= await phone.inputValue();
    const next = i % 2 === 0 ? NONE : column;
    const countsMs = await timed(page, 'counts', () => phone.selectOption(next).then(() => undefined));
    const summary = (await ui.mapping.summary.textContent()) ?? '';
    const reviewMs = await timed(page, 'review', () => ui.mapping.toReview.click());
    samples.push({ phone: next === NONE ? 'none' : next, summary, countsMs: Math.round(countsMs), reviewMs: Math.round(reviewMs) });
  }
  return samples;
}
