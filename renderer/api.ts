import type { ChatImporterApi } from '../main/contract/api.ts';

declare global {
  interface Window {
    /** Put there by the preload (main/app/preload.ts), or by the end-to-end harness. */
    readonly chatImporter: ChatImporterApi;
  }
}

/** The page's only way to reach main: one typed function per contract call. */
export const api = (): ChatImporterApi => window.chatImporter;
