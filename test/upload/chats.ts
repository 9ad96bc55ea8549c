import type { UploadChat } from '../../main/chats/params.ts';
import { planChat, type PlannedChat } from '../../main/upload/plan.ts';
import type { ImportIdentity } from '../../main/upload/records.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `n` distinct valid chats of 2 messages each, on rows 2.. as a file with a header would have. */
export function makeChats(n: number, options: { invalid?: readonly number[]; seed?: number; site?: number; employee?: number } = {}): PlannedChat[] {
  const invalid = new Set(options.invalid ?? []);
  const chats: PlannedChat[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    const minute = Math.floor(i / 28) % 60;
    const hour = Math.floor(i / (28 * 60)) % 24;
    const start = `2024-03-${pad(day)} ${pad(hour)}:${pad(minute)}:00`;
    const chat: UploadChat = {
      start_date_time: start,
      name: `Visitor ${i}`,
      phone: `7999${String(1_000_000 + i + (options.seed ?? 0)).padStart(7, '0')}`,
      status: 'succeed',
      site_id: options.site ?? 1,
      messages: [
        { date_time: start, source: 'visitor', message: invalid.has(i) ? `INVALID text ${i}` : `Hello ${i}` },
        { date_time: start.replace(/:00$/, ':30'), source: 'operator', employee_id: invalid.has(i) && options.employee !== undefined ? 999_999 : (options.employee ?? 10), message: `Hi ${i}` },
      ],
    };
    chats.push(planChat(chat, [2 + 2 * i, 3 + 2 * i]));
  }
  return chats;
}

export const IDENTITY: ImportIdentity = {
  fileHash: 'f'.repeat(64),
  mappingHash: 'm'.repeat(64),
  file: 'chats.xlsx',
  endpoint: 'http://127.0.0.1:1/v2.0',
};
