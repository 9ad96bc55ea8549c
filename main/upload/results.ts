import type { Text } from '../common/text.ts';
import type { PlannedChat } from './plan.ts';
import type { UploadState } from './state.ts';

export type ResultState = 'accepted' | 'rejected' | 'unknown' | 'pending' | 'skipped';

/** What the report needs of a planned chat: its identity and its rows, not its content. */
export type ChatRows = Pick<PlannedChat, 'key' | 'rows'>;

/** One chat's outcome, as the report shows it. */
export interface ChatResult {
  rows: number[];
  state: ResultState;
  id?: number;
  code?: string;
  message?: Text;
}

const SKIPPED_EDITED: Text = {
  en: 'Changed after it was uploaded; not sent again, to avoid a duplicate in CallGear.',
  ru: 'Изменён после загрузки; повторно не отправлен, чтобы не создать дубликат в CallGear.',
};

const SKIPPED_EARLIER: Text = {
  en: 'Uploaded earlier, from another version of this file; not sent again, to avoid a duplicate in CallGear.',
  ru: 'Загружен ранее, из другой версии этого файла; повторно не отправлен, чтобы не создать дубликат в CallGear.',
};

/**
 * Chats whose rows were uploaded before with other content: edited after their upload. Sending
 * them again would duplicate them in CallGear, so they are skipped and reported.
 */
export function changedAfterUpload(chats: readonly ChatRows[], state: UploadState): Set<string> {
  const uploadedRows = new Map<string, string>();
  for (const chat of state.chats.values()) if (chat.status === 'accepted') uploadedRows.set(chat.rows.join(','), chat.key);
  const changed = new Set<string>();
  for (const chat of chats) {
    const earlier = uploadedRows.get(chat.rows.join(','));
    if (earlier !== undefined && earlier !== chat.key && !state.chats.has(chat.key)) changed.add(chat.key);
  }
  return changed;
}

/** The per-chat report of an import: what the journal knows about every chat of the plan. */
export function chatResults(chats: readonly ChatRows[], state: UploadState): ChatResult[] {
  const skipped = changedAfterUpload(chats, state);
  return chats.map((chat) => {
    if (skipped.has(chat.key)) return { rows: chat.rows, state: 'skipped', code: 'upload.changed_after_upload', message: SKIPPED_EDITED };
    const earlier = state.earlier.get(chat.key);
    if (earlier !== undefined) return { rows: chat.rows, state: 'skipped', id: earlier.id, code: 'upload.uploaded_earlier', message: SKIPPED_EARLIER };
    const known = state.chats.get(chat.key);
    const status = known?.status ?? 'pending';
    const result: ChatResult = { rows: chat.rows, state: status === 'in-flight' ? 'unknown' : status };
    if (known?.id !== undefined) result.id = known.id;
    if (known?.error !== undefined && status !== 'accepted') {
      result.code = known.error.code;
      result.message = known.error.message;
    }
    return result;
  });
}

/** Per spreadsheet row, the result of the chat the row belongs to. */
export function resultsByRow(results: readonly ChatResult[]): Map<number, ChatResult> {
  const byRow = new Map<number, ChatResult>();
  for (const result of results) for (const row of result.rows) byRow.set(row, result);
  return byRow;
}
