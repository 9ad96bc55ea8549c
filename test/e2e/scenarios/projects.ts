import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { appPage, type AppPage } from '../app-page.ts';
import { openApp, type App, type Suite } from '../harness.ts';
import type { PageGlobals } from '../page-globals.ts';
import { check, EXAMPLE, mapAndReview, poll, rehearseAndContinue, step } from '../steps.ts';

const MESSAGE = 11;

function projectUi(page: Page) {
  const button = (name: RegExp) => page.getByRole('button', { name });
  return {
    status: page.getByTestId('project-status'),
    save: button(/^Save project$/),
    saveAs: button(/^Save as…$/),
    recent: (name: string) => page.getByRole('listitem').getByRole('button', { name: new RegExp(`^${name.replace('.', '\\.')}`) }),
    find: button(/^Find it…$/),
    dropZone: page.getByTestId('drop-zone'),
    excludedRows: page.locator('.grid-row.excluded'),
  };
}

/**
 * Drops a file on the drop zone the way Chromium delivers one: a DragEvent whose DataTransfer
 * holds a File. The harness's `pathForFile` reads the `path` the test gives the File, as
 * Electron's webUtils.getPathForFile gives a dropped file's path; without one it is not on disk.
 */
async function drop(page: Page, name: string, path?: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, path }) => {
      const page = globalThis as unknown as PageGlobals;
      const file = new page.File(['x'], name);
      if (path !== undefined) Object.defineProperty(file, 'path', { value: path });
      const transfer = new page.DataTransfer();
      transfer.items.add(file);
      return transfer;
    },
    { name, path },
  );
  const zone = projectUi(page).dropZone;
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

async function toFileStep(app: App, ui: AppPage): Promise<void> {
  await poll(() => ui.continue.isEnabled()).toBe(true);
  await ui.continue.click();
  await poll(() => ui.heading.textContent()).toBe('Open the spreadsheet');
}

/** Edits a message in the grid's first row and leaves the second row out, as a person would. */
async function editAndExclude(app: App, ui: AppPage): Promise<void> {
  await poll(() => ui.review.cell(0, MESSAGE).textContent()).not.toBe('');
  await ui.review.cell(0, MESSAGE).click();
  await app.page.keyboard.press('Enter');
  const editor = app.page.getByRole('textbox', { name: /^New value of Message/ });
  await editor.fill('Edited before saving');
  await editor.press('Enter');
  await poll(() => ui.review.cell(0, MESSAGE).textContent()).toContain('Edited before saving');
  await ui.review.cell(1, MESSAGE).click();
  await app.page.getByRole('button', { name: /^Exclude row \d+$/ }).click();
  await poll(() => projectUi(app.page).excludedRows.count()).toBe(1);
}

/** Saves an import as a project, opens it from Recent after a restart, and finds its moved spreadsheet. */
export async function saveAndReopenProject(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const project = projectUi(app.page);
  const file = join(app.dir, 'chats.xlsx');
  copyFileSync(EXAMPLE, file);
  try {
    await step('make an import in the UI', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, file, 'project');
      expect(await project.status.textContent()).toBe('Not saved as a project yet');
      await editAndExclude(app, ui);
    });
    let ready: string | null = null;
    await step('save asks where the first time, then saves in place', async () => {
      await project.save.click();
      await poll(() => project.status.textContent()).toBe('Saved to chats.chatimport');
      expect(app.dialogs.saved).toEqual([join(app.dir, 'chats.chatimport')]);
      await check(app, 'project-4-saved');
      await ui.review.cell(2, MESSAGE).click();
      await app.page.getByRole('button', { name: /^Exclude row \d+$/ }).click();
      await poll(() => project.status.textContent()).toBe('chats.chatimport · unsaved changes');
      await project.save.click();
      await poll(() => project.status.textContent()).toBe('Saved to chats.chatimport');
      expect(app.dialogs.saved).toHaveLength(1);
      ready = await ui.review.ready.textContent();
    });
    await step('after a restart, Recent opens it on Review with the same edits', async () => {
      await app.page.reload();
      await toFileStep(app, ui);
      const recent = project.recent('chats.chatimport');
      await poll(() => recent.textContent()).toMatch(/spreadsheet chats\.xlsx/);
      await check(app, 'project-2-recent');
      await recent.click();
      await ui.review.grid.waitFor();
      await poll(() => ui.review.cell(0, MESSAGE).textContent()).toContain('Edited before saving');
      await poll(() => project.excludedRows.count()).toBe(2);
      expect(await ui.review.ready.textContent()).toBe(ready);
      expect(await project.status.textContent()).toBe('Saved to chats.chatimport');
      await check(app, 'project-4-reopened');
      await ui.back.click();
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/ready/);
    });
    await step('a moved spreadsheet is asked for, then the project opens with it', async () => {
      renameSync(file, join(app.dir, 'renamed.xlsx'));
      await app.page.reload();
      await toFileStep(app, ui);
      await project.recent('chats.chatimport').click();
      await poll(() => ui.alert.textContent()).toMatch(/^The file chats\.xlsx was moved or renamed\. Find it to open the project\./);
      await check(app, 'project-2-moved');
      app.dialogs.open.push(join(app.dir, 'renamed.xlsx'));
      await project.find.click();
      await ui.review.grid.waitFor();
      await poll(() => ui.review.cell(0, MESSAGE).textContent()).toContain('Edited before saving');
      expect(await project.status.textContent()).toBe('chats.chatimport · unsaved changes');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/** Dropping files on the File step: a spreadsheet opens, a project opens, anything else is refused in words. */
export async function dropFiles(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = appPage(app.page);
  const project = projectUi(app.page);
  try {
    await rehearseAndContinue(app, ui);
    await step('a file that is not a spreadsheet is refused in words', async () => {
      const notes = join(app.dir, 'notes.docx');
      writeFileSync(notes, 'not a spreadsheet');
      await drop(app.page, 'notes.docx', notes);
      await poll(() => ui.alert.textContent()).toMatch(/^notes\.docx is not a spreadsheet or a Chat Importer project\./);
      await check(app, 'drop-2-refused');
      await drop(app.page, 'link.xlsx');
      await poll(() => ui.alert.textContent()).toBe('What was dropped is not a file on this computer.');
    });
    await step('a dropped spreadsheet opens', async () => {
      await drop(app.page, 'messages-by-key.xlsx', EXAMPLE);
      await poll(() => app.page.getByText(/messages-by-key\.xlsx · XLSX/).count()).toBe(1);
      expect(await ui.alert.count()).toBe(0);
      await check(app, 'drop-2-opened');
    });
    await step('a dropped project opens on Review', async () => {
      await ui.continue.click();
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/ready/);
      await project.saveAs.click();
      await poll(() => project.status.textContent()).toBe('Saved to messages-by-key.chatimport');
      await ui.back.click();
      await drop(app.page, 'messages-by-key.chatimport', join(app.dir, 'messages-by-key.chatimport'));
      await ui.review.grid.waitFor();
      await poll(() => project.status.textContent()).toBe('Saved to messages-by-key.chatimport');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}
