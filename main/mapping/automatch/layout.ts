import { text, type Text } from '../../common/text.ts';
import type { Layout } from '../model.ts';
import type { Candidate, ColumnStats, Groups, Target } from './types.ts';

export interface LayoutGuess {
  kind: Layout['kind'];
  confidence: number;
  reason: Text;
}

/**
 * A chat-key column means one row per message grouped by key; without one, a sender column or the
 * visitor's details repeating on consecutive rows mean one row per message in runs; otherwise
 * each row is a chat.
 */
export function guessLayout(
  chosen: ReadonlyMap<Target, Candidate>,
  groups: Groups,
  columns: readonly ColumnStats[],
): LayoutGuess {
  const header = (i: number): string => columns[i]?.header ?? '';
  const key = chosen.get('chatKey');
  if (key) {
    return {
      kind: 'messages-by-key',
      confidence: key.score,
      reason: text(
        `Column "${header(key.column)}" holds a chat key: rows with the same value form one chat.`,
        `Столбец «${header(key.column)}» — ключ чата: строки с одинаковым значением образуют один чат.`,
      ),
    };
  }
  const source = chosen.get('source');
  const grouped = groups.column >= 0;
  if (source || grouped) {
    const confidence = Math.max(source ? 0.9 * source.score : 0, grouped ? 0.8 : 0);
    const why = source
      ? text(`column "${header(source.column)}" says who wrote each message`, `столбец «${header(source.column)}» указывает автора каждого сообщения`)
      : text(
          `the values of "${header(groups.column)}" repeat on consecutive rows (${groups.averageSize.toFixed(1)} rows per chat on average)`,
          `значения «${header(groups.column)}» повторяются в соседних строках (в среднем ${groups.averageSize.toFixed(1)} строки на чат)`,
        );
    return {
      kind: 'messages-consecutive',
      confidence,
      reason: text(
        `One row per message: ${why.en}. There is no chat key, so a chat is a run of rows with the same visitor.`,
        `Одна строка — одно сообщение: ${why.ru}. Ключа чата нет, поэтому чат — это подряд идущие строки одного посетителя.`,
      ),
    };
  }
  const rows = columns[0]?.sampled ?? 0;
  return {
    kind: 'chat-per-row',
    confidence: rows >= 5 ? 0.75 : 0.5,
    reason: text(
      'No chat key, no sender column, and no visitor details repeat on consecutive rows: each row is one chat.',
      'Нет ключа чата и столбца отправителя, данные посетителя не повторяются в соседних строках: каждая строка — отдельный чат.',
    ),
  };
}
