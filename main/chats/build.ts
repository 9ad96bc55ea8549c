import type { ChatDraft, Columns } from './assess.ts';
import type { UploadChat, UploadMessage } from './params.ts';
import { formatWall } from './normalise/datetime.ts';
import type { Initiator, MessageSource, Status } from '../mapping/fields.ts';

/** The exact `upload.chats` chat for a draft: documented fields only, no nulls, ids as numbers. */
export function chatParams(draft: ChatDraft, columns: Columns): UploadChat {
  const chat: UploadChat = {
    start_date_time: formatWall(draft.start),
    status: draft.status as Status,
    messages: draft.messageRows.map((row, i) => messageParams(row, draft.messageTimes[i]!, columns)),
  };
  if (draft.name !== undefined) chat.name = draft.name;
  if (draft.phone !== undefined) chat.phone = draft.phone;
  if (draft.email !== undefined) chat.email = draft.email;
  if (draft.initiator !== undefined) chat.initiator = draft.initiator as Initiator;
  if (draft.visitor_session_id !== undefined) chat.visitor_session_id = draft.visitor_session_id;
  if (draft.campaign_id !== undefined) chat.campaign_id = draft.campaign_id;
  if (draft.site_id !== undefined) chat.site_id = draft.site_id;
  return chat;
}

function messageParams(row: number, time: number, columns: Columns): UploadMessage {
  const source = columns.source.value(row) as MessageSource;
  const message: UploadMessage = {
    date_time: formatWall(time),
    source,
    message: columns.message.value(row) as string,
  };
  // employee_id is documented for operator messages only; other sources never carry it.
  const employee = columns.employee_id.value(row);
  if (source === 'operator' && typeof employee === 'number') message.employee_id = employee;
  return message;
}
