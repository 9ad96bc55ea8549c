import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, logsFolder, openLog, type LogOptions } from '../../main/logs/index.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'chat-importer-logs-'));
  folders.push(folder);
  return folder;
}

const AT = new Date(Date.UTC(2026, 10, 25, 9, 30));

function logIn(options: Partial<LogOptions> = {}) {
  const folder = newFolder();
  const log = openLog({ folder, now: () => AT, ...options });
  const lines = (name = LOG_FILE_NAME) =>
    readFileSync(join(folder, name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const bytes = () => readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
  return { folder, log, lines, bytes };
}

describe('the log file', () => {
  it('writes one JSON line per event with time, level and event', () => {
    const { log, lines } = logIn();
    log.info('upload.started', { batches: 3, dryRun: false });
    log.error('upload.stopped', { code: 'api.forbidden' });
    expect(lines()).toEqual([
      { time: '2026-11-25T09:30:00.000Z', level: 'info', event: 'upload.started', batches: 3, dryRun: false },
      { time: '2026-11-25T09:30:00.000Z', level: 'error', event: 'upload.stopped', code: 'api.forbidden' },
    ]);
  });

  it('drops lines below its level, and cannot be made to overwrite time, level or event', () => {
    const { log, lines } = logIn({ level: 'warn' });
    log.info('quiet');
    log.warn('loud', { level: 'debug', time: 'then', event: 'other' });
    expect(lines()).toEqual([{ time: '2026-11-25T09:30:00.000Z', level: 'warn', event: 'loud' }]);
  });

  it('takes the API client\'s entries, with failures as warnings', () => {
    const { log, lines } = logIn({ level: 'debug' });
    log.client({ event: 'request', method: 'upload.chats', id: 'ci-ab12-1', bytes: 5120 });
    log.client({ event: 'failure', method: 'upload.chats', id: 'ci-ab12-1', ms: 30_000, code: 'transport.timeout', outcome: 'unknown' });
    expect(lines().map((l) => [l.level, l.event, l.method, l.code])).toEqual([
      ['debug', 'api.request', 'upload.chats', undefined],
      ['warn', 'api.failure', 'upload.chats', 'transport.timeout'],
    ]);
  });

  it('is readable by its owner only and sits in the logs folder of the user-data folder', () => {
    const { log, folder } = logIn();
    log.info('started');
    expect(statSync(join(folder, LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(logsFolder('/home/anna/.config/Chat Importer')).toBe('/home/anna/.config/Chat Importer/logs');
  });

  it('never throws, even when it cannot write', () => {
    const folder = newFolder();
    const blocked = join(folder, 'a-file');
    writeFileSync(blocked, '');
    const log = openLog({ folder: join(blocked, 'logs') });
    expect(() => log.info('started')).not.toThrow();
  });
});

describe('rotation', () => {
  it('starts a new file before one would pass the size limit, keeping the newest N old ones', () => {
    const { log, folder, lines } = logIn({ maxBytes: 400, keep: 2 });
    for (let n = 1; n <= 30; n++) log.info('batch.sent', { n });
    expect(readdirSync(folder).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(400);
    const kept = [...lines(`${LOG_FILE_NAME}.2`), ...lines(`${LOG_FILE_NAME}.1`), ...lines()].map((l) => l.n);
    expect(kept.at(-1)).toBe(30);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 30 - kept.length + 1 + i));
  });

  it('continues the existing file after a restart instead of starting over', () => {
    const { log, lines, folder } = logIn();
    log.info('first.run');
    log.close();
    openLog({ folder, now: () => AT }).info('second.run');
    expect(lines().map((l) => l.event)).toEqual(['first.run', 'second.run']);
  });
});

describe('redaction', () => {
  const KEY = 'demo-customer-access-key';

  it('hides a secret it was told about wherever it appears, also JSON-escaped', () => {
    const { log, bytes } = logIn();
    log.hideSecret(KEY);
    log.hideSecret('pa"ss\\word');
    log.error('api.refused', { code: 'api.invalid_parameter_value', detail: `value ${KEY} refused`, extra: 'pa"ss\\word' });
    expect(bytes()).not.toContain(KEY);
    expect(bytes()).not.toContain('pa\\"ss\\\\word');
    expect(bytes()).toContain('[hidden]');
  });

  it('hides the values of fields named like secrets', () => {
    const { log, lines } = logIn();
    log.info('account.added', { access_token: 'x', password: 'y', accessKey: 'z', login: 'manager', session: 's' });
    expect(lines()[0]).toMatchObject({ access_token: '[hidden]', password: '[hidden]', accessKey: '[hidden]', login: '[hidden]', session: '[hidden]' });
  });

  it('hides token-like strings it was not told about', () => {
    const { log, bytes } = logIn();
    log.warn('odd.reply', { detail: 'token 3f9a2b7c4d1e8f6a5b0c9d2e remained; Bearer abc.def' });
    expect(bytes()).not.toContain('3f9a2b7c4d1e8f6a5b0c9d2e');
    expect(bytes()).not.toContain('abc.def');
  });

  it('never writes chat contents, names, phones or e-mails', () => {
    const { log, bytes, lines } = logIn();
    log.warn('row.rejected', {
      row: 12,
      visitorName: 'Анна Петрова',
      message: 'Здравствуйте, хочу вернуть заказ',
      detail: 'phone +7 (912) 345-67-89 and 79123456789, mail anna.petrova@example.com',
    });
    for (const personal of ['Анна', 'Здравствуйте', '345-67-89', '79123456789', 'anna.petrova']) expect(bytes()).not.toContain(personal);
    expect(lines()[0]).toMatchObject({ row: 12, visitorName: '[personal]', message: '[personal]' });
  });

  it('keeps what identifies a problem: codes, row numbers, dates, ids', () => {
    const { log, lines } = logIn();
    const fields = { code: 'api.limit_exceeded', row: 1_000_000, at: '2024-03-01 09:00:00', account: '0b6f6a52-6f5e-4f55-9d0c-2a3c1c9e7a11', chat: '100001' };
    log.info('upload.waiting', fields);
    expect(lines()[0]).toMatchObject(fields);
  });
});
