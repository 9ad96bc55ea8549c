import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateChats, writeWorkbook, type GeneratedChats } from '../../fixtures/chats.ts';
import { appPage } from '../app-page.ts';
import { openApp, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { check, mapAndReview, poll, rehearseAndContinue, step } from '../steps.ts';

/** The bulk fix dialog, found by role and name as a person finds it. */
function bulkFixPage(page: Page) {
  const dialog = page.getByRole('dialog');
  return {
    open: (code: string) => page.locator(`button[data-fix-code="${code}"]`),
    dialog,
    suggested: dialog.getByRole('radio', { name: 'Use the suggested fix' }),
    value: dialog.getByRole('textbox', { name: 'New value for every cell' }),
    outcome: page.getByTestId('bulk-fix-outcome'),
    rowsShown: page.getByText(/^[\d,]+ rows? shown$/),
    focused: () => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent ?? ''),
  };
}

/**
 * Three chats whose only contact is a mistyped e-mail: two slips the engine has a fix for, one it
 * has not. Every row of a chat repeats its e-mail, so each finding is several cells.
 */
function spoiltFile(): { generated: GeneratedChats; fixable: number; hopeless: number } {
  const generated = generateChats({ chats: 24, seed: 7, layout: 'messages-by-key', language: 'en', plant: ['invalid_email', 'invalid_email', 'invalid_email'] });
  const email = generated.headers.indexOf('Email');
  const key = generated.headers.indexOf('Chat ID');
  const sizes = generated.planted.map((planted, k) => {
    const chat = generated.rows[planted.row - 2]![key];
    const rows = generated.rows.filter((cells) => cells[key] === chat);
    for (const cells of rows) cells[email] = ['anna@@yandex.ru', 'petr@gmail.con', 'not an address'][k]!;
    return rows.length;
  });
  return { generated, fixable: sizes[0]! + sizes[1]!, hopeless: sizes[2]! };
}

/** Fixes every finding of one planted kind at once, first with the suggested fixes, then with one value. */
export async function bulkFixPlanted(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const bulk = bulkFixPage(app.page);
  const { generated, fixable, hopeless } = spoiltFile();
  const file = join(app.dir, 'mistyped.xlsx');
  writeFileSync(file, writeWorkbook(generated, 'xlsx'));
  try {
    await step('to review', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, file, 'bulk');
      await poll(() => ui.review.blocked.textContent()).toBe('3');
      await poll(() => ui.review.issue('email.invalid').locator('.count').textContent()).toBe('3');
      await ui.review.issue('email.invalid').click();
      await poll(() => bulk.rowsShown.textContent()).toBe(`${fixable + hopeless} rows shown`);
    });
    await step('the suggested fixes, from the keyboard', async () => {
      await bulk.open('email.invalid').focus();
      await app.page.keyboard.press('Enter');
      await poll(() => bulk.dialog.isVisible()).toBe(true);
      await poll(() => bulk.suggested.evaluate((radio) => radio === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
      expect(await bulk.suggested.isChecked()).toBe(true);
      expect(await bulk.dialog.textContent()).toContain('row ' + String(generated.planted[0]!.row) + ', Email: “anna@@yandex.ru” → “anna@yandex.ru”');
      expect(await bulk.dialog.textContent()).toContain('1 finding has none and will stay as it is.');
      await check(app, 'bulk-4-review-dialog');
      await app.page.keyboard.press('Tab');
      await app.page.keyboard.press('Tab');
      expect(await bulk.focused()).toBe('Fix all');
      await app.page.keyboard.press('Enter');
      await poll(() => bulk.outcome.textContent()).toBe(`Changed ${fixable} cells; 1 had no suggested fix.`);
      expect(await bulk.focused()).toBe('Close');
      await check(app, 'bulk-4-review-fixed');
      await app.page.keyboard.press('Enter');
      await poll(() => bulk.dialog.isVisible()).toBe(false);
      await poll(() => bulk.focused()).toBe('Fix all… (email.invalid)');
      await poll(() => ui.review.issue('email.invalid').locator('.count').textContent()).toBe('1');
      expect(await ui.review.blocked.textContent()).toBe('1');
      await poll(() => bulk.rowsShown.textContent()).toBe(`${hopeless} rows shown`);
    });
    await step('one value for what has no suggestion', async () => {
      await bulk.open('email.invalid').click();
      await bulk.value.waitFor();
      // The rule's only finding left has no suggestion: "set one value" is the choice offered.
      expect(await bulk.suggested.count()).toBe(0);
      await bulk.value.fill('help@example.com');
      await bulk.value.press('Enter');
      await poll(() => bulk.outcome.textContent()).toBe(`Changed ${hopeless} cells.`);
      await app.page.keyboard.press('Escape');
      await poll(() => bulk.dialog.isVisible()).toBe(false);
      await poll(() => ui.review.issue('email.invalid').count()).toBe(0);
      await poll(() => bulk.focused()).toBe('Problems found');
      expect(await ui.review.blocked.textContent()).toBe('0');
      expect(await ui.review.ready.textContent()).toBe(String(generated.chatCount));
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
