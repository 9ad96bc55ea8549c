import { spawnSync } from 'node:child_process';
import { constants } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { resolveLimits } from '../limits.ts';
import { corrupt, outOfMemory, readTimedOut } from '../problems.ts';
import type { ReadOutcome, WorkbookReader } from '../types.ts';
import { sheetjsReader } from '../workbook-reader.ts';
import { STARTED } from './isolation-protocol.ts';

/*
 * SheetJS trusts the file. Fuzzing the corpus found damaged .xls files on which it never returns,
 * one while eating 8 GB, and one on which it grows an array until V8 aborts the whole process: in
 * the engine's worker thread that is the app gone. So it reads in a child process of its own,
 * with a heap cap and a time limit; what kills the child is a problem naming the file.
 */

export interface Isolation {
  /** Time allowed for a file of `bytes` bytes. */
  timeoutMs(bytes: number): number;
  heapMb: number;
  /** The child program; the bundled one unless a test says otherwise. */
  script?: string;
}

/**
 * SheetJS reads a 55 MB, 1M-row xlsx in about a minute on the build machine: 10 s and 3 s a MB
 * leaves a real file room on a slower one, and stops a small damaged one within seconds.
 */
export const DEFAULT_ISOLATION: Isolation = {
  timeoutMs: (bytes) => 10_000 + 3_000 * (bytes / 2 ** 20),
  // SheetJS needs ~3 GB for a 1M-row xlsx; the engine's own worker is capped at 6 GB.
  heapMb: 4096,
};

const OUT_OF_MEMORY = /heap out of memory|invalid (typed )?array length|invalid size error|invalid string length/i;

/**
 * The built app runs the bundled sheetjs-child.js (from inside app.asar, which Electron run as
 * Node reads as it does itself); tests and the CLI run the TypeScript through tsx.
 */
function childScript(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSource ? './child-from-source.mjs' : './sheetjs-child.js', import.meta.url));
}

/** The child's answer, or undefined if what it wrote is not one. */
function outcomeIn(written: Buffer): ReadOutcome | undefined {
  let value: unknown;
  try {
    value = deserialize(written);
  } catch {
    return undefined;
  }
  const isOutcome = typeof value === 'object' && value !== null && (typeof (value as { ok?: unknown }).ok === 'boolean' || 'fallback' in value);
  return isOutcome ? (value as ReadOutcome) : undefined;
}

/** `sheetjsReader` in a child process: the same outcome, or a problem where SheetJS would hang or crash. */
export function isolatedSheetjsReader(isolation: Isolation = DEFAULT_ISOLATION): WorkbookReader {
  return {
    formats: sheetjsReader.formats,
    read(bytes, file, format, options): ReadOutcome {
      const timeout = Math.round(isolation.timeoutMs(bytes.length));
      const request = serialize({ bytes, file, format, maxCells: resolveLimits(options.limits).maxCells });
      const child = spawnSync(process.execPath, [`--max-old-space-size=${isolation.heapMb}`, isolation.script ?? childScript()], {
        input: request,
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: constants.MAX_LENGTH,
        // In Electron, execPath is the app itself: this makes it a plain Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        windowsHide: true,
      });
      const started = child.stdout?.[0] === STARTED;
      const failure = (child.error as NodeJS.ErrnoException | undefined)?.code;
      if (failure === 'ETIMEDOUT') return { ok: false, error: readTimedOut(file, Math.round(timeout / 1000)) };
      // No child could run SheetJS at all: reading here is still better than not reading.
      if (!started) return sheetjsReader.read(bytes, file, format, options);
      // ENOBUFS: the sheets came to more than one buffer can hold.
      if (failure === 'ENOBUFS') return { ok: false, error: outOfMemory(file) };
      if (child.status !== 0) {
        const said = child.stderr.subarray(-4096).toString('utf8');
        return { ok: false, error: OUT_OF_MEMORY.test(said) ? outOfMemory(file) : corrupt(file, format) };
      }
      return outcomeIn(child.stdout.subarray(1)) ?? { ok: false, error: corrupt(file, format) };
    },
  };
}
