import type { Text } from '../../common/text.ts';
import type { Cell } from '../../sheet/types.ts';
import { parseDateText, type DateOrder } from './parse-date.ts';

export interface DateOrderGuess {
  order: DateOrder;
  /** 1 when a value proves the order and none contradicts it; lower when only convention says so. */
  confidence: number;
  /** Why, for the person: quotes the value that decided, with its row. */
  evidence: Text;
  /** The value that decided, when one did: index into `cells` and the text. */
  example?: { index: number; value: string };
}

const AM_PM = /\d\s*[ap]\.?m\.?(?![a-z])/i;

interface Tally {
  count: number;
  index: number;
  value: string;
}

const tally = (): Tally => ({ count: 0, index: -1, value: '' });
function note(t: Tally, index: number, value: string): void {
  if (t.count++ === 0) {
    t.index = index;
    t.value = value.length > 40 ? value.slice(0, 40) + '…' : value.trim();
  }
}

/**
 * Guesses how a column writes its dates, from up to `limit` non-empty values. A text value
 * that reads only one way under day-first or month-first (13/04/2024) proves the order. Values
 * that read the same both ways (2024-03-01, 1 марта 2024, spreadsheet dates) do not matter.
 * Without proof, convention decides: dots are day-first, AM/PM times month-first, else day-first.
 * `firstRow`: the spreadsheet row of `cells[0]`, so the evidence can name rows; without it the
 * evidence counts values.
 */
export function inferDateOrder(cells: Iterable<Cell>, limit = 5000, firstRow?: number): DateOrderGuess {
  const where = (i: number): Text =>
    firstRow === undefined
      ? { en: `value ${i + 1}`, ru: `значение №${i + 1}` }
      : { en: `row ${firstRow + i}`, ru: `строка ${firstRow + i}` };
  const dmy = tally();
  const mdy = tally();
  const same = tally();
  let ambiguous = 0;
  let dots = 0;
  let amPm = 0;
  let seen = 0;
  let index = -1;
  for (const cell of cells) {
    index++;
    if (cell === null || cell === '') continue;
    if (++seen > limit) break;
    if (typeof cell !== 'string') continue;
    const asDmy = parseDateText(cell, 'DMY');
    const asMdy = parseDateText(cell, 'MDY');
    if (asDmy.ok && asMdy.ok) {
      if (asDmy.wall === asMdy.wall) note(same, index, cell);
      else {
        ambiguous++;
        const firstSep = cell.search(/[./-]/);
        if (firstSep >= 0 && cell[firstSep] === '.') dots++;
        if (AM_PM.test(cell)) amPm++;
      }
    } else if (asDmy.ok) note(dmy, index, cell);
    else if (asMdy.ok) note(mdy, index, cell);
  }

  if (dmy.count > 0 && mdy.count > 0) {
    const winner = dmy.count >= mdy.count ? dmy : mdy;
    const order: DateOrder = winner === dmy ? 'DMY' : 'MDY';
    const a = where(dmy.index);
    const b = where(mdy.index);
    return {
      order,
      confidence: (0.9 * winner.count) / (dmy.count + mdy.count),
      evidence: {
        en:
          `The column mixes date orders: ${dmy.count} value(s) can only be day-first (e.g. "${dmy.value}", ${a.en}) ` +
          `and ${mdy.count} only month-first (e.g. "${mdy.value}", ${b.en}). ` +
          `Reading the column ${order === 'DMY' ? 'day-first' : 'month-first'}, as most values are; check it.`,
        ru:
          `В столбце смешаны порядки: только как «день, месяц» читаются значения в количестве ${dmy.count} ` +
          `(например, «${dmy.value}», ${a.ru}), только как «месяц, день» — ${mdy.count} (например, «${mdy.value}», ${b.ru}). ` +
          `Столбец читается как «${order === 'DMY' ? 'день, месяц' : 'месяц, день'}», как большинство значений; проверьте его.`,
      },
      example: { index: winner.index, value: winner.value },
    };
  }
  if (dmy.count > 0 || mdy.count > 0) {
    const proof = dmy.count > 0 ? dmy : mdy;
    const dayFirst = proof === dmy;
    const w = where(proof.index);
    return {
      order: dayFirst ? 'DMY' : 'MDY',
      confidence: 1,
      evidence: dayFirst
        ? {
            en: `"${proof.value}" (${w.en}) can only be day-first: there is no month above 12. Values that prove it: ${proof.count}.`,
            ru: `«${proof.value}» (${w.ru}) читается только как «день, месяц, год»: месяца с номером больше 12 не бывает. Таких значений: ${proof.count}.`,
          }
        : {
            en: `"${proof.value}" (${w.en}) can only be month-first: there is no month above 12. Values that prove it: ${proof.count}.`,
            ru: `«${proof.value}» (${w.ru}) читается только как «месяц, день, год»: месяца с номером больше 12 не бывает. Таких значений: ${proof.count}.`,
          },
      example: { index: proof.index, value: proof.value },
    };
  }
  if (ambiguous === 0) {
    if (seen === 0) {
      return {
        order: 'DMY',
        confidence: 0,
        evidence: {
          en: 'There are no dates to judge by; day-first is assumed.',
          ru: 'Дат для оценки нет; принят порядок «день, месяц, год».',
        },
      };
    }
    const w = same.count > 0 ? where(same.index) : undefined;
    return {
      order: 'YMD',
      confidence: 1,
      evidence: w
        ? {
            en: `Every date reads only one way (e.g. "${same.value}", ${w.en}): the order does not matter.`,
            ru: `Каждую дату можно прочесть только одним способом (например, «${same.value}», ${w.ru}): порядок не важен.`,
          }
        : {
            en: 'The column holds spreadsheet dates, not text: the order does not matter.',
            ru: 'В столбце даты в формате таблицы, а не текст: порядок не важен.',
          },
      ...(same.count > 0 ? { example: { index: same.index, value: same.value } } : {}),
    };
  }
  if (dots * 2 >= ambiguous) {
    return {
      order: 'DMY',
      confidence: 0.8,
      evidence: {
        en: 'No value proves the order (every day is 12 or less), but dates written with dots (01.03.2024) are day-first by convention.',
        ru: 'Ни одно значение не доказывает порядок (все дни не больше 12), но даты через точку (01.03.2024) принято писать начиная с дня.',
      },
    };
  }
  if (amPm * 2 >= ambiguous) {
    return {
      order: 'MDY',
      confidence: 0.6,
      evidence: {
        en: 'No value proves the order (every day is 12 or less); times with AM/PM suggest the US month-first style. Check a few rows.',
        ru: 'Ни одно значение не доказывает порядок (все дни не больше 12); время с AM/PM говорит об американском порядке «месяц, день, год». Проверьте несколько строк.',
      },
    };
  }
  return {
    order: 'DMY',
    confidence: 0.5,
    evidence: {
      en: 'No value proves the order (every day is 12 or less); day-first is assumed, as most of the world writes dates. Check a few rows.',
      ru: 'Ни одно значение не доказывает порядок (все дни не больше 12); принят порядок «день, месяц, год», как пишут в большинстве стран. Проверьте несколько строк.',
    },
  };
}
