import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/security.ts';
import { generateChats, laterVersion, writeWorkbook } from '../../fixtures/chats.ts';
import { appPage } from '../app-page.ts';
import { openApp, type Suite } from '../harness.ts';
import { addRehearsalAccount, check, EXAMPLE, mapAndReview, poll, rehearseAndContinue, step } from '../steps.ts';

/** Uploads a clean example file, reports it and undoes it. */
export async function cleanUpload(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  try {
    await step('account', async () => {
      // frame-ancestors works only as a header, so the page's copy leaves it out.
      const pagePolicy = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
      expect(await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(pagePolicy);
      await poll(() => ui.heading.textContent()).toBe('Where should the chats go?');
      await addRehearsalAccount(app, ui);
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
      expect(await ui.account.answer.textContent()).toContain('Demo Shop');
      await check(app, 'clean-1-account');
      await ui.continue.click();
    });
    await step('file and mapping', () => mapAndReview(app, ui, EXAMPLE, 'clean'));
    await step('review', async () => {
      await poll(() => ui.review.ready.textContent()).toBe('40');
      expect(await ui.review.blocked.textContent()).toBe('0');
      await poll(() => ui.review.cell(0, 0).textContent()).not.toBe('');
      await check(app, 'clean-4-review');
      await ui.review.upload.click();
    });
    await step('upload', async () => {
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      expect(await ui.upload.accepted.textContent()).toBe('40');
      await check(app, 'clean-5-upload');
      await ui.upload.toResults.click();
    });
    await step('results, report and undo', async () => {
      expect(await ui.results.accepted.textContent()).toBe('40');
      expect(app.sandbox.store.count()).toBe(40);
      await ui.results.exportCsv.click();
      await poll(() => ui.results.reportSaved.textContent()).toMatch(/^Saved \d+ rows to .*results\.csv$/);
      expect(readFileSync(app.dialogs.saved[0]!, 'utf8').split('\n').length).toBeGreaterThan(40);
      await check(app, 'clean-6-results');
      await ui.results.undo.click();
      await poll(() => app.page.getByRole('dialog').textContent()).toContain('40 chats created by this import will be deleted');
      await check(app, 'clean-7-undo-confirm');
      await ui.results.confirm.click();
      await poll(() => ui.results.undoStatus.textContent(), { timeout: 60_000 }).toContain('Deleted 40 chats');
      expect(app.sandbox.store.count()).toBe(0);
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/** Shows planted errors, fixes them in the grid and uploads every chat. */
export async function fixPlantedErrors(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const generated = generateChats({ chats: 12, seed: 5, layout: 'messages-by-key', language: 'en', plant: ['invalid_phone', 'unknown_status'] });
  const file = join(app.dir, 'planted.xlsx');
  writeFileSync(file, writeWorkbook(generated, 'xlsx'));
  try {
    await step('account', async () => {
      await rehearseAndContinue(app, ui);
    });
    await step('file and mapping', () => mapAndReview(app, ui, file, 'fix'));
    const fix = async (code: string, column: string, value: string) => {
      const header = generated.headers.indexOf(column);
      await ui.review.issue(code).click();
      // A chat's details repeat on each of its rows; its first row is where the engine reads them.
      await poll(() => app.page.getByText(/^\d+ rows? shown$/).textContent()).not.toBe('0 rows shown');
      const cell = ui.review.cell(0, header);
      await poll(() => cell.getAttribute('aria-invalid')).toBe('true');
      await cell.click();
      await poll(() => ui.review.cellPanel.textContent()).toContain('Error');
      await app.page.keyboard.press('Enter');
      const editor = app.page.getByRole('textbox', { name: new RegExp(`^New value of ${column}`) });
      await editor.fill(value);
      await editor.press('Enter');
      await poll(() => ui.review.issue(code).count()).toBe(0);
    };
    await step('review shows the planted errors', async () => {
      await poll(() => ui.review.blocked.textContent()).toBe('2');
      await poll(() => ui.review.issue('phone.invalid').textContent()).toMatch(/Error.*phone\.invalid.*1/);
      await ui.review.issue('phone.invalid').click();
      await poll(() => ui.review.cell(0, generated.headers.indexOf('Phone')).getAttribute('title')).toMatch(/12-34/);
      await check(app, 'fix-4-review-errors');
      await ui.review.issue('phone.invalid').click();
    });
    await step('fix both in the grid', async () => {
      await fix('phone.invalid', 'Phone', '+7 916 123-45-67');
      await fix('status.invalid', 'Status', 'Won');
      await poll(() => ui.review.blocked.textContent()).toBe('0');
      expect(await ui.review.ready.textContent()).toBe(String(generated.chatCount));
      await check(app, 'fix-4-review-fixed');
    });
    await step('upload', async () => {
      await ui.review.upload.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      await ui.upload.toResults.click();
      expect(await ui.results.accepted.textContent()).toBe(String(generated.chatCount));
      expect(await ui.results.rejected.textContent()).toBe('0');
      expect(app.sandbox.store.count()).toBe(generated.chatCount);
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/** Pauses and resumes an upload of several batches. */
export async function pauseAndResume(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const generated = generateChats({ chats: 1200, seed: 11, layout: 'messages-by-key', language: 'mixed' });
  const file = join(app.dir, 'three-batches.xlsx');
  writeFileSync(file, writeWorkbook(generated, 'xlsx'));
  try {
    await step('to review', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, file, 'pause');
      await poll(() => ui.review.ready.textContent()).toBe('1,200');
    });
    await step('pause', async () => {
      // Slow replies leave time to pause between the batches of 500.
      app.sandbox.setFaults({ latencyMs: 600 });
      await ui.review.upload.click();
      await ui.upload.pause.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 30_000 }).toBe('Paused.');
      // The batch already on its way (at most one, 600 ms) still lands; nothing after it does.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const stored = app.sandbox.store.count();
      expect(stored).toBeLessThan(1200);
      await check(app, 'pause-5-upload-paused');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(app.sandbox.store.count()).toBe(stored);
    });
    await step('resume', async () => {
      await ui.upload.resume.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      expect(await ui.upload.accepted.textContent()).toBe('1,200');
      expect(app.sandbox.store.count()).toBe(1200);
      expect(await app.page.getByRole('log').textContent()).toMatch(/Resumed\..*Paused\./s);
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/**
 * A spreadsheet fixed in Excel after its upload, with chats pasted in, and uploaded again: only
 * the new chats go, and Results says the others are in CallGear already.
 */
export async function changedFileAgain(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const first = generateChats({ chats: 10, seed: 41, layout: 'messages-by-key', language: 'en' });
  const file = join(app.dir, 'export.xlsx');
  writeFileSync(file, writeWorkbook(first, 'xlsx'));
  const uploadAndSeeResults = async () => {
    await ui.review.upload.click();
    await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
    await ui.upload.toResults.click();
  };
  try {
    await step('the first version, uploaded', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, file, 'versions');
      await poll(() => ui.review.ready.textContent()).toBe('10');
      await uploadAndSeeResults();
      expect(await ui.results.accepted.textContent()).toBe('10');
      expect(await app.page.getByTestId('result-skipped').count()).toBe(0);
    });
    await step('fixed in Excel, two chats pasted in, and uploaded again: only those two go', async () => {
      const pasted = generateChats({ chats: 2, seed: 42, layout: 'messages-by-key', language: 'en' });
      writeFileSync(file, writeWorkbook(laterVersion(first, pasted, 'Name fixed in Excel'), 'xlsx'));
      await app.page.getByRole('button', { name: 'Import another file' }).click();
      await ui.continue.click();
      await mapAndReview(app, ui, file, 'versions-again');
      await poll(() => ui.review.ready.textContent()).toBe('12');
      await uploadAndSeeResults();
      expect(await ui.results.accepted.textContent()).toBe('2');
      expect(await app.page.getByTestId('result-skipped').textContent()).toBe('10');
      expect(await app.page.getByTestId('result-not-sent').textContent()).toBe('0');
      expect(await app.page.getByTestId('skipped-text').textContent()).toBe(
        '10 chats were not sent again: CallGear already has them from an earlier upload of this file (or of another version of it). “Skipped” in the report says which.',
      );
      expect(app.sandbox.store.count()).toBe(12);
      await app.page.getByRole('group', { name: 'Show', exact: true }).getByRole('button', { name: /^Skipped/ }).click();
      await poll(() => app.page.getByTestId('report-shown').textContent()).toBe('Chats 1–10 of 10');
      expect(await app.page.locator('table.report-table tbody tr').first().textContent()).toContain('Uploaded earlier, from another version of this file');
      await check(app, 'versions-6-results');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
