/** The upload's events are declared once, in the IPC contract, for the runner and the renderer. */
export type { DoubtfulChat, Progress, Summary, UploadEvent, WaitReason } from '../contract/upload-events.ts';
