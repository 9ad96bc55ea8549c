import type { ChatDraft, Columns } from './assess.ts';
import { formatWall } from './normalise/datetime.ts';

/*
 * The `upload.chats` JSON of a chat written straight from its draft: exactly
 * `JSON.stringify(chatParams(draft, columns))` (same members, same order, same escaping; a test
 * compares the two on generated files), without building the objects first. On a 1M-row file
 * building and serialising the objects was the slowest stage of the engine.
 */

/** `,"key":value` as JSON.stringify writes a member, or nothing for undefined as it does. */
function member(key: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  return `,"${key}":${JSON.stringify(value)}`;
}

function messageJson(row: number, time: number, columns: Columns): string {
  const source = columns.source.value(row);
  let json = `{"date_time":"${formatWall(time)}"${member('source', source)}${member('message', columns.message.value(row))}`;
  // employee_id is documented for operator messages only; other sources never carry it.
  const employee = columns.employee_id.value(row);
  if (source === 'operator' && typeof employee === 'number') json += member('employee_id', employee);
  return `${json}}`;
}

/** The chat's params as JSON text: `chatParams` then `JSON.stringify`, in one step. */
export function chatJson(draft: ChatDraft, columns: Columns): string {
  const { messageRows, messageTimes } = draft;
  let json = `{"start_date_time":"${formatWall(draft.start)}"${member('status', draft.status)},"messages":[`;
  for (let i = 0; i < messageRows.length; i++) {
    if (i > 0) json += ',';
    json += messageJson(messageRows[i] as number, messageTimes[i] as number, columns);
  }
  json += ']';
  json += member('name', draft.name) + member('phone', draft.phone) + member('email', draft.email) + member('initiator', draft.initiator);
  json += member('visitor_session_id', draft.visitor_session_id) + member('campaign_id', draft.campaign_id) + member('site_id', draft.site_id);
  return `${json}}`;
}
