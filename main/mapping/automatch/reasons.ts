import { text, type Text } from '../../common/text.ts';
import type { FieldName } from '../fields.ts';
import type { HeaderMatch } from './header-score.ts';
import { TARGET_LABEL } from './labels.ts';
import type { Candidate, Target } from './types.ts';

/** Why a column was chosen for a target, from its header and its values. */
export function chosenReason(claim: Candidate, header: string, headerMatches: readonly HeaderMatch[]): Text {
  const label = TARGET_LABEL[claim.target];
  const values = claim.evidence;
  if (claim.header >= 0.5) {
    const how =
      claim.exact && claim.header >= 0.999
        ? text(`The header "${header}" is a usual name for ${label.en}`, `Заголовок «${header}» — обычное название поля «${label.ru}»`)
        : claim.exact
          ? text(`The header "${header}" can mean ${label.en}`, `Заголовок «${header}» может означать поле «${label.ru}»`)
          : text(
            `The header "${header}" is close to "${claim.synonym ?? ''}", a name for ${label.en}`,
            `Заголовок «${header}» похож на «${claim.synonym ?? ''}» — название поля «${label.ru}»`,
          );
    return values ? text(`${how.en}; ${values.en}.`, `${how.ru}; ${values.ru}.`) : text(`${how.en}.`, `${how.ru}.`);
  }
  const base = values
    ? text(`Chosen by its values: ${values.en}.`, `Выбран по значениям: ${values.ru}.`)
    : text('Chosen by its values.', 'Выбран по значениям.');
  const misleading = headerMatches.find((m) => m.target !== claim.target && m.score >= 0.6);
  if (!misleading) return base;
  const other = TARGET_LABEL[misleading.target];
  return text(
    `${base.en} Its header "${header}" suggests ${other.en}, but the values do not fit that.`,
    `${base.ru} Заголовок «${header}» говорит о поле «${other.ru}», но значения ему не соответствуют.`,
  );
}

export function messageAtStartReason(): Text {
  return text(
    'No column of its own: one row per chat, so its message was written when the chat started.',
    'Отдельного столбца нет: одна строка — один чат, сообщение написано в момент начала чата.',
  );
}

export function startFromFirstMessageReason(): Text {
  return text(
    'No column of its own: the chat starts at the time of its first message.',
    'Отдельного столбца нет: начало чата — время его первого сообщения.',
  );
}

export function noneReason(field: FieldName, rival?: { header: string; target: Target }): Text {
  const label = TARGET_LABEL[field];
  if (rival) {
    const other = TARGET_LABEL[rival.target];
    return text(
      `No column left for ${label.en}: the likeliest, "${rival.header}", fits ${other.en} better.`,
      `Для поля «${label.ru}» не нашлось столбца: самый похожий, «${rival.header}», лучше подходит к полю «${other.ru}».`,
    );
  }
  return text(
    `No column looks like ${label.en}, by its header or by its values.`,
    `Ни один столбец не похож на поле «${label.ru}» ни по заголовку, ни по значениям.`,
  );
}

export function visitorSourceReason(): Text {
  return text(
    "One row per chat and no column says who wrote the message: it is taken as the visitor's. Change it if the column holds operators' replies.",
    'Одна строка — один чат, и ни один столбец не указывает автора сообщения: считается, что его написал посетитель. Измените, если в столбце ответы операторов.',
  );
}

/** The table's only date column, given to the field the layout needs it for. */
export function onlyDateReason(field: 'start_date_time' | 'date_time', header: string): Text {
  return field === 'start_date_time'
    ? text(
        `"${header}" is the only date column and each row is a chat, so it is the chat start.`,
        `«${header}» — единственный столбец с датами, а каждая строка — чат, поэтому это начало чата.`,
      )
    : text(
        `"${header}" is the only date column and it changes from message to message, so it is the message time; the chat starts at its first message.`,
        `«${header}» — единственный столбец с датами, и он меняется от сообщения к сообщению, поэтому это время сообщения; чат начинается с первого сообщения.`,
      );
}
