import { text, type Problem, type Text } from '../common/text.ts';

function problem(code: string, file: string, en: string, ru: string, field?: string): Problem {
  const found: Problem = { code, file, message: text(en, ru) };
  if (field !== undefined) found.field = field;
  return found;
}

export function projectUnreadable(path: string, why: string): Problem {
  return problem('project.unreadable', path, `The project file ${path} cannot be read: ${why}.`, `Не удаётся прочитать файл проекта ${path}: ${why}.`);
}

export function notAProject(path: string, why: Text): Problem {
  return problem('project.not_a_project', path, `${path} is not a Chat Importer project (${why.en}).`, `${path} — не проект Chat Importer (${why.ru}).`);
}

export function projectNewer(path: string, version: number, supported: number): Problem {
  return problem(
    'project.newer_version',
    path,
    `The project file ${path} is version ${version}, made by a newer Chat Importer; this one reads up to version ${supported}. Update Chat Importer to open it.`,
    `Файл проекта ${path} — версии ${version}, его создала более новая версия Chat Importer; эта читает версии до ${supported}. Обновите Chat Importer, чтобы открыть его.`,
  );
}

export function projectInvalid(path: string, field: string, why: string): Problem {
  return problem(
    'project.invalid',
    path,
    `The project file ${path} is not valid: ${field}: ${why}.`,
    `Файл проекта ${path} некорректен: ${field}: ${why}.`,
    field,
  );
}

/** A field the project format does not have: a typo, or something pasted in (a key) that must not be kept. */
export function projectUnknownField(path: string, field: string): Problem {
  return problem(
    'project.invalid',
    path,
    `The project file ${path} is not valid: ${field} is not a field of a project.`,
    `Файл проекта ${path} некорректен: поля ${field} в проекте нет.`,
    field,
  );
}

export function projectUnwritable(path: string, why: string): Problem {
  return problem('project.unwritable', path, `The project file ${path} cannot be written: ${why}.`, `Не удаётся записать файл проекта ${path}: ${why}.`);
}

export function sourceMissing(source: string, project: string): Problem {
  return problem(
    'project.source_missing',
    source,
    `The project's spreadsheet ${source} is not there any more (project ${project}). Put it back, or make the project again from the file where it is now.`,
    `Таблицы проекта ${source} больше нет на месте (проект ${project}). Верните её или создайте проект заново из файла на новом месте.`,
  );
}

export function sourceUnreadable(source: string, why: string): Problem {
  return problem('project.source_unreadable', source, `The project's spreadsheet ${source} cannot be read: ${why}.`, `Не удаётся прочитать таблицу проекта ${source}: ${why}.`);
}

/** A warning, not a failure: the changed file is validated as it is now. */
export function sourceChanged(source: string, savedAt: string, before: number, after: number): Problem {
  return problem(
    'project.source_changed',
    source,
    `The spreadsheet ${source} changed since the project was saved (${savedAt}; ${before} bytes then, ${after} now). Its current content is validated; check edits and exclusions still fit.`,
    `Таблица ${source} изменилась после сохранения проекта (${savedAt}; было ${before} байт, стало ${after}). Проверяется её текущее содержимое; убедитесь, что правки и исключения ещё подходят.`,
  );
}

export function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** An edit or an exclusion that no longer fits the sheet (usually: the spreadsheet changed). */
export function overlayMisfit(project: string, what: 'edit' | 'exclusion', cause: Problem): Problem {
  const [en, ru] = what === 'edit' ? ['An edit', 'Правку'] : ['An exclusion', 'Исключение'];
  return {
    ...cause,
    code: 'project.overlay_misfit',
    file: project,
    message: text(`${en} in the project ${project} does not fit the sheet: ${cause.message.en}`, `${ru} из проекта ${project} нельзя применить к листу: ${cause.message.ru}`),
  };
}
