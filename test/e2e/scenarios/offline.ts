import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox/index.ts';
import { appPage, type AppPage } from '../app-page.ts';
import { openApp, type App, type Suite } from '../harness.ts';
import { addRehearsalAccount, check, EXAMPLE, mapAndReview, poll, rehearseAndContinue, step } from '../steps.ts';

/** The network comes back: a sandbox again on the address the account was saved with. */
function reopenSandbox(app: App): Promise<Sandbox> {
  return startSandbox({ port: Number(new URL(app.sandbox.url).port), limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
}

/** What the offline parts of the page are found by. */
function offlinePage(app: App, ui: AppPage) {
  const page = app.page;
  const button = (name: RegExp) => page.getByRole('button', { name });
  return {
    ...ui,
    edit: button(/^Edit this account$/),
    remove: button(/^Remove this account…$/),
    saveChanges: button(/^Save changes$/),
    dialog: page.getByRole('dialog'),
    accounts: page.getByRole('group', { name: 'Saved accounts' }).getByRole('radio'),
    secretHint: page.getByText(/^Leave empty to keep the saved key/),
    pickerStatus: page.getByTestId('picker-status'),
    refresh: button(/^(Refresh lists|Refreshing…)$/),
    siteSource: page.locator('tr[data-field="site_id"] select').first(),
    siteValue: page.getByLabel('Value of Site for every chat'),
    offlineNotice: page.getByTestId('offline-notice'),
    saveProject: button(/^Save project$/),
    projectStatus: page.getByTestId('project-status'),
    tryAgain: button(/^Try again$/),
  };
}

/** What has the focus, by its words: a radio by its label, a button by its text. */
async function focusedName(app: App): Promise<string> {
  const label = app.page.locator('label:has(> input:focus)');
  if ((await label.count()) > 0) return (await label.textContent()) ?? '';
  const focused = app.page.locator(':focus');
  return (await focused.count()) > 0 ? ((await focused.first().textContent()) ?? '') : '';
}

/** An account's name and key are changed, and a removal asks first, naming the account. */
export async function editAndRemoveAccount(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = offlinePage(app, appPage(app.page));
  try {
    await step('edit the name, keeping the key', async () => {
      await addRehearsalAccount(app, ui);
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
      await ui.edit.click();
      await poll(() => ui.account.name.inputValue()).toBe('Rehearsal (sandbox)');
      expect(await ui.account.key.inputValue()).toBe('');
      await ui.secretHint.waitFor();
      await check(app, 'accounts-1-edit');
      await ui.account.name.fill('Песочница');
      await ui.saveChanges.click();
      await poll(() => app.page.locator('label:has(> input[name="account"])').first().textContent()).toContain('Песочница');
      // Saving closes the form; focus goes to testing what was just changed.
      await poll(() => focusedName(app)).toBe('Test connection');
      await ui.account.test.click();
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
      expect(JSON.parse(readFileSync(`${app.dir}/accounts.json`, 'utf8')).accounts[0].name).toBe('Песочница');
    });
    await step('replace the key', async () => {
      await ui.edit.click();
      await ui.account.key.fill('not-the-key');
      await ui.saveChanges.click();
      await ui.account.test.click();
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('wrong-key');
      await ui.edit.click();
      await ui.account.key.fill(app.sandbox.demoKey);
      await ui.saveChanges.click();
      await ui.account.test.click();
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
    });
    await step('a second account', async () => {
      await app.page.getByRole('button', { name: '+ Add an account' }).click();
      await ui.account.rehearse.click();
      await ui.account.name.fill('Second');
      await ui.account.url.fill(app.sandbox.url);
      await ui.account.save.click();
      await poll(() => ui.accounts.count()).toBe(2);
    });
    await step('removal asks first, and Escape keeps the account', async () => {
      await ui.accounts.first().check();
      await ui.remove.click();
      await poll(() => ui.dialog.textContent()).toContain('Remove the account “Песочница”?');
      expect(await ui.dialog.textContent()).toContain('deleted from this computer’s keychain');
      expect(await ui.dialog.textContent()).toContain('project files that name this account stay');
      expect(await focusedName(app)).toBe('Cancel');
      await check(app, 'accounts-2-remove-confirm');
      await app.page.keyboard.press('Escape');
      await poll(() => ui.dialog.isVisible()).toBe(false);
      expect(await ui.accounts.count()).toBe(2);
    });
    await step('remove', async () => {
      await ui.remove.click();
      await ui.dialog.getByRole('button', { name: 'Remove “Песочница”' }).click();
      await poll(() => ui.accounts.count()).toBe(1);
      await poll(() => app.page.getByRole('status').filter({ hasText: 'The account “Песочница” was removed.' }).count()).toBe(1);
      expect(await focusedName(app)).toContain('Second');
      expect(readFileSync(`${app.dir}/accounts.json`, 'utf8')).not.toContain('Песочница');
      await check(app, 'accounts-3-removed');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await app.close();
  }
}

/** Offline, the Mapping step's lists come from the copy kept on disk, with its date; with none, ids are typed. */
export async function pickersOffline(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = offlinePage(app, appPage(app.page));
  let back: Sandbox | undefined;
  try {
    await step('no network and no lists kept', async () => {
      await addRehearsalAccount(app, ui);
      await poll(() => ui.account.answer.getAttribute('data-outcome')).toBe('ok');
      await app.sandbox.close();
      await ui.continue.click();
      app.dialogs.open.push(EXAMPLE);
      await ui.file.open.click();
      await poll(() => app.page.getByText(/\.xlsx · XLSX/).count()).toBe(1);
      await ui.continue.click();
      await poll(() => ui.pickerStatus.getAttribute('data-state')).toBe('none');
      expect(await ui.pickerStatus.textContent()).toContain('no lists were saved from before: type the site, campaign or employee id as a constant instead');
      await ui.siteSource.selectOption({ label: 'The same value for every chat…' });
      await ui.siteValue.fill('77');
      expect(await ui.siteValue.evaluate((el) => el.tagName)).toBe('INPUT');
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/ready/);
      await check(app, 'offline-1-no-lists');
    });
    await step('online again: Refresh brings the lists, the typed id is said not to be one of them, and one is picked', async () => {
      back = await reopenSandbox(app);
      await ui.refresh.click();
      await poll(() => ui.pickerStatus.getAttribute('data-state')).toBe('fresh');
      expect(await ui.pickerStatus.textContent()).toMatch(/^Sites, campaigns and employees as the account had them at \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./);
      await poll(() => ui.siteValue.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await ui.siteValue.inputValue()).toBe('77');
      expect(await ui.siteValue.locator('option:checked').textContent()).toBe('77 — not in this account’s list');
      expect(await ui.siteValue.getAttribute('aria-invalid')).toBe('true');
      // Validated against the lists as soon as all three came: no chat can go to a site the account lacks.
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/^(\d+) chats: 0 ready · \1 errors/);
      await ui.siteValue.scrollIntoViewIfNeeded();
      await check(app, 'offline-1b-unlisted-site');
      await ui.siteValue.selectOption('9');
      expect(await ui.siteValue.getAttribute('aria-invalid')).toBe('false');
      expect(await ui.siteValue.locator('option', { hasText: 'not in this account' }).count()).toBe(0);
      await poll(() => ui.mapping.summary.textContent(), { timeout: 30_000 }).toMatch(/^(\d+) chats: \1 ready · 0 errors/);
    });
    await step('offline again: the kept lists stay, with their date', async () => {
      await back?.close();
      await ui.refresh.click();
      await poll(() => ui.pickerStatus.getAttribute('data-state')).toBe('kept');
      expect(await ui.pickerStatus.textContent()).toMatch(/^Lists from \d{1,2} \w{3} \d{4}, \d{2}:\d{2} — offline, will refresh when online\./);
      expect(await ui.siteValue.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await ui.siteValue.locator('option').count()).toBeGreaterThan(1);
      await check(app, 'offline-2-kept-lists');
    });
    expect(app.faults).toEqual([]);
  } finally {
    await back?.close();
    await app.close();
  }
}

/** "Upload" with no connection: said in words, nothing sent, the import kept, saved as a project, then sent. */
export async function uploadOffline(suite: Suite): Promise<void> {
  const app = await openApp(suite);
  const ui = offlinePage(app, appPage(app.page));
  let back: Sandbox | undefined;
  try {
    await step('account, file and mapping', async () => {
      await rehearseAndContinue(app, ui);
      await mapAndReview(app, ui, EXAMPLE, 'offline-upload');
      await poll(() => ui.review.ready.textContent()).toBe('40');
    });
    await step('upload offline', async () => {
      await app.sandbox.close();
      await ui.review.upload.click();
      await ui.offlineNotice.waitFor();
      const said = await ui.offlineNotice.getByRole('alert').textContent();
      expect(said).toContain('This computer appears to be offline. Nothing was sent');
      expect(await ui.offlineNotice.textContent()).toContain('The import is kept ready');
      expect(await ui.heading.textContent()).toBe('Check the rows before they go');
      expect(await ui.review.ready.textContent()).toBe('40');
      expect(existsSync(`${app.dir}/imports`)).toBe(false);
      expect(await focusedName(app)).toBe('Try again');
      await check(app, 'offline-3-upload');
    });
    await step('save the import as a project with the one Save project on the page', async () => {
      expect(await ui.saveProject.count()).toBe(1);
      await ui.saveProject.click();
      await poll(() => ui.projectStatus.textContent()).toMatch(/^Saved to .*\.chatimport$/);
      expect(JSON.parse(readFileSync(app.dialogs.saved[0] as string, 'utf8'))).toMatchObject({ account: 'Rehearsal (sandbox)' });
    });
    await step('online again: Try again uploads every chat', async () => {
      back = await reopenSandbox(app);
      await ui.tryAgain.click();
      await poll(() => ui.upload.phase.textContent(), { timeout: 60_000 }).toBe('Done.');
      expect(await ui.upload.accepted.textContent()).toBe('40');
      expect(back.store.count()).toBe(40);
    });
    expect(app.faults).toEqual([]);
  } finally {
    await back?.close();
    await app.close();
  }
}
