import { text, type Problem } from '../common/text.ts';
import type { SheetFormat } from './types.ts';

/*
 * Every way reading a spreadsheet can fail, in one place so the wording stays consistent.
 * Messages name the file (and sheet, row, column when known) but never quote cell contents:
 * problems end up in logs and error reports, which must not carry personal data.
 */

function size(bytes: number, units: readonly [string, string, string, string]): string {
  const [b, kb, mb, gb] = units;
  if (bytes < 1024) return `${bytes} ${b}`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} ${kb}`;
  if (bytes < 1024 ** 3) return `${Math.round(bytes / 1024 ** 2)} ${mb}`;
  return `${(bytes / 1024 ** 3).toFixed(1)} ${gb}`;
}
const sizeEn = (bytes: number): string => size(bytes, ['bytes', 'KB', 'MB', 'GB']);
const sizeRu = (bytes: number): string => size(bytes, ['байт', 'КБ', 'МБ', 'ГБ']);

export function emptyFile(file: string): Problem {
  return {
    code: 'sheet.empty_file',
    file,
    message: text(`"${file}" is empty (0 bytes).`, `Файл «${file}» пуст (0 байт).`),
  };
}

const FS_REASONS = new Map<string, [en: string, ru: string]>([
  ['ENOENT', ['no such file', 'такого файла нет']],
  ['EACCES', ['permission denied', 'нет прав на чтение']],
  ['EPERM', ['permission denied', 'нет прав на чтение']],
  ['EISDIR', ['it is a folder', 'это папка']],
  ['EBUSY', ['the file is in use', 'файл занят другой программой']],
  ['ENOTFILE', ['it is not a regular file', 'это не обычный файл']],
]);

/** `code` is the Node error code (ENOENT, EACCES, …), or ENOTFILE for a device or pipe. */
export function unreadableFile(file: string, code: string): Problem {
  const [en, ru] = FS_REASONS.get(code) ?? [`system error ${code || 'unknown'}`, `системная ошибка ${code || 'без кода'}`];
  return {
    code: 'sheet.unreadable_file',
    file,
    message: text(`Cannot read "${file}": ${en}.`, `Не удалось прочитать файл «${file}»: ${ru}.`),
  };
}

export function tooLarge(file: string, bytes: number, max: number): Problem {
  return {
    code: 'sheet.too_large',
    file,
    message: text(
      `"${file}" is ${sizeEn(bytes)}, more than the ${sizeEn(max)} limit. Split it into smaller files.`,
      `Файл «${file}» занимает ${sizeRu(bytes)}, больше допустимых ${sizeRu(max)}. Разделите его на файлы поменьше.`,
    ),
  };
}

export function tooLargeUnzipped(file: string, declared: number, max: number): Problem {
  return {
    code: 'sheet.too_large_unzipped',
    file,
    message: text(
      `"${file}" would unpack to ${sizeEn(declared)}, more than the ${sizeEn(max)} limit ` +
        '(it may be a zip bomb), so it was not opened.',
      `Файл «${file}» распаковывается в ${sizeRu(declared)}, больше допустимых ${sizeRu(max)} ` +
        '(возможно, это zip-бомба), поэтому он не открыт.',
    ),
  };
}

/** A part's name comes from the file itself: shown, but never at any length. */
const partName = (name: string): string => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** The archive's declared sizes cannot be trusted, so no cap computed from them would hold. */
export function zipSizesLie(file: string, part: string): Problem {
  const name = partName(part);
  return {
    code: 'sheet.too_large_unzipped',
    file,
    message: text(
      `"${file}": the part "${name}" does not unpack to the size it declares (it may be a zip bomb), ` +
        'so the file was not opened.',
      `Файл «${file}»: часть «${name}» распаковывается не в тот размер, который заявлен ` +
        '(возможно, это zip-бомба), поэтому файл не открыт.',
    ),
  };
}

/** A part of the zip whose compressed data cannot be unpacked: the file was cut or damaged. */
export function damagedPart(file: string, part: string): Problem {
  const name = partName(part);
  return {
    code: 'sheet.corrupt',
    file,
    message: text(
      `"${file}" is damaged: its part "${name}" cannot be unpacked. Was the download or copy interrupted? ` +
        'Save or export the file again and open the new copy.',
      `Файл «${file}» повреждён: его часть «${name}» не распаковывается. Возможно, загрузка или копирование прервались. ` +
        'Сохраните или выгрузите файл заново и откройте новую копию.',
    ),
  };
}

export function tooManyCells(file: string, sheet: string, row: number, max: number): Problem {
  return {
    code: 'sheet.too_many_cells',
    file,
    sheet,
    row,
    message: text(
      `"${file}", sheet "${sheet}": more than ${max} filled cells (the limit was reached at row ${row}). ` +
        'Split the file into smaller ones.',
      `Файл «${file}», лист «${sheet}»: заполненных ячеек больше ${max} (предел достигнут в строке ${row}). ` +
        'Разделите файл на несколько поменьше.',
    ),
  };
}

/** A cell SheetJS placed past the last row or column any spreadsheet has: only damage puts it there. */
export function cellOutsideSheet(file: string, sheet: string, row: number): Problem {
  return {
    code: 'sheet.corrupt',
    file,
    sheet,
    row,
    message: text(
      `"${file}" is damaged: sheet "${sheet}" has a cell in row ${row}, past the last row or column a spreadsheet can have. ` +
        'Save or export the file again and open the new copy.',
      `Файл «${file}» повреждён: на листе «${sheet}» есть ячейка в строке ${row}, за последней строкой или столбцом, какие бывают в таблицах. ` +
        'Сохраните или выгрузите файл заново и откройте новую копию.',
    ),
  };
}

/** A reader stopped after its time: only damage makes a file of that size take so long. */
export function readTimedOut(file: string, seconds: number): Problem {
  return {
    code: 'sheet.read_timeout',
    file,
    message: text(
      `"${file}" was still not read after ${seconds} s and reading was stopped: it is probably damaged. ` +
        'Save or export it again, or save it as .xlsx or .csv, and open the new copy.',
      `Файл «${file}» не прочитан за ${seconds} с, чтение остановлено: скорее всего, он повреждён. ` +
        'Сохраните или выгрузите его заново либо сохраните как .xlsx или .csv и откройте новую копию.',
    ),
  };
}

export function outOfMemory(file: string): Problem {
  return {
    code: 'sheet.out_of_memory',
    file,
    message: text(
      `"${file}" is too large to hold in memory. Split it into smaller files.`,
      `Файл «${file}» слишком велик, чтобы поместиться в памяти. Разделите его на файлы поменьше.`,
    ),
  };
}

export function corrupt(file: string, format: SheetFormat | 'zip'): Problem {
  const kind = format.toUpperCase();
  return {
    code: 'sheet.corrupt',
    file,
    message: text(
      `"${file}" is not a readable ${kind} file: it is damaged or its extension does not match its contents.`,
      `Файл «${file}» не читается как ${kind}: он повреждён или его расширение не соответствует содержимому.`,
    ),
  };
}

export function truncated(file: string): Problem {
  return {
    code: 'sheet.truncated',
    file,
    message: text(
      `"${file}" is incomplete: it ends before its contents do. Was the download or copy interrupted?`,
      `Файл «${file}» неполный: он обрывается раньше, чем заканчиваются данные. Возможно, загрузка или копирование прервались.`,
    ),
  };
}

export function encrypted(file: string): Problem {
  return {
    code: 'sheet.encrypted',
    file,
    message: text(
      `"${file}" is password-protected. Open it in Excel, remove the password and save it again.`,
      `Файл «${file}» защищён паролем. Откройте его в Excel, снимите пароль и сохраните файл заново.`,
    ),
  };
}

export function unsupported(file: string): Problem {
  return {
    code: 'sheet.unsupported',
    file,
    message: text(
      `"${file}" is not a spreadsheet this app can read (xlsx, xlsm, xlsb, xls, ods, csv, tsv, txt).`,
      `Файл «${file}» — не таблица, которую умеет читать приложение (xlsx, xlsm, xlsb, xls, ods, csv, tsv, txt).`,
    ),
  };
}

export function sheetEmpty(file: string, sheet: string): Problem {
  return {
    code: 'sheet.empty',
    file,
    sheet,
    message: text(`"${file}", sheet "${sheet}" has no rows.`, `Файл «${file}», лист «${sheet}»: в листе нет строк.`),
  };
}

export function noDataRows(file: string, sheet: string, headerRow: number): Problem {
  return {
    code: 'sheet.no_data_rows',
    file,
    sheet,
    row: headerRow,
    message: text(
      `"${file}", sheet "${sheet}": there are no data rows below the header row ${headerRow}.`,
      `Файл «${file}», лист «${sheet}»: под строкой заголовков ${headerRow} нет строк с данными.`,
    ),
  };
}

export function headerRowOutOfRange(file: string, sheet: string, headerRow: number, rows: number): Problem {
  return {
    code: 'sheet.header_row_out_of_range',
    file,
    sheet,
    row: headerRow,
    message: text(
      `"${file}", sheet "${sheet}": row ${headerRow} cannot be the header row, the sheet has ${rows} rows.`,
      `Файл «${file}», лист «${sheet}»: строка ${headerRow} не может быть строкой заголовков, в листе строк: ${rows}.`,
    ),
  };
}

export function unterminatedQuote(file: string, line: number, record: number): Problem {
  return {
    code: 'text.unterminated_quote',
    file,
    row: record,
    message: text(
      `"${file}": the quoted value that opens on line ${line} (record ${record}) has no closing quote, ` +
        'so the rest of the file would become one cell. Fix the quote or choose another delimiter.',
      `Файл «${file}»: у значения в кавычках, которое начинается в строке ${line} (запись ${record}), нет ` +
        'закрывающей кавычки, и весь остаток файла стал бы одной ячейкой. Исправьте кавычку или выберите другой разделитель.',
    ),
  };
}
