import { writeFileAtomic } from '../files/atomic-write.ts';
import { checkJson, misfitText, newerVersion, readJson } from '../files/json-file.ts';
import { join } from 'node:path';
import { z } from 'zod';
import { fail, ok, text, type Problem, type Result } from '../common/text.ts';
import { AccountSchema } from './account.ts';

export const SETTINGS_FILE_NAME = 'accounts.json';
const VERSION = 1;

/** A stored account: the model plus whether CallGear refused its secret the last time. */
const StoredAccountSchema = AccountSchema.extend({ secretRejected: z.boolean().optional() });
export type StoredAccount = z.infer<typeof StoredAccountSchema>;

/** Strict objects: a field the app does not know (a key someone pasted by hand) fails the read. */
const SettingsSchema = z.strictObject({ version: z.literal(VERSION), accounts: z.array(StoredAccountSchema) });
export type Settings = z.infer<typeof SettingsSchema>;

function corrupt(path: string, why: string): Problem {
  return {
    code: 'accounts.settings_corrupt',
    file: path,
    message: text(
      `The accounts file ${path} cannot be read (${why}). Move it away and add the accounts again; the keys stay in the system keychain.`,
      `Файл учётных записей ${path} не читается (${why}). Переместите его и добавьте учётные записи заново; ключи остаются в системном хранилище паролей.`,
    ),
  };
}

function unwritable(path: string, error: unknown): Problem {
  const why = error instanceof Error ? error.message : String(error);
  return {
    code: 'accounts.settings_unwritable',
    file: path,
    message: text(`The accounts file ${path} cannot be written: ${why}.`, `Не удаётся записать файл учётных записей ${path}: ${why}.`),
  };
}

/** The non-secret account data in `<folder>/accounts.json`. A missing file is no accounts yet. */
export function readSettings(folder: string): Result<Settings> {
  const path = join(folder, SETTINGS_FILE_NAME);
  const read = readJson(path);
  if (read.kind === 'missing') return ok({ version: VERSION, accounts: [] });
  if (read.kind === 'unreadable') return fail(corrupt(path, read.error instanceof Error ? read.error.message : String(read.error)));
  if (read.kind === 'not_json') return fail(corrupt(path, 'not JSON'));
  const newer = newerVersion(read.json, VERSION);
  if (newer !== undefined) {
    return fail({
      code: 'accounts.settings_newer',
      file: path,
      message: text(
        `The accounts file ${path} was written by a newer Chat Importer (version ${newer}). Update the app to use it.`,
        `Файл учётных записей ${path} записан более новой версией Chat Importer (версия ${newer}). Обновите приложение.`,
      ),
    });
  }
  const checked = checkJson(SettingsSchema, read.json);
  return checked.ok ? ok(checked.value) : fail(corrupt(path, misfitText(checked.misfit)));
}

/** Writes a temporary file, fsyncs it, then renames it over the old one: a crash leaves one or the other whole. */
export function writeSettings(folder: string, settings: Settings): Result<void> {
  const path = join(folder, SETTINGS_FILE_NAME);
  try {
    writeFileAtomic(path, `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`, 0o600);
    return ok(undefined);
  } catch (error) {
    return fail(unwritable(path, error));
  }
}
