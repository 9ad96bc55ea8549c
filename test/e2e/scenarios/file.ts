import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { appPage } from '../app-page.ts';
import { openApp, ROOT, type Suite } from '../harness.ts';
import { check, EXAMPLE, poll, rehearseAndContinue } from '../steps.ts';

/** Explains a broken file in words and keeps the step usable. */
export async function brokenFile(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const broken = join(app.dir, 'broken.xlsx');
  writeFileSync(broken, Buffer.from('PK\u0003\u0004 this is not really a workbook'));
  try {
    await rehearseAndContinue(app, ui);
    await poll(() => app.page.getByText('No file open yet.').count()).toBe(1);
    app.dialogs.open.push(broken);
    await ui.file.open.click();
    await poll(() => ui.alert.count()).toBe(1);
    expect(await ui.alert.textContent()).toMatch(/broken\.xlsx/);
    expect(await ui.continue.isDisabled()).toBe(true);
    await check(app, 'broken-2-file');
    app.dialogs.open.push(EXAMPLE);
    await ui.file.open.click();
    await poll(() => app.page.getByText(/messages-by-key\.xlsx · XLSX/).count()).toBe(1);
    expect(await ui.alert.count()).toBe(0);
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/** Shows a text file's encoding and delimiter and reads it again with others. */
export async function textFileSettings(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  try {
    await rehearseAndContinue(app, ui);
    app.dialogs.open.push(join(ROOT, 'examples/messages-by-key-ru.csv'));
    await ui.file.open.click();
    const encoding = app.page.getByLabel('Encoding');
    const delimiter = app.page.getByLabel('Delimiter');
    await poll(() => encoding.inputValue()).toBe('windows-1251');
    expect(await delimiter.inputValue()).toBe(';');
    await poll(() => app.page.locator('tr.header-row').textContent()).toContain('ID диалога');
    await check(app, 'csv-2-file');
    const firstCell = app.page.locator('table.preview tr').first().locator('td').first();
    await delimiter.selectOption(',');
    // Read with commas, the header line stays whole: its semicolons are no longer separators.
    await poll(() => firstCell.textContent()).toContain('ID диалога;');
    expect(await delimiter.inputValue()).toBe(',');
    await delimiter.selectOption(';');
    await poll(() => firstCell.textContent()).toBe('ID диалога');
    await ui.continue.click();
    await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/^30 chats: 30 ready/);
  } finally {
    await app.close();
  }
}

/** Opens spreadsheets the OS hands over on any step: at once from an import's step, after the account on the first. */
export async function filesFromOutside(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const csv = join(ROOT, 'examples', 'messages-by-key-ru.csv');
  try {
    // Before an account is chosen the file waits for the File step.
    app.send({ type: 'open-file', path: EXAMPLE });
    await poll(() => app.page.getByRole('status').filter({ hasText: 'will wait for the File step' }).textContent()).toContain('“messages-by-key.xlsx”');
    await check(app, 'outside-1-account-waiting');
    await rehearseAndContinue(app, ui);
    await poll(() => app.page.getByText(/messages-by-key\.xlsx · XLSX/).count()).toBe(1);
    expect(await app.page.getByText('will wait for the File step').count()).toBe(0);
    await ui.continue.click();
    await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    await ui.mapping.toReview.click();
    await poll(() => ui.review.cell(0, 0).textContent()).not.toBe('');
    // From Review it leads back to the File step, which opens it; Back returns to Review.
    app.send({ type: 'open-file', path: csv });
    await poll(() => app.page.getByText(/messages-by-key-ru\.csv · CSV/).count()).toBe(1);
    await poll(() => ui.heading.textContent()).toBe('Open the spreadsheet');
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
