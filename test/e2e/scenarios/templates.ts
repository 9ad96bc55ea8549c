import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { appPage, type AppPage } from '../app-page.ts';
import { openApp, type App, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { check, poll, rehearseAndContinue, step } from '../steps.ts';

const HEADERS = ['Chat ID', 'Started', 'Visitor', 'Phone', 'Sent at', 'Author', 'Text'];

/** A small export: three chats of two messages, in the column order given. */
function writeExport(path: string, order: readonly string[]): void {
  const rows = [1, 2, 3].flatMap((chat) =>
    [0, 1].map((message) => {
      const cells: Record<string, string> = {
        'Chat ID': `C-${chat}`,
        Started: `2025-06-2${chat} 10:00`,
        Visitor: `Visitor ${chat}`,
        Phone: `+7 916 123-45-6${chat}`,
        'Sent at': `2025-06-2${chat} 10:0${message}`,
        Author: message === 0 ? 'visitor' : 'operator',
        Text: message === 0 ? 'Hello' : 'How can I help?',
      };
      return order.map((header) => cells[header]).join(',');
    }),
  );
  writeFileSync(path, `${[order.join(','), ...rows].join('\n')}\n`);
}

async function openAndMap(app: App, ui: AppPage, file: string): Promise<void> {
  app.dialogs.open.push(file);
  await ui.file.open.click();
  await poll(() => app.page.getByText(/\.csv · CSV/).count()).toBe(1);
  await ui.continue.click();
  await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/chats/);
}

/** The option the person sees chosen for a field, e.g. a column's header or "— not imported —". */
const shown = (app: App, field: string) =>
  app.page.getByLabel(field, { exact: true }).evaluate((select: { selectedOptions: ArrayLike<{ textContent: string | null }> }) => select.selectedOptions[0]?.textContent ?? '');

/** The text of what has the keyboard focus. */
const focusedText = (app: App) => app.page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent ?? null);

/** Saves a mapping as a template, sees it applied to a file with the same columns reordered, and undoes it. */
export async function rememberedMapping(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const page = app.page;
  const note = page.getByTestId('remembered-note');
  const status = page.getByTestId('template-status');
  const first = join(app.dir, 'may.csv');
  const second = join(app.dir, 'june.csv');
  writeExport(first, HEADERS);
  writeExport(second, [...HEADERS].reverse());
  try {
    await step('account', async () => {
      await rehearseAndContinue(app, ui);
    });
    await step('map the first file and save it as a template', async () => {
      await openAndMap(app, ui, first);
      expect(await note.count()).toBe(0);
      expect(await shown(app, 'Phone')).toBe('Phone');
      await page.getByLabel('Phone', { exact: true }).selectOption({ label: '— not imported —' });
      await page.getByLabel('Template name').fill('Jivo export');
      await page.getByRole('button', { name: 'Save as template' }).click();
      await poll(() => status.textContent()).toBe('Saved as “Jivo export”.');
      await poll(() => page.locator('li[data-template="Jivo export"]').count()).toBe(1);
      await check(app, 'templates-1-saved');
    });
    await step('the second file, its columns in another order, gets the template', async () => {
      await ui.back.click();
      await openAndMap(app, ui, second);
      await poll(() => note.textContent()).toContain('Mapping from template “Jivo export” applied (matched all 7 columns).');
      expect(await shown(app, 'Phone')).toBe('— not imported —');
      expect(await shown(app, 'Message text')).toBe('Text');
      await check(app, 'templates-2-applied');
    });
    await step('undo brings the auto-match back in one click', async () => {
      await note.getByRole('button', { name: 'Undo' }).click();
      await poll(() => note.textContent()).toContain('Undone');
      expect(await shown(app, 'Phone')).toBe('Phone');
      expect(await note.evaluate((element: unknown) => element === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
      await check(app, 'templates-3-undone');
    });
    await step('apply, rename, export, delete and import by keyboard', async () => {
      const item = (name: string) => page.locator(`li[data-template="${name}"]`);
      await item('Jivo export').getByRole('button', { name: 'Apply' }).focus();
      await page.keyboard.press('Enter');
      await poll(() => shown(app, 'Phone')).toBe('— not imported —');
      await item('Jivo export').getByRole('button', { name: 'Rename' }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Jivo, June');
      await page.keyboard.press('Enter');
      await poll(() => status.textContent()).toBe('Renamed to “Jivo, June”.');
      await poll(() => focusedText(app)).toBe('Rename');
      await item('Jivo, June').getByRole('button', { name: 'Export…' }).click();
      await poll(() => status.textContent()).toMatch(/^Exported to .*Jivo, June\.json$/);
      const exported = app.dialogs.saved.at(-1) ?? '';
      expect(existsSync(exported)).toBe(true);
      await item('Jivo, June').getByRole('button', { name: 'Delete…' }).click();
      await check(app, 'templates-4-delete-question');
      await page.keyboard.press('Enter');
      await poll(() => status.textContent()).toBe('Deleted “Jivo, June”.');
      await poll(() => page.getByText('No templates yet.').count()).toBe(1);
      app.dialogs.open.push(exported);
      await page.getByRole('button', { name: 'Import a template…' }).click();
      await poll(() => status.textContent()).toBe('Imported “Jivo, June”.');
      await poll(() => item('Jivo, June').count()).toBe(1);
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
