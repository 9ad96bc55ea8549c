import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumAvailable, startSuite, type Suite } from './harness.ts';
import { keyboardOnly, refusalsInWords } from './scenarios/account.ts';
import { bulkFixPlanted } from './scenarios/bulk-fix.ts';
import { brokenFile, filesFromOutside, textFileSettings } from './scenarios/file.ts';
import { largeFile } from './scenarios/grid.ts';
import { dropFiles, saveAndReopenProject } from './scenarios/projects.ts';
import { editAndRemoveAccount, pickersOffline, uploadOffline } from './scenarios/offline.ts';
import { russianDark } from './scenarios/language.ts';
import { uploadAgainWhatFailed } from './scenarios/results.ts';
import { rememberedMapping } from './scenarios/templates.ts';
import { changedFileAgain, cleanUpload, fixPlantedErrors, pauseAndResume } from './scenarios/uploads.ts';

const runs = chromiumAvailable();

// One build, one browser and one engine for the whole file: the scenarios run one after another.
let suite: Suite;
beforeAll(async () => {
  if (runs) suite = await startSuite();
}, 180_000);
afterAll(async () => {
  await suite?.close();
});

describe.skipIf(!runs)('the app in Chromium, on the real handlers and the sandbox', { timeout: 180_000 }, () => {
  it('uploads a clean example file, reports it and undoes it', () => cleanUpload(suite));
  it('shows planted errors, fixes them in the grid and uploads every chat', () => fixPlantedErrors(suite));
  it('fixes every finding of one kind at once: the suggested fixes, then one value', () => bulkFixPlanted(suite));
  it('filters the per-chat report, fixes the refused chats in Review and uploads only them again', () => uploadAgainWhatFailed(suite));
  it('pauses and resumes an upload of several batches', () => pauseAndResume(suite));
  it('uploads a file fixed in Excel again, sending only its new chats and saying the rest are in CallGear', () => changedFileAgain(suite));
  it('scrolls a 100,000-row file smoothly and jumps to its last row', () => largeFile(suite));
  it('says in words when the key is wrong or the IP is not on the whitelist', () => refusalsInWords(suite));
  it('explains a broken file in words and keeps the step usable', () => brokenFile(suite));
  it('shows a text file\'s encoding and delimiter and reads it again with others', () => textFileSettings(suite));
  it('opens a spreadsheet the OS hands over on any step, after the account on the first', () => filesFromOutside(suite));
  it('speaks Russian on a Russian system, in the dark, and switches to English', () => russianDark(suite));
  it('can be used with the keyboard alone: the account step', () => keyboardOnly(suite));
  it('saves the import as a project, opens it from Recent after a restart and finds its moved spreadsheet', () => saveAndReopenProject(suite));
  it('opens a spreadsheet or a project dropped on the File step and refuses anything else in words', () => dropFiles(suite));
  it('changes an account’s name and key, and asks before removing one, naming it', () => editAndRemoveAccount(suite));
  it('offline, picks sites and employees from the lists kept on disk and shows their date', () => pickersOffline(suite));
  it('says when Upload finds no connection, keeps the import, saves it as a project and sends it later', () => uploadOffline(suite));
  it('applies a saved template to a file with the same columns reordered, says so, and undoes it', () => rememberedMapping(suite));
});
