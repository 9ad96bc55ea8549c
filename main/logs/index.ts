import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../callgear/rpc.ts';
import { hideKnownSecrets, redactFields, scrubText, type LogFields } from './redact.ts';

export type { LogFields, LogValue } from './redact.ts';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };
export const LOG_FILE_NAME = 'chat-importer.log';
/** Secrets shorter than this would hide ordinary words; the client's own redactor uses the same floor. */
const MIN_SECRET_LENGTH = 4;

export interface LogOptions {
  /** The folder to write in: `logsFolder(userData)` in the app. */
  folder: string;
  /** Rotate once the file would pass this size (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one: `chat-importer.log.1` (newest) … `.N` (default 4). */
  keep?: number;
  /** Lines below this level are dropped (default `info`). */
  level?: LogLevel;
  now?: () => Date;
}

export interface Logger {
  readonly file: string;
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** For `CallGearClient`'s `log` option: its entries are codes and sizes already. */
  client(entry: LogEntry): void;
  /** A secret main holds (a key, a password, a session token): replaced wherever it appears. */
  hideSecret(secret: string): void;
  close(): void;
}

/** The logs folder inside the user-data folder, for the Help menu's "Open logs folder". */
export function logsFolder(userDataFolder: string): string {
  return join(userDataFolder, 'logs');
}

/**
 * A rotating file of JSON lines `{time, level, event, …fields}`. Writes are synchronous so lines
 * keep their order and survive a crash right after; a line is ~200 bytes, so this costs little.
 * Logging never throws: a full disk must not stop an upload.
 */
export function openLog(options: LogOptions): Logger {
  const file = join(options.folder, LOG_FILE_NAME);
  const writer = new RotatingFile(file, options.maxBytes ?? 1024 * 1024, options.keep ?? 4);
  const secrets = new Set<string>();
  const threshold = LEVELS[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (LEVELS[level] < threshold) return;
    const head = { time: now().toISOString(), level, event: scrubText(event) };
    const line = JSON.stringify(Object.assign(redactFields(fields), head));
    writer.append(`${hideKnownSecrets(line, secrets)}\n`);
  };
  return {
    file,
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    client: ({ event, ...fields }) => write(event === 'failure' ? 'warn' : 'debug', `api.${event}`, fields),
    hideSecret: (secret) => {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    close: () => writer.close(),
  };
}

class RotatingFile {
  private fd: number | undefined;
  private size = 0;
  private warned = false;

  constructor(
    private readonly path: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {}

  append(line: string): void {
    const bytes = Buffer.from(line, 'utf8');
    try {
      let fd = (this.fd ??= this.open());
      if (this.size > 0 && this.size + bytes.length > this.maxBytes) {
        this.rotate();
        fd = this.fd = this.open();
      }
      writeSync(fd, bytes);
      this.size += bytes.length;
    } catch (error) {
      this.close();
      if (!this.warned) process.stderr.write(`chat-importer: cannot write the log ${this.path}: ${(error as Error).message}\n`);
      this.warned = true;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): number {
    mkdirSync(join(this.path, '..'), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    this.size = fstatSync(fd).size;
    return fd;
  }

  /** `.log` → `.log.1` → … → `.log.N`; the oldest falls off. */
  private rotate(): void {
    this.close();
    rmSync(`${this.path}.${this.keep}`, { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(`${this.path}.${n}`, `${this.path}.${n + 1}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    if (this.keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
  }
}
