import type { WebPreferences } from 'electron';

/**
 * The page runs with no Node, in Chromium's sandbox, isolated from the preload; every setting is
 * spelled out so a changed default can never loosen it (STYLE.md lesson 5).
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

/** Only our own files, no inline scripts, no network from the page: main talks to CallGear. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Links may leave the app only for the OS browser, and only over https. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Messages are trusted only from the page we loaded ourselves. */
export function isOwnPage(url: string, ownUrl: string): boolean {
  try {
    const page = new URL(url);
    const own = new URL(ownUrl);
    return page.protocol === own.protocol && page.host === own.host && page.pathname === own.pathname;
  } catch {
    return false;
  }
}
