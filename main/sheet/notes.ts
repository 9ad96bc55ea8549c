import { text } from '../common/text.ts';
import type { ReadNote } from './types.ts';

/*
 * What a person should know about how a file was read. Like problems, notes name places
 * (sheet, cell address, byte offset) and never quote cell contents.
 */

export function hiddenSheet(file: string, sheet: string): ReadNote {
  return {
    code: 'sheet.hidden',
    sheet,
    message: text(`Sheet "${sheet}" is hidden in "${file}".`, `Лист «${sheet}» в файле «${file}» скрыт.`),
  };
}

export function mergedCells(sheet: string, ranges: number): ReadNote {
  return {
    code: 'sheet.merged_cells',
    sheet,
    message: text(
      `Sheet "${sheet}" has ${ranges} merged range(s); each merged value was copied into every cell of its range.`,
      `На листе «${sheet}» объединённых диапазонов: ${ranges}; значение каждого скопировано во все его ячейки.`,
    ),
  };
}

export function errorCells(sheet: string, count: number, first: string): ReadNote {
  return {
    code: 'sheet.error_cells',
    sheet,
    message: text(
      `Sheet "${sheet}": ${count} cell(s) hold formula errors (#N/A, #DIV/0!, …) and were read as empty; the first is ${first}.`,
      `Лист «${sheet}»: ячеек с ошибками формул (#Н/Д, #ДЕЛ/0!, …): ${count}, они прочитаны как пустые; первая — ${first}.`,
    ),
  };
}

export function datesOutOfRange(sheet: string, count: number, first: string): ReadNote {
  return {
    code: 'sheet.date_out_of_range',
    sheet,
    message: text(
      `Sheet "${sheet}": ${count} date-formatted cell(s) hold numbers that are not dates between 1900 and 9999, ` +
        `so they were kept as numbers; the first is ${first}.`,
      `Лист «${sheet}»: ячеек в формате даты, числа в которых не являются датами между 1900 и 9999 годами: ${count}; ` +
        `они оставлены числами; первая — ${first}.`,
    ),
  };
}

export function invalidUtf8(file: string, offset: number, line: number): ReadNote {
  return {
    code: 'text.invalid_utf8',
    message: text(
      `"${file}" is not valid UTF-8 (the first bad byte is at offset ${offset}, line ${line}); unreadable ` +
        'characters are shown as �. If the text looks wrong, choose the file\'s encoding.',
      `Файл «${file}» не в корректной кодировке UTF-8 (первый неверный байт — смещение ${offset}, строка ${line}); ` +
        'нечитаемые символы показаны как �. Если текст выглядит неправильно, выберите кодировку файла.',
    ),
  };
}

/** Why the streaming xlsx reader handed a file to the general one; the wording says what it met. */
export type FallbackReason =
  | 'special_sheet'
  | 'missing_part'
  | 'unusual_markup'
  | 'unusual_cell'
  | 'compression'
  | 'string_index'
  | 'unexpected';

const FALLBACK_REASONS: Readonly<Record<FallbackReason, readonly [en: string, ru: string]>> = {
  special_sheet: ['it has a chart, macro or dialog sheet', 'в нём есть лист диаграммы, макросов или диалога'],
  missing_part: ['a part it refers to is missing or placed unusually', 'часть, на которую он ссылается, отсутствует или лежит не на своём месте'],
  unusual_markup: ['its XML is written in an unusual way', 'его XML записан необычным способом'],
  unusual_cell: ['a cell is written in an unusual way', 'ячейка в нём записана необычным способом'],
  compression: ['a part is packed in a way the fast reader does not unpack', 'часть его упакована способом, который быстрый модуль чтения не распаковывает'],
  string_index: ['a cell refers to a shared text that is not there', 'ячейка ссылается на отсутствующую общую строку'],
  unexpected: ['the fast reader met something it did not expect', 'быстрый модуль чтения встретил то, чего не ожидал'],
};

export function readerFallback(file: string, reason: FallbackReason): ReadNote {
  const [en, ru] = FALLBACK_REASONS[reason];
  return {
    code: 'sheet.reader_fallback',
    message: text(
      `"${file}" was read with the slower general reader because ${en}; the values are the same, only reading takes longer.`,
      `Файл «${file}» прочитан более медленным универсальным модулем, потому что ${ru}; значения те же, только чтение дольше.`,
    ),
  };
}
