import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumAvailable, startSuite, type Suite } from './harness.ts';
import { keyboardOnly, refusalsInWords } from './scenarios/account.ts';
import { brokenFile, textFileSettings } from './scenarios/file.ts';
import { largeFile } from './scenarios/grid.ts';
import { russianDark } from './scenarios/language.ts';
import { cleanUpload, fixPlantedErrors, pauseAndResume } from './scenarios/uploads.ts';

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
  it('pauses and resumes an upload of several batches', () => pauseAndResume(suite));
  it('scrolls a 100,000-row file smoothly and jumps to its last row', () => largeFile(suite));
  it('says in words when the key is wrong or the IP is not on the whitelist', () => refusalsInWords(suite));
  it('explains a broken file in words and keeps the step usable', () => brokenFile(suite));
  it('shows a text file\'s encoding and delimiter and reads it again with others', () => textFileSettings(suite));
  it('speaks Russian on a Russian system, in the dark, and switches to English', () => russianDark(suite));
  it('can be used with the keyboard alone: the account step', () => keyboardOnly(suite));
});
