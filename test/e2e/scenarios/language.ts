import { expect } from 'vitest';
import { appPage } from '../app-page.ts';
import { openApp, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { addRehearsalAccount, check, EXAMPLE, poll, step } from '../steps.ts';

/** Speaks Russian on a Russian system, in the dark, and switches to English. */
export async function russianDark(suite: Suite): Promise<void> {
  const app = await openApp(suite, { locale: 'ru-RU', colorScheme: 'dark' });
  const ui = appPage(app.page);
  try {
    await step('account in Russian', async () => {
      await poll(() => ui.heading.textContent()).toBe('Куда загружать чаты?');
      expect(await app.page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe('ru');
      await addRehearsalAccount(app, ui);
      await poll(() => ui.account.answer.textContent()).toContain('Подключено к «Demo Shop»');
      await check(app, 'ru-dark-1-account');
      await ui.continue.click();
    });
    await step('file, mapping and review in Russian', async () => {
      app.dialogs.open.push(EXAMPLE);
      await ui.file.open.click();
      await poll(() => ui.heading.textContent()).toBe('Откройте таблицу');
      await poll(() => app.page.getByText(/\.xlsx · XLSX/).count()).toBe(1);
      await check(app, 'ru-dark-2-file');
      await ui.continue.click();
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toBe('40 чатов: готово 40 · ошибок 0 · предупреждений 0');
      await check(app, 'ru-dark-3-mapping');
      await ui.mapping.toReview.click();
      await poll(() => ui.review.upload.textContent()).toBe('Загрузить 40 чатов →');
      await check(app, 'ru-dark-4-review');
    });
    await step('upload and results in Russian', async () => {
      await ui.review.upload.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Готово.');
      expect(await ui.upload.accepted.textContent()).toBe('40');
      await check(app, 'ru-dark-5-upload');
      await ui.upload.toResults.click();
      await poll(() => ui.results.accepted.textContent()).toBe('40');
      await check(app, 'ru-dark-6-results');
    });
    await step('switch to English', async () => {
      await app.page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
      await poll(() => ui.heading.textContent()).toBe('Results');
    });
  } finally {
    await app.close();
  }
}
