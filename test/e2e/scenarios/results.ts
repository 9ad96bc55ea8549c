import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateChats, writeWorkbook } from '../../fixtures/chats.ts';
import { appPage } from '../app-page.ts';
import { openApp, type App, type Suite } from '../harness.ts';
import { check, mapAndReview, poll, rehearseAndContinue, step } from '../steps.ts';

const CHATS = 20;
/**
 * A visitor session of the sandbox's account, on its site 9, not on the file's sites. The app
 * checks sites and campaigns against the account's lists, but cannot list its visitor sessions,
 * so only CallGear can refuse a chat whose session and site disagree.
 */
const OTHER_SITES_SESSION = 5550001;
const ITS_SITE = 9;

/** A file of 20 chats, two of them (on the rows returned) in a visitor session on another site. */
function fileWithTwoRefusals(app: App) {
  const generated = generateChats({ chats: CHATS, seed: 23, layout: 'messages-by-key', language: 'en', chatFieldsOnFirstRowOnly: true });
  const key = generated.headers.indexOf(generated.fields.chatKey!);
  const site = generated.headers.indexOf(generated.fields.site_id!);
  const session = generated.headers.push('Visitor session') - 1;
  const firstRows: number[] = [];
  const seen = new Set<unknown>();
  generated.rows.forEach((row, i) => {
    row[session] = null;
    if (seen.has(row[key])) return;
    seen.add(row[key]);
    firstRows.push(i);
  });
  const refused = [firstRows[4]!, firstRows[13]!];
  for (const i of refused) generated.rows[i]![session] = OTHER_SITES_SESSION;
  const file = join(app.dir, 'two-refusals.xlsx');
  writeFileSync(file, writeWorkbook(generated, 'xlsx'));
  // Spreadsheet rows: the header is row 1.
  return { file, site, session, refusedRows: refused.map((i) => i + 2) };
}

/**
 * Two chats refused by CallGear: the report filtered to them, back to Review with only their rows,
 * fixed there and uploaded again into the same journal, with nothing sent twice.
 */
export async function uploadAgainWhatFailed(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const { file, site, session, refusedRows } = fileWithTwoRefusals(app);
  const report = {
    shown: app.page.getByTestId('report-shown'),
    filter: (name: RegExp) => app.page.getByRole('group', { name: 'Show', exact: true }).getByRole('button', { name }),
    find: app.page.getByLabel('Find a row number, a chat id or words of the error'),
    rows: app.page.locator('table.report-table tbody tr'),
  };
  try {
    await step('to review and upload', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, file, 'retry');
      await poll(() => ui.review.ready.textContent()).toBe(String(CHATS));
      expect(await ui.review.blocked.textContent()).toBe('0');
      await ui.review.upload.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      await ui.upload.toResults.click();
    });
    const before = app.sandbox.store.list();
    await step('results: the report, filtered', async () => {
      expect(await ui.results.accepted.textContent()).toBe(String(CHATS - 2));
      expect(await ui.results.rejected.textContent()).toBe('2');
      expect(before).toHaveLength(CHATS - 2);
      await poll(() => report.shown.textContent()).toBe(`Chats 1–${CHATS} of ${CHATS}`);
      expect(await report.filter(/^Refused/).textContent()).toBe('Refused 2');
      expect(await report.filter(/^Uploaded/).textContent()).toBe(`Uploaded ${CHATS - 2}`);
      await report.filter(/^Refused/).click();
      await poll(() => report.shown.textContent()).toBe('Chats 1–2 of 2');
      expect(await report.rows.nth(0).textContent()).toMatch(new RegExp(`^${refusedRows[0]}.*Refused.*Values contradict each other`));
      await report.find.fill(String(refusedRows[1]));
      await poll(() => report.shown.textContent()).toBe('Chats 1–1 of 1');
      expect(await report.rows.nth(0).textContent()).toMatch(new RegExp(`^${refusedRows[1]}`));
      await report.filter(/^All/).click();
      await report.find.fill('contradict each other');
      await poll(() => report.shown.textContent()).toBe('Chats 1–2 of 2');
      expect(await report.filter(/^Uploaded/).textContent()).toBe('Uploaded 0');
      expect(await app.page.getByTestId('retry-text').textContent()).toBe(
        `2 chats failed; fix them in the grid, then upload again: the ${CHATS - 2} already uploaded will not be sent again.`,
      );
      await check(app, 'retry-6-results-refused');
    });
    const fixAgain = app.page.getByRole('button', { name: 'Fix and upload again →' });
    await step('back to review with only the failed rows, and Back returns to results', async () => {
      await fixAgain.click();
      await poll(() => ui.heading.textContent()).toBe('Check the rows before they go');
      await poll(() => app.page.getByTestId('retry-note').textContent()).toContain(`CallGear refused 2 chats in the last upload.`);
      await ui.back.click();
      await poll(() => ui.heading.textContent()).toBe('Results');
      await fixAgain.click();
      await poll(() => app.page.getByText(/^\d+ rows? shown$/).textContent()).toMatch(/^\d+ rows shown$/);
      await poll(() => ui.review.cell(0, session).textContent()).toBe(String(OTHER_SITES_SESSION));
      expect(await app.page.locator('[role="rowheader"]').first().getAttribute('title')).toContain('In the last upload: Values contradict each other');
      await ui.review.cell(0, site).click();
      await poll(() => ui.review.cellPanel.textContent()).toContain('In the last upload: Values contradict each other');
      await check(app, 'retry-4-review-failed');
    });
    await step('fix the failed rows in the grid', async () => {
      for (const row of refusedRows) {
        const rowHeader = app.page.locator('[role="rowheader"]', { hasText: new RegExp(`^${row}$`) });
        const index = Number((await rowHeader.locator('xpath=..').getAttribute('aria-rowindex')) ?? 0) - 2;
        const cell = ui.review.cell(index, site);
        await cell.click();
        await app.page.keyboard.press('Enter');
        const editor = app.page.getByRole('textbox', { name: `New value of Site, row ${row}` });
        await editor.fill(String(ITS_SITE));
        await editor.press('Enter');
        await poll(() => cell.textContent()).toBe(String(ITS_SITE));
      }
      await check(app, 'retry-4-review-fixed');
      await ui.review.upload.click();
    });
    await step('uploaded again: only the fixed chats went', async () => {
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      await ui.upload.toResults.click();
      expect(await ui.results.accepted.textContent()).toBe(String(CHATS));
      expect(await ui.results.rejected.textContent()).toBe('0');
      expect(await app.page.getByTestId('retry-text').count()).toBe(0);
      await poll(() => report.shown.textContent()).toBe(`Chats 1–${CHATS} of ${CHATS}`);
      expect(await report.filter(/^Uploaded/).textContent()).toBe(`Uploaded ${CHATS}`);
      const after = app.sandbox.store.list();
      expect(app.sandbox.store.count()).toBe(CHATS);
      // The first 18 are still there as they were, and only two chats are new: both fixed.
      expect(after.filter((stored) => before.some((old) => old.id === stored.id))).toEqual(before);
      const added = after.filter((stored) => !before.some((old) => old.id === stored.id));
      expect(added.map((stored) => [stored.chat.site_id, stored.chat.visitor_session_id])).toEqual([[ITS_SITE, OTHER_SITES_SESSION], [ITS_SITE, OTHER_SITES_SESSION]]);
      const identities = new Set(after.map((stored) => `${stored.chat.start_date_time} ${stored.chat.phone ?? ''} ${stored.chat.email ?? ''}`));
      expect(identities.size).toBe(CHATS);
      await check(app, 'retry-6-results-all');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
