import { join } from 'node:path';
import { expect } from 'vitest';
import type { AppPage } from './app-page.ts';
import { screenshot, seriousViolations } from './checks.ts';
import { ROOT, type App } from './harness.ts';

/** The test phases a person goes through, shared by the scenarios. */
export const EXAMPLE = join(ROOT, 'examples/messages-by-key.xlsx');

/** Waits for what the person would wait for; files of thousands of rows take seconds to open. */
export function poll<T>(read: () => Promise<T> | T, options: { timeout?: number } = {}) {
  return expect.poll(read, { timeout: 20_000, interval: 100, ...options });
}

/** Names a phase of a test, so a failure says where in the flow it happened. */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`step "${name}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** No serious or critical accessibility findings on this screen, and a picture of it. */
export async function check(app: App, name: string): Promise<void> {
  expect(await seriousViolations(app.page), `axe on ${name}`).toEqual([]);
  await screenshot(app.page, name);
}

/** Adds the app's own sandbox as the account, the way the "Rehearse locally" help says. */
export async function addRehearsalAccount(app: App, ui: AppPage, key?: string): Promise<void> {
  await ui.account.rehearse.click();
  await ui.account.url.fill(app.sandbox.url);
  if (key !== undefined) await ui.account.key.fill(key);
  await ui.account.save.click();
  await ui.account.test.click();
}

/** The rehearsal account added, its connection test passed, and on to the File step. */
export async function rehearseAndContinue(app: App, ui: AppPage): Promise<void> {
  await addRehearsalAccount(app, ui);
  await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
  await ui.continue.click();
}

/** Opens a workbook through the dialog, accepts the suggested mapping and arrives at Review. */
export async function mapAndReview(app: App, ui: AppPage, file: string, name: string): Promise<void> {
  app.dialogs.open.push(file);
  await ui.file.open.click();
  await poll(() => app.page.getByText(/\.xlsx · XLSX/).count()).toBe(1);
  await check(app, `${name}-2-file`);
  await ui.continue.click();
  await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/ready/);
  await check(app, `${name}-3-mapping`);
  await ui.mapping.toReview.click();
  await ui.review.grid.waitFor();
}

