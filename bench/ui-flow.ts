import { join } from 'node:path';
import { appPage, type AppPage } from '../test/e2e/app-page.ts';
import { openApp, SCREENSHOTS, type App, type Suite } from '../test/e2e/harness.ts';

/** Opening a million rows takes a while through the page; the stages are the engine bench's. */
const LOAD_TIMEOUT_MS = 180_000;
const FAILURE = join(SCREENSHOTS, 'bench-ui-failure.png');

export interface ReviewedApp {
  app: App;
  ui: AppPage;
  /** Click on "Open a spreadsheet…" → the first grid row painted in Review. */
  openToReviewMs: number;
}

/**
 * The person's way to the Review step, as the end-to-end tests take it: the rehearsal account on
 * the app's own sandbox, the file through the open dialog, the suggested mapping.
 */
export async function openInReview(suite: Suite, file: string): Promise<ReviewedApp> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  try {
    const started = await toFileStep(app, ui);
    app.dialogs.open.push(file);
    await ui.file.open.click();
    await app.page.getByText(/\.csv · CSV/).waitFor({ timeout: LOAD_TIMEOUT_MS });
    await ui.continue.click();
    await ui.mapping.summary.filter({ hasText: /ready/ }).waitFor({ timeout: LOAD_TIMEOUT_MS });
    await ui.mapping.toReview.click();
    await ui.review.cell(0, 0).filter({ hasText: /./ }).waitFor({ timeout: LOAD_TIMEOUT_MS });
    if (app.faults.length > 0) throw new Error(`the app failed: ${app.faults.join('; ')}`);
    return { app, ui, openToReviewMs: Math.round(performance.now() - started) };
  } catch (error) {
    await app.page.screenshot({ path: FAILURE });
    await app.close();
    throw new Error(`on the way to Review (${FAILURE}; app faults: ${app.faults.join('; ') || 'none'})`, { cause: error });
  }
}

/** Adds the rehearsal account and continues; answers when the File step is shown. */
async function toFileStep(app: App, ui: AppPage): Promise<number> {
  await ui.account.rehearse.click();
  await ui.account.url.fill(app.sandbox.url);
  await ui.account.save.click();
  await ui.account.test.click();
  await app.page.locator('[data-outcome="ok"]').waitFor();
  await ui.continue.click();
  return performance.now();
}
