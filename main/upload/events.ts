import type { Text } from '../common/text.ts';
import type { RecordedError } from './records.ts';

/** Counts every event carries, so a progress view can redraw from any single event. */
export interface Progress {
  total: number;
  accepted: number;
  rejected: number;
  unknown: number;
  pending: number;
  /** Chats skipped: declared uploaded by the person, or changed after they were uploaded. */
  skipped: number;
  requests: number;
  /** Chats accepted per second in this run. */
  rate: number;
  /** Seconds left at the current rate; undefined until there is a rate. */
  etaSeconds: number | undefined;
}

export type WaitReason = 'minute-limit' | 'day-limit' | 'retry' | 'reconcile';

/** Chats whose outcome is in doubt and that only the person can settle. */
export interface DoubtfulChat {
  key: string;
  rows: number[];
}

export type UploadEvent =
  | { type: 'started'; progress: Progress; resumed: boolean }
  | { type: 'batch-sent'; progress: Progress; batch: number; chats: number }
  | { type: 'batch-accepted'; progress: Progress; batch: number; chats: number }
  | { type: 'chat-rejected'; progress: Progress; batch: number; rows: number[]; error: RecordedError }
  | { type: 'waiting'; progress: Progress; reason: WaitReason; until: number; message: Text }
  | { type: 'outcome-unknown'; progress: Progress; batch: number; chats: number; error: RecordedError }
  | { type: 'reconciled'; progress: Progress; found: number; missing: number }
  | { type: 'paused'; progress: Progress }
  | { type: 'resumed'; progress: Progress }
  | { type: 'needs-decision'; progress: Progress; chats: DoubtfulChat[]; error: RecordedError }
  | { type: 'stopped'; progress: Progress; error: RecordedError }
  | { type: 'finished'; progress: Progress; summary: Summary }
  | { type: 'cancelled'; progress: Progress; summary: Summary };

export interface Summary {
  accepted: number;
  rejected: number;
  skipped: number;
  unknown: number;
  pending: number;
  /** Wall time of this run. */
  tookMs: number;
  requests: number;
  /** API points this run used, from the limits' day counter when the replies carried it. */
  points: number | undefined;
}
