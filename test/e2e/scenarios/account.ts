import { expect } from 'vitest';
import { appPage } from '../app-page.ts';
import { screenshot } from '../checks.ts';
import { openApp, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { addRehearsalAccount, check, poll, step } from '../steps.ts';

/** Says in words when the key is wrong or the IP is not on the whitelist. */
export async function refusalsInWords(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  try {
    await step('wrong key', async () => {
      await addRehearsalAccount(app, ui, 'not-the-key');
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('wrong-key');
      expect(await ui.account.answer.getAttribute('role')).toBe('alert');
      await check(app, 'account-wrong-key');
    });
    await step('IP refused', async () => {
      app.sandbox.setSwitches({ ipNotWhitelisted: '203.0.113.9' });
      await ui.account.test.click();
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ip-not-whitelisted');
      expect(await ui.account.answer.textContent()).toContain('203.0.113.9');
      await check(app, 'account-ip-refused');
    });
  } finally {
    await app.close();
  }
}

/** Can be used with the keyboard alone: the account step. */
export async function keyboardOnly(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const page = app.page;
  const focused = () =>
    page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const el = document.activeElement;
      if (el === null || el === document.body) return { name: '', outline: 'none' };
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
      return { name: label ?? el.getAttribute('aria-label') ?? el.textContent ?? '', outline: getComputedStyle(el).outlineStyle };
    });
  /** Presses Tab until the focused element is the one wanted, and checks its focus is visible. */
  const tabTo = async (name: RegExp) => {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (name.test(now.name)) {
        expect(now.outline, `focus ring on ${now.name}`).not.toBe('none');
        return;
      }
    }
    throw new Error(`Tab never reached ${name}`);
  };
  try {
    await poll(() => ui.heading.textContent()).toBe('Where should the chats go?');
    await tabTo(/Rehearse locally/);
    await page.keyboard.press('Enter');
    await tabTo(/^API address$/);
    await page.keyboard.press('End');
    await page.keyboard.insertText(app.sandbox.url.replace('http://127.0.0.1:', ''));
    await tabTo(/Save account/);
    await screenshot(page, 'keyboard-1-account-focus');
    await page.keyboard.press('Enter');
    // Saving closes the form; focus goes on to what comes next rather than back to the top.
    await poll(async () => (await focused()).name).toBe('Test connection');
    await page.keyboard.press('Enter');
    await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
    await tabTo(/Continue/);
    await page.keyboard.press('Enter');
    await poll(() => ui.heading.textContent()).toBe('Open the spreadsheet');
  } finally {
    await app.close();
  }
}
