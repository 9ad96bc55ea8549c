import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, laterVersion, STAFF, writeWorkbook } from '../fixtures/chats.ts';

let dir: string;
let file: string;
let sandbox: Sandbox;
const CHATS = 30;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-upload-'));
  file = join(dir, 'chats.xlsx');
  writeFileSync(file, writeWorkbook(generateChats({ chats: CHATS, seed: 3, layout: 'messages-by-key', language: 'mixed', headers: 'en' }), 'xlsx'));
  writeFileSync(join(dir, 'employees.json'), JSON.stringify(STAFF));
  sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
  process.env.CHAT_IMPORTER_TEST_KEY = sandbox.demoKey;
});
afterAll(async () => {
  await sandbox.close();
  delete process.env.CHAT_IMPORTER_TEST_KEY;
  rmSync(dir, { recursive: true, force: true });
});

// The generated file's site ids are not the sandbox's; a constant site is what a person would set.
const account = () => ['--endpoint', sandbox.url, '--token-env', 'CHAT_IMPORTER_TEST_KEY', '--employees', join(dir, 'employees.json'), '--set', 'site_id=9', '--tz', 'Europe/Moscow'];

describe('chat-importer upload', () => {
  it('--dry-run writes the exact requests, without the key, and sends nothing', async () => {
    const { code, out } = await cli('upload', file, ...account(), '--journal', join(dir, 'journal'), '--dry-run', '--batch-size', '20');
    expect(code).toBe(0);
    expect(out).toContain('2 requests with 30 chats');
    const requests = readdirSync(join(dir, 'journal', 'dry-run')).filter((name) => name.startsWith('request-'));
    expect(requests).toEqual(['request-0001.json', 'request-0002.json']);
    const body = readFileSync(join(dir, 'journal', 'dry-run', requests[0]!), 'utf8');
    expect(JSON.parse(body)).toMatchObject({ jsonrpc: '2.0', method: 'upload.chats', params: { access_token: '<hidden>' } });
    expect(body).not.toContain(sandbox.demoKey);
    expect(sandbox.store.count()).toBe(0);
  });

  it('blocks chats on a site the account does not have before sending any, and says why', async () => {
    const { code, err } = await cli('upload', file, ...account(), '--set', 'site_id=77', '--journal', join(dir, 'journal-77'));
    expect(code).toBe(1);
    expect(err).toContain('30 of 30 chats are blocked by validation and will not be sent (site.unknown ×30)');
    expect(sandbox.store.count()).toBe(0);
    const validated = await cli('validate', file, ...account(), '--set', 'site_id=77', '--json');
    expect(JSON.parse(validated.out).findings[0]).toMatchObject({ code: 'site.unknown', severity: 'error' });
    const offline = await cli('validate', file, '--employees', join(dir, 'employees.json'), '--set', 'site_id=77', '--tz', 'Europe/Moscow', '--json');
    expect(JSON.parse(offline.out).counts).toMatchObject({ chats: CHATS, validChats: CHATS });
  });

  it('uploads every chat, writes the report, and exits 0', async () => {
    const report = join(dir, 'report.csv');
    const { code, out } = await cli('upload', file, ...account(), '--journal', join(dir, 'journal'), '--report', report);
    expect(code).toBe(0);
    expect(out).toMatch(/Done: accepted 30, rejected 0/);
    expect(sandbox.store.count()).toBe(CHATS);
    const bytes = readFileSync(report);
    // A BOM, so Excel reads the UTF-8 as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^Row,Result,CallGear chat id,Error code,Error,/);
    expect(lines.slice(1).every((line) => /^\d+,uploaded,\d+,/.test(line))).toBe(true);
  });

  it('a second upload of the same import resumes and sends nothing again', async () => {
    const { code, out } = await cli('upload', file, ...account(), '--journal', join(dir, 'journal'), '--json');
    expect(code).toBe(0);
    const events = out.split('\n').map((line) => JSON.parse(line) as { type: string; resumed?: boolean; summary?: { requests: number } });
    expect(events[0]).toMatchObject({ type: 'started', resumed: true });
    expect(events.at(-1)).toMatchObject({ type: 'finished', summary: { requests: 0 } });
    expect(sandbox.store.count()).toBe(CHATS);
  });

  it('refuses to resume a journal made with another mapping', async () => {
    const { code, err } = await cli('upload', file, ...account(), '--set', 'status=lost', '--journal', join(dir, 'journal'));
    expect(code).toBe(2);
    expect(err).toContain('journal.other_mapping');
  });

  it('never takes a key from the command line, and refuses plain http to another host', async () => {
    expect(await cli('upload', file, '--endpoint', sandbox.url, '--token-env', 'NO_SUCH_VARIABLE_X')).toMatchObject({ code: 2, err: expect.stringContaining('NO_SUCH_VARIABLE_X') });
    expect(await cli('upload', file, '--endpoint', 'http://dataapi.example.com/v2.0', '--token-env', 'CHAT_IMPORTER_TEST_KEY')).toMatchObject({ code: 2, err: expect.stringContaining('endpoint.insecure') });
  });
});

describe('chat-importer undo', () => {
  it('says how many chats it would delete, and deletes them only with --yes', async () => {
    const journal = join(dir, 'journal');
    const ask = await cli('undo', journal, '--endpoint', sandbox.url, '--token-env', 'CHAT_IMPORTER_TEST_KEY');
    expect(ask).toMatchObject({ code: 0, out: expect.stringContaining('30 chats would be deleted') });
    expect(sandbox.store.count()).toBe(CHATS);
    const done = await cli('undo', journal, '--endpoint', sandbox.url, '--token-env', 'CHAT_IMPORTER_TEST_KEY', '--yes');
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining('Deleted 30 chats') });
    expect(sandbox.store.count()).toBe(0);
  });
});

describe('chat-importer upload of a changed file', () => {
  it('is refused into the old journal, and into a new one sends only the chats the old one did not upload', async () => {
    const versions = join(dir, 'versions');
    mkdirSync(versions);
    const source = join(versions, 'chats.xlsx');
    const before = sandbox.store.count();
    const first = generateChats({ chats: 8, seed: 4, layout: 'messages-by-key', language: 'en', headers: 'en' });
    writeFileSync(source, writeWorkbook(first, 'xlsx'));
    expect((await cli('upload', source, ...account())).code).toBe(0);
    expect(sandbox.store.count()).toBe(before + 8);

    // Saved again with two chats more, pasted from another export under keys of their own.
    const other = generateChats({ chats: 2, seed: 9, layout: 'messages-by-key', language: 'en', headers: 'en' });
    writeFileSync(source, writeWorkbook(laterVersion(first, other), 'xlsx'));
    const refused = await cli('upload', source, ...account());
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('journal.other_file') });
    const rehearsed = await cli('upload', source, ...account(), '--journal', join(versions, 'second.journal'), '--dry-run');
    expect(rehearsed.out).toContain('Dry run: 1 requests with 2 chats');
    const again = await cli('upload', source, ...account(), '--journal', join(versions, 'second.journal'));
    expect(again.code).toBe(0);
    expect(again.err).toContain(`8 chats were uploaded earlier from another version of this file (journal ${source}.journal); they are not sent again.`);
    expect(again.out).toMatch(/Done: accepted 2, rejected 0, skipped 8/);
    expect(sandbox.store.count()).toBe(before + 10);
  });
});
