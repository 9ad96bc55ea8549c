import { text, type Text } from '../../common/text.ts';
import { enumLikeness, hasOwnWords } from './enum-hints.ts';
import { TARGET_LABEL } from './labels.ts';
import { fillRate } from './profile.ts';
import type { ColumnStats, Target } from './types.ts';

/** What the rest of the table says about a column, for the judgements that need context. */
export interface ValueContext {
  /** See `chatLevel`: 1 constant within chats, 0 changing inside them, undefined unknown. */
  chatLevel: number | undefined;
  /** Whether rows seem to come several to a chat. */
  grouped: boolean;
  /** Chats in the sample as far as known: the groups, or else the rows. */
  units: number;
}

export interface ValueJudgement {
  /** How well the values fit the target, 0…1 (0.3 and below contradicts a header). */
  fit: number;
  /** The score the values alone earn, with no help from the header; 0 when they cannot tell. */
  alone: number;
  evidence?: Text;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;

export function judgeValues(stats: ColumnStats, target: Target, context: ValueContext): ValueJudgement {
  const s = stats;
  const level = context.chatLevel;
  const typed = s.email + s.phone + s.date;
  switch (target) {
    case 'email':
      return {
        fit: s.email,
        alone: s.email >= 0.8 ? 0.85 * s.email : 0,
        evidence: text(`${pct(s.email)} of the values are e-mail addresses`, `${pct(s.email)} значений — адреса e-mail`),
      };
    case 'phone':
      return {
        fit: s.phone,
        alone: s.phone >= 0.8 ? 0.8 * s.phone : 0,
        evidence: text(`${pct(s.phone)} of the values look like phone numbers`, `${pct(s.phone)} значений похожи на номера телефонов`),
      };
    case 'start_date_time':
    case 'date_time': {
      const start = target === 'start_date_time';
      const shape = level === undefined ? 1 : start ? 0.4 + 0.6 * level : 1 - 0.4 * level;
      const fit = s.date * shape;
      const within =
        level === undefined
          ? text('', '')
          : level >= 0.5
            ? text(', the same on every row of a chat', ', одинаковые во всех строках чата')
            : text(', changing from message to message', ', меняются от сообщения к сообщению');
      return {
        fit,
        alone: s.date >= 0.8 ? 0.6 * fit : 0,
        evidence: text(
          `${pct(s.date)} of the values are dates and times${within.en}`,
          `${pct(s.date)} значений — даты и время${within.ru}`,
        ),
      };
    }
    case 'message': {
      const fit = typed >= 0.8 ? 0 : s.integer >= 0.8 ? 0.1 : Math.max(0.4, Math.min(1, s.longText * 1.5 + s.averageLength / 60));
      const words = Math.round(s.averageLength);
      return {
        fit,
        alone: s.longText >= 0.5 && s.distinct >= Math.min(30, 0.15 * s.nonEmpty) ? 0.75 * Math.min(1, s.longText + 0.3) : 0,
        evidence: text(
          `${pct(s.longText)} of the values are free text (${words} characters on average)`,
          `${pct(s.longText)} значений — свободный текст (в среднем ${words} символов)`,
        ),
      };
    }
    case 'name': {
      const fewRepeating = s.distinct <= 5 && s.distinct * 4 < context.units;
      // The visitor's name belongs to the chat: a column of names changing inside chats is the authors'.
      const perChat = level !== undefined && level < 0.5 ? 0.5 : 1;
      const fit = Math.max(0, 1 - typed - s.longText - s.integer) * (fewRepeating ? 0.3 : 1) * perChat;
      return {
        fit,
        alone: 0,
        evidence: text(`${pct(s.nameLike)} of the values read like names`, `${pct(s.nameLike)} значений похожи на имена`),
      };
    }
    case 'employee_id': {
      const sourceWords = enumLikeness('source', s.distinctValues) >= 0.6;
      const staffSized = s.distinct <= Math.max(40, 0.2 * s.nonEmpty);
      const fit = sourceWords ? 0.2 : Math.max(0, 1 - s.phone - s.date - s.longText) * (staffSized ? 1 : 0.6);
      return {
        fit,
        alone: 0,
        evidence: text(`${s.distinct} different people or ids`, `${s.distinct} разных сотрудников или номеров`),
      };
    }
    case 'status':
    case 'initiator':
    case 'source':
      return judgeEnum(stats, target, context);
    case 'site_id':
    case 'campaign_id':
    case 'visitor_session_id':
      return {
        fit: s.integer,
        alone: s.integer >= 0.9 ? 0.35 : 0,
        evidence: text(`${pct(s.integer)} of the values are whole numbers`, `${pct(s.integer)} значений — целые числа`),
      };
    case 'chatKey': {
      const averageRun = s.runs === 0 ? 0 : s.sampled / s.runs;
      const runFactor = averageRun >= 1.5 ? 1 : averageRun >= 1.2 ? 0.6 : 0.1;
      const fit = fillRate(s) * s.contiguity * runFactor * (1 - s.date) * (1 - s.email);
      const alone = s.idLike >= 0.9 && s.phone < 0.5 && fit >= 0.8 ? 0.7 * fit : 0;
      return {
        fit,
        alone,
        evidence: text(
          `the values repeat in runs: ${s.runs} chats in ${s.sampled} rows`,
          `значения повторяются подряд: ${s.runs} чатов в ${s.sampled} строках`,
        ),
      };
    }
  }
}

function judgeEnum(s: ColumnStats, target: 'status' | 'initiator' | 'source', context: ValueContext): ValueJudgement {
  const known = enumLikeness(target, s.distinctValues);
  const small = s.distinct <= 8 && s.distinct * 3 <= Math.max(3, s.nonEmpty);
  let fit = s.longText > 0.5 ? 0 : known >= 0.5 ? known : small ? 0.5 : 0.1;
  const level = context.chatLevel;
  if (target === 'status' && level !== undefined && level < 0.5) fit *= 0.5;
  if (target === 'initiator') {
    if (level !== undefined) fit *= 0.3 + 0.7 * level;
    if (hasOwnWords('source', s.distinctValues)) fit *= 0.3;
  }
  if (target === 'source') {
    fit *= level !== undefined ? 1 - 0.7 * level : context.grouped ? 0.7 : 0.5;
    if (hasOwnWords('initiator', s.distinctValues)) fit *= 0.3;
  }
  const shown = s.distinctValues.slice(0, 4).join(', ');
  return {
    fit,
    alone: known >= 0.6 ? 0.78 * fit : 0,
    evidence:
      known >= 0.5
        ? text(
            `its values (${shown}) are known words for ${TARGET_LABEL[target].en}`,
            `его значения (${shown}) — известные слова для поля «${TARGET_LABEL[target].ru}»`,
          )
        : text(`${s.distinct} different values (${shown})`, `${s.distinct} разных значений (${shown})`),
  };
}
