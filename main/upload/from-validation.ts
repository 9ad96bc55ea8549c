import { chatParams } from '../chats/build.ts';
import type { Validation } from '../chats/engine.ts';
import type { UploadChat } from '../chats/params.ts';

export interface ChatWithRows {
  rows: number[];
  chat: UploadChat;
}

/** Every valid chat of a validation with the spreadsheet rows it came from, in file order. */
export function* chatsWithRows(validation: Validation, firstDataRow: number): Generator<ChatWithRows> {
  const { drafts, columns, grouping } = validation;
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index];
    if (draft === undefined) continue;
    const from = grouping.starts[index] as number;
    const to = grouping.starts[index + 1] as number;
    const rows: number[] = [];
    for (let i = from; i < to; i++) rows.push((grouping.rowsOf[i] as number) + firstDataRow);
    yield { rows, chat: chatParams(draft, columns) };
  }
}
