import { createHash } from 'node:crypto';
import type { UploadChat } from '../chats/params.ts';

/** What reconciliation needs to recognise a chat in `get.chats_report`. */
export interface ChatProbe {
  start: string;
  phone?: string | undefined;
  email?: string | undefined;
  messages: number;
}

/** One valid chat of an import, ready to send: its identity, its rows and its bytes. */
export interface PlannedChat {
  /** SHA-256 of `json`: the same chat of the same file and mapping has the same key in every run. */
  key: string;
  /** Spreadsheet rows the chat came from. */
  rows: number[];
  /** The chat's upload params as UTF-8 JSON. */
  json: Buffer;
  probe: ChatProbe;
}

export function planChat(chat: UploadChat, rows: number[]): PlannedChat {
  const json = Buffer.from(JSON.stringify(chat), 'utf8');
  return { key: createHash('sha256').update(json).digest('hex').slice(0, 32), rows, json, probe: probeOf(chat) };
}

export function probeOf(chat: UploadChat): ChatProbe {
  return { start: chat.start_date_time, phone: chat.phone, email: chat.email, messages: chat.messages.length };
}

export interface PackLimits {
  maxChats: number;
  maxBytes: number;
}

/** Room in every request for the envelope, the token and `user_id`. */
const ENVELOPE_BYTES = 2048;

/**
 * Whose chat and when: the visitor's contact and the start, which a corrected file keeps. Hashed,
 * since the journal keeps it and a journal carries no phones or e-mails of its own.
 */
export function sameChat(chat: Pick<PlannedChat, 'probe'>): string {
  const { start, phone, email } = chat.probe;
  return createHash('sha256').update(`${start}\u0000${phone ?? ''}\u0000${email ?? ''}`).digest('hex').slice(0, 32);
}

/** Packs chats into requests of at most `maxChats` chats and `maxBytes` bytes, keeping their order. */
export function packBatches(chats: readonly PlannedChat[], limits: PackLimits): PlannedChat[][] {
  const budget = limits.maxBytes - ENVELOPE_BYTES;
  const batches: PlannedChat[][] = [];
  let current: PlannedChat[] = [];
  let bytes = 2;
  for (const chat of chats) {
    if (current.length > 0 && (current.length >= limits.maxChats || bytes + 1 + chat.json.length > budget)) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    current.push(chat);
    bytes += chat.json.length + 1;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The `chats` array of one request, from the chats' own bytes. */
export function chatsJson(chats: readonly PlannedChat[]): Buffer {
  const parts: Buffer[] = [OPEN];
  chats.forEach((chat, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(chat.json);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
