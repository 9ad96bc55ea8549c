import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli.ts';
import { readProject, writeProject, type Project } from '../../main/project/index.ts';
import { startSandbox, type Sandbox } from '../../main/sandbox/index.ts';
import { generateChats, STAFF, writeWorkbook, type GeneratedChats } from '../fixtures/chats.ts';

/*
 * A project runs exactly like its file with the same flags; its edits and exclusions change the
 * result as they would in the app; `upload PROJECT` records where its journal is. The `accounts`
 * commands need the keyring of scripts/with-keyring.sh: skipped elsewhere, required under CI.
 */
const inKeyring = process.env.CHAT_IMPORTER_TEST_KEYRING === '1';
if (!inKeyring && process.env.CI === 'true') throw new Error('CLI project test must run inside scripts/with-keyring.sh in CI');

const CHATS = 20;
let dir: string;
let file: string;
let generated: GeneratedChats;
let sandbox: Sandbox;

async function cli(args: string[], stdin?: Readable) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l), stdin);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Report {
  counts: { chats: number; validChats: number; blockedChats: number; errors: number; warnings: number; blankRows: number };
  byCode: Record<string, unknown>;
  findings: { code: string; rows: number[] }[];
}

const json = (out: string) => JSON.parse(out) as Report;
const flags = () => ['--set', 'site_id=9', '--tz', 'Europe/Moscow', '--employees', join(dir, 'employees.json')];

function project(path: string): Project {
  const read = readProject(path);
  if (!read.ok) throw new Error(read.error.message.en);
  return read.value;
}

/** A project of `source` made by the `project` command with the usual flags. */
async function made(name: string, source = file): Promise<string> {
  const path = join(dir, `${name}.chatimport`);
  const { code, err } = await cli(['project', source, '--out', path, ...flags()]);
  expect(err).toBe('');
  expect(code).toBe(0);
  return path;
}

const planted = (kind: string) => {
  const at = generated.planted.find((p) => p.kind === kind);
  if (!at) throw new Error(`no ${kind} planted`);
  return at;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-project-'));
  process.env.CHAT_IMPORTER_USER_DATA = join(dir, 'user-data');
  file = join(dir, 'chats.csv');
  generated = generateChats({ chats: CHATS, seed: 7, layout: 'chat-per-row', language: 'en', headers: 'en', plant: ['invalid_phone', 'future_date'] });
  writeFileSync(file, writeWorkbook(generated, 'csv'));
  writeFileSync(join(dir, 'employees.json'), JSON.stringify(STAFF));
  sandbox = await startSandbox({ limits: { perMinute: 1_000_000, perDay: 100_000_000 } });
  process.env.CHAT_IMPORTER_TEST_KEY = sandbox.demoKey;
});
afterAll(async () => {
  await sandbox.close();
  delete process.env.CHAT_IMPORTER_USER_DATA;
  delete process.env.CHAT_IMPORTER_TEST_KEY;
  rmSync(dir, { recursive: true, force: true });
});

describe('chat-importer validate PROJECT', () => {
  it('finds exactly what validate FILE finds with the flags the project was made with', async () => {
    const path = await made('same');
    const fromFile = await cli(['validate', file, ...flags(), '--json']);
    const fromProject = await cli(['validate', path, '--json']);
    expect(fromFile.code).toBe(1);
    expect(fromProject.code).toBe(fromFile.code);
    const [a, b] = [json(fromFile.out), json(fromProject.out)];
    expect(b.counts).toEqual(a.counts);
    expect(b.byCode).toEqual(a.byCode);
    expect(b.findings).toEqual(a.findings);
    expect(a.counts.blockedChats).toBe(2);
  });

  it('applies the project edits and exclusions: the fixed phone and the excluded chat no longer block', async () => {
    const path = await made('reviewed');
    const phone = planted('invalid_phone');
    const future = planted('future_date');
    const saved = project(path);
    const edits = [{ row: phone.row, column: generated.headers.indexOf(phone.column), value: '+7 999 123-45-67' }];
    expect(writeProject(path, { ...saved, edits, excluded: [future.row] }).ok).toBe(true);
    const { code, out } = await cli(['validate', path, '--json']);
    const report = json(out);
    expect(report.findings.filter((f) => f.rows.includes(phone.row) || f.rows.includes(future.row))).toEqual([]);
    expect(report.counts).toMatchObject({ chats: CHATS - 1, validChats: CHATS - 1, blockedChats: 0, errors: 0 });
    expect(code).toBe(0);
  });

  it('stops with the missing path when the spreadsheet moved', async () => {
    const copy = join(dir, 'to-move.csv');
    copyFileSync(file, copy);
    const path = await made('moved', copy);
    renameSync(copy, join(dir, 'elsewhere.csv'));
    const { code, err } = await cli(['validate', path]);
    expect(code).toBe(2);
    expect(err).toContain('project.source_missing');
    expect(err).toContain(copy);
  });

  it('warns when the spreadsheet changed, then validates what it holds now', async () => {
    const copy = join(dir, 'to-change.csv');
    copyFileSync(file, copy);
    const path = await made('changed', copy);
    appendFileSync(copy, '\r\n');
    const { code, out, err } = await cli(['validate', path, '--json']);
    expect(err).toContain('project.source_changed');
    expect(err).toContain(copy);
    expect(code).toBe(1);
    expect(json(out).counts.chats).toBe(CHATS);
  });

  it('refuses flags the project already sets', async () => {
    const path = await made('flags');
    const { code, err } = await cli(['validate', path, '--tz', 'UTC']);
    expect(code).toBe(2);
    expect(err).toContain('--tz does not go with a project');
    expect((await cli(['project', file, '--out', join(dir, 'no-extension.json')])).code).toBe(2);
  });
});

describe('chat-importer upload PROJECT', () => {
  it('uploads the reviewed chats, records the journal in the project, and keeps the key out of it', async () => {
    const path = await made('upload');
    const future = planted('future_date');
    const phone = planted('invalid_phone');
    writeProject(path, { ...project(path), excluded: [future.row, phone.row] });
    const { code, out } = await cli(['upload', path, '--endpoint', sandbox.url, '--token-env', 'CHAT_IMPORTER_TEST_KEY', '--json']);
    expect(JSON.parse(out.split('\n').at(-1) ?? '{}')).toMatchObject({ type: 'finished', summary: { accepted: CHATS - 2, rejected: 0 } });
    expect(code).toBe(0);
    expect(sandbox.store.count()).toBe(CHATS - 2);
    expect(project(path).journal).toBe(`${file}.journal`);
    expect(readFileSync(path, 'utf8')).not.toContain(sandbox.demoKey);
  });

  it('never mixes a changed spreadsheet into the journal of the old one', async () => {
    const copy = join(dir, 'growing.csv');
    copyFileSync(file, copy);
    const path = await made('growing', copy);
    writeProject(path, { ...project(path), excluded: [planted('future_date').row, planted('invalid_phone').row] });
    const account = ['--endpoint', sandbox.url, '--token-env', 'CHAT_IMPORTER_TEST_KEY'];
    expect((await cli(['upload', path, ...account])).code).toBe(0);
    const before = sandbox.store.count();
    appendFileSync(copy, '\r\n');
    const { code, err } = await cli(['upload', path, ...account]);
    expect(err).toContain('project.source_changed');
    expect(err).toContain('journal.other_file');
    expect(code).toBe(2);
    expect(sandbox.store.count()).toBe(before);
  });
});

describe('chat-importer accounts, before any keychain is touched', () => {
  it('takes no key as an argument, and asks for a custom address before the key', async () => {
    const keyAsArgument = await cli(['accounts', 'add', 'Shop', 'sk-4f1c0de5ecret', '--brand', 'callgear']);
    expect(keyAsArgument.code).toBe(2);
    expect(keyAsArgument.err).not.toContain('sk-4f1c0de5ecret');
    const noAddress = await cli(['accounts', 'add', 'Shop', '--brand', 'custom'], Readable.from([]));
    expect(noAddress.code).toBe(2);
    expect(noAddress.err).toContain('--endpoint URL goes with --brand custom');
  });
});

describe.skipIf(!inKeyring)('chat-importer accounts (needs the keyring of scripts/with-keyring.sh)', () => {
  const withKey = () => ['--brand', 'custom', '--endpoint', sandbox.url];

  it('adds an account with the key from an environment variable, lists it without the key, and tests it', async () => {
    const added = await cli(['accounts', 'add', 'Магазин', ...withKey(), '--secret-env', 'CHAT_IMPORTER_TEST_KEY']);
    expect(added.code).toBe(0);
    const listed = await cli(['accounts', 'list']);
    expect(listed.out).toContain(`Магазин · custom · ${sandbox.url}`);
    expect(listed.out).toContain('secret present');
    const listedJson = await cli(['accounts', 'list', '--json']);
    expect(JSON.parse(listedJson.out).accounts).toMatchObject([{ name: 'Магазин', auth: 'key', secret: 'present' }]);
    for (const output of [added.out, listed.out, listedJson.out]) expect(output).not.toContain(sandbox.demoKey);
    const tested = await cli(['accounts', 'test', 'магазин']);
    expect(tested.out).toContain('Connected');
    expect(tested.code).toBe(0);
  });

  it('reads a key from stdin, and a key CallGear refuses fails its test with exit code 2', async () => {
    const added = await cli(['accounts', 'add', 'Wrong key', ...withKey()], Readable.from(['not-a-real-key\n']));
    expect(added.code).toBe(0);
    const tested = await cli(['accounts', 'test', 'Wrong key', '--json']);
    expect(JSON.parse(tested.out)).toMatchObject({ outcome: 'wrong-key' });
    expect(tested.code).toBe(2);
    expect((await cli(['accounts', 'list'])).out).toContain('Wrong key · custom');
  });

  it('uploads a project with the account the project names', async () => {
    // A spreadsheet of its own: chats an earlier journal beside the shared one uploaded are not sent again.
    const source = join(dir, 'with-account.csv');
    copyFileSync(file, source);
    const path = await made('with-account', source);
    writeProject(path, { ...project(path), account: 'Магазин', excluded: [planted('future_date').row, planted('invalid_phone').row], journal: join(dir, 'account-journal') });
    const before = sandbox.store.count();
    const { code } = await cli(['upload', path]);
    expect(code).toBe(0);
    expect(sandbox.store.count()).toBe(before + CHATS - 2);
    expect(readFileSync(join(dir, 'account-journal', 'journal.jsonl'), 'utf8')).not.toContain(sandbox.demoKey);
  });

  it('removes accounts by name, and names the ones there are when a name is unknown', async () => {
    expect((await cli(['accounts', 'remove', 'wrong KEY'])).code).toBe(0);
    expect((await cli(['accounts', 'remove', 'Магазин'])).code).toBe(0);
    const unknown = await cli(['accounts', 'test', 'Nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no account "Nobody"');
    expect((await cli(['accounts', 'list'])).out).toBe('No accounts.');
  });
});
