import { appendFileSync, chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_FILE, nodeFiles } from '../../main/upload/journal.ts';
import { UploadRun } from '../../main/upload/runner.ts';
import { UploadState } from '../../main/upload/state.ts';
import { IDENTITY, makeChats } from './chats.ts';
import { fakeClock, FakeCallGear } from './fake-callgear.ts';

const now = () => 1_700_000_000_000;
const fresh = () => mkdtempSync(join(tmpdir(), 'journal-'));

function openOk(dir: string, identity = IDENTITY) {
  const journal = Journal.open(dir, identity, now);
  if (!journal.ok) throw new Error(journal.error.message.en);
  return journal.value;
}

describe('the upload journal', () => {
  it('is refused for another file, another mapping or another account, with words that say which', () => {
    const dir = fresh();
    openOk(dir).close();
    expect(Journal.open(dir, { ...IDENTITY, fileHash: 'other' }, now)).toMatchObject({ ok: false, error: { code: 'journal.other_file' } });
    expect(Journal.open(dir, { ...IDENTITY, mappingHash: 'other' }, now)).toMatchObject({ ok: false, error: { code: 'journal.other_mapping' } });
    expect(Journal.open(dir, { ...IDENTITY, endpoint: 'https://dataapi.uiscom.ru/v2.0' }, now)).toMatchObject({ ok: false, error: { code: 'journal.other_account' } });
  });

  it('drops a torn last line (a crash mid-write) and keeps everything before it', () => {
    const dir = fresh();
    const journal = openOk(dir);
    journal.append({ t: 'sent', at: 1, b: 1, chats: [{ k: 'a', r: [2] }] });
    journal.close();
    appendFileSync(join(dir, JOURNAL_FILE), '{"t":"accepted","at":2,"b":1,"ids":[4');
    const reopened = openOk(dir);
    expect(reopened.records.map((r) => r.t)).toEqual(['open', 'sent']);
    // The request went out with no reply on record, so its chat's outcome is unknown.
    expect(UploadState.replay(reopened.records).chats.get('a')?.status).toBe('unknown');
    reopened.append({ t: 'reconciled', at: 3, found: [['a', 9]], missing: [] });
    reopened.close();
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('refuses a journal damaged in the middle rather than guessing', () => {
    const dir = fresh();
    openOk(dir).close();
    appendFileSync(join(dir, JOURNAL_FILE), 'garbage\n{"t":"run","at":1,"event":"started"}\n');
    expect(Journal.open(dir, IDENTITY, now)).toMatchObject({ ok: false, error: { code: 'journal.corrupt' } });
  });

  it('refuses a folder it cannot write, so nothing is sent without a journal', () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    const opened = Journal.open(join(dir, 'sub'), IDENTITY, now);
    chmodSync(dir, 0o700);
    // Root ignores permissions; the full-disk case below covers the same path for everyone.
    if (process.getuid?.() !== 0) expect(opened).toMatchObject({ ok: false, error: { code: 'journal.unwritable' } });
  });

  it('a full disk stops the run before the first request is sent', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'placeholder'), '');
    let writes = 0;
    const fullAfterOpen = {
      ...nodeFiles,
      write: (fd: number, data: Buffer) => {
        writes += 1;
        if (writes > 2) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        nodeFiles.write(fd, data);
      },
    };
    const journal = Journal.open(dir, IDENTITY, now, fullAfterOpen);
    if (!journal.ok) throw new Error('open failed');
    const clock = fakeClock();
    const api = new FakeCallGear(clock);
    const events: string[] = [];
    const end = await new UploadRun({ api, journal: journal.value, chats: makeChats(10), clock, onEvent: (e) => events.push(e.type), reconcileDelayMs: 0 }).run();
    expect(end).toBe('stopped');
    expect(api.uploads).toBe(0);
    expect(events).toEqual(['started', 'stopped']);
  });
});
