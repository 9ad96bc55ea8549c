import { text, type Problem } from '../common/text.ts';

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function nameTaken(name: string): Problem {
  return { code: 'template.name_taken', message: text(`There is already a template called “${name}”. Choose another name.`, `Шаблон «${name}» уже есть. Выберите другое название.`) };
}

export function templateNotFound(): Problem {
  return { code: 'template.not_found', message: text('That template is not there any more.', 'Этого шаблона больше нет.') };
}

export function storeUnwritable(path: string, why: string): Problem {
  return { code: 'template.unwritable', file: path, message: text(`The templates file ${path} cannot be written: ${why}.`, `Не удаётся записать файл шаблонов ${path}: ${why}.`) };
}

/** The store could not be read; it was renamed to `aside` so nothing in it is lost, and a new one started. */
export function storeDamaged(path: string, aside: string, why: string): Problem {
  return {
    code: 'template.store_damaged',
    file: path,
    message: text(
      `The saved mapping templates could not be read (${why}), so the file was kept aside as ${aside} and a new, empty one started.`,
      `Сохранённые шаблоны сопоставления не читаются (${why}), поэтому файл отложен как ${aside} и начат новый, пустой.`,
    ),
  };
}

export function fileUnreadable(path: string, why: string): Problem {
  return { code: 'template.unreadable', file: path, message: text(`The template file ${path} cannot be read: ${why}.`, `Не удаётся прочитать файл шаблона ${path}: ${why}.`) };
}

export function fileUnwritable(path: string, why: string): Problem {
  return { code: 'template.unwritable', file: path, message: text(`The template file ${path} cannot be written: ${why}.`, `Не удаётся записать файл шаблона ${path}: ${why}.`) };
}

export function notATemplate(path: string, why: string): Problem {
  return {
    code: 'template.invalid',
    file: path,
    message: text(`${path} is not a Chat Importer mapping template (${why}).`, `${path} — не шаблон сопоставления Chat Importer (${why}).`),
  };
}

export function templateNewer(path: string, version: number, supported: number): Problem {
  return {
    code: 'template.newer_version',
    file: path,
    message: text(
      `The template ${path} is version ${version}, made by a newer Chat Importer; this one reads up to version ${supported}. Update Chat Importer to import it.`,
      `Шаблон ${path} — версии ${version}, его создала более новая версия Chat Importer; эта читает версии до ${supported}. Обновите Chat Importer, чтобы импортировать его.`,
    ),
  };
}

export function storeNewer(path: string, version: number): Problem {
  return {
    code: 'template.store_newer',
    file: path,
    message: text(
      `The templates file ${path} was written by a newer Chat Importer (version ${version}). Update the app to use your templates; the file is left as it is.`,
      `Файл шаблонов ${path} записан более новой версией Chat Importer (версия ${version}). Обновите приложение, чтобы пользоваться шаблонами; файл оставлен как есть.`,
    ),
  };
}

/** Damaged and could not even be renamed: left in place, and nothing is written over it. */
export function storeStuck(path: string, why: string): Problem {
  return {
    code: 'template.store_damaged',
    file: path,
    message: text(
      `The saved mapping templates in ${path} cannot be read (${why}). The file is left as it is; move it away to save templates again.`,
      `Сохранённые шаблоны сопоставления в ${path} не читаются (${why}). Файл оставлен как есть; переместите его, чтобы снова сохранять шаблоны.`,
    ),
  };
}
