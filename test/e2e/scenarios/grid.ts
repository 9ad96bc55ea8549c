import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateChats, writeWorkbook } from '../../fixtures/chats.ts';
import { appPage } from '../app-page.ts';
import { openApp, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { check, poll, rehearseAndContinue, step } from '../steps.ts';

/** Scrolls a 100,000-row file smoothly and jumps to its last row. */
export async function largeFile(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const generated = generateChats({ chats: 17_000, seed: 21, layout: 'messages-by-key', language: 'mixed', extras: false });
  const file = join(app.dir, 'large.csv');
  writeFileSync(file, writeWorkbook(generated, 'csv'));
  try {
    await step('to review', async () => {
      await rehearseAndContinue(app, ui);
      app.dialogs.open.push(file);
      await ui.file.open.click();
      await poll(() => app.page.getByText(/\.csv · CSV/).count(), { timeout: 60_000 }).toBe(1);
      await ui.continue.click();
      await poll(() => ui.mapping.summary.textContent(), { timeout: 60_000 }).toMatch(/ready/);
      await ui.mapping.toReview.click();
      await poll(() => ui.review.cell(0, 0).textContent()).not.toBe('');
    });
    await step('scroll briskly for two seconds', async () => {
      const frames = await app.page.evaluate(async () => {
        const page = globalThis as unknown as PageGlobals;
        const grid = page.document.querySelector('[role="grid"]');
        if (grid === null) throw new Error('no grid');
        const gaps: number[] = [];
        let last = page.performance.now();
        const end = last + 2000;
        await new Promise<void>((resolve) => {
          const tick = (now: number) => {
            gaps.push(now - last);
            last = now;
            grid.scrollTop += 100;
            if (now < end) page.requestAnimationFrame(tick);
            else resolve();
          };
          page.requestAnimationFrame(tick);
        });
        return gaps.slice(1).sort((a, b) => a - b);
      });
      const at = (q: number) => Math.round(frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? 0);
      console.info(`[e2e] grid scroll over ${generated.rows.length} rows: ${frames.length} frames, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
      // Only a guard against a grid that renders every row (seconds per frame): on a busy 2-core CI
      // machine with software rendering single frames reach ~250 ms. Frame-time targets need a benchmark.
      expect(at(0.5)).toBeLessThan(200);
      expect(at(0.99)).toBeLessThan(1000);
    });
    await step('Ctrl+End reaches the last row', async () => {
      await ui.review.grid.evaluate((grid) => {
        grid.scrollTop = 0;
      });
      await ui.review.cell(0, 0).click();
      await app.page.keyboard.press('Control+End');
      await poll(() => ui.review.cellPanel.textContent()).toMatch(new RegExp(`^Row ${generated.rows.length + 1},`));
      await check(app, 'large-4-review-last-row');
    });
    await step('"Exclude its chat" takes every row of the last chat out of the upload, and one click brings it back', async () => {
      const ready = Number((await ui.review.ready.textContent())?.replace(/\D/g, ''));
      const excludeChat = app.page.getByRole('button', { name: /^Exclude its chat \(\d+ rows\)$/ });
      await excludeChat.click();
      await poll(async () => Number((await ui.review.ready.textContent())?.replace(/\D/g, ''))).toBe(ready - 1);
      await poll(() => ui.review.cellPanel.textContent()).toContain(`Include row ${generated.rows.length + 1} again`);
      await app.page.getByRole('button', { name: /^Include its chat again \(\d+ rows\)$/ }).click();
      await poll(async () => Number((await ui.review.ready.textContent())?.replace(/\D/g, ''))).toBe(ready);
    });
  } finally {
    await app.close();
  }
}
