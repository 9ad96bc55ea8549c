import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UploadChat } from '../../main/chats/params.ts';
import { markUploadedEarlier } from '../../main/upload/earlier.ts';
import { Journal } from '../../main/upload/journal.ts';
import { planChat, type PlannedChat } from '../../main/upload/plan.ts';
import type { ImportIdentity } from '../../main/upload/records.ts';
import { chatResults } from '../../main/upload/results.ts';
import { UploadRun } from '../../main/upload/runner.ts';
import { UploadState } from '../../main/upload/state.ts';
import { IDENTITY, makeChats } from './chats.ts';
import { fakeClock, FakeCallGear } from './fake-callgear.ts';

/*
 * A file fixed in Excel after an upload, or only saved again, has other bytes: it is another
 * import with a journal of its own. What the first version uploaded must not go to CallGear again.
 */

const clock = fakeClock();
const SECOND_VERSION: ImportIdentity = { ...IDENTITY, fileHash: 'e'.repeat(64) };

function journalFor(identity: ImportIdentity, dir = mkdtempSync(join(tmpdir(), 'earlier-'))): Journal {
  const journal = Journal.open(dir, identity, clock.now);
  if (!journal.ok) throw new Error(journal.error.message.en);
  return journal.value;
}

async function upload(api: FakeCallGear, journal: Journal, chats: readonly PlannedChat[]): Promise<void> {
  const run = new UploadRun({ api, journal, chats, clock, onEvent: () => undefined, reconcileDelayMs: 0, random: () => 0.5 });
  expect(await run.run()).toBe('finished');
}

/** The chat with its params changed, on the same rows. */
function changed(chat: PlannedChat, change: (params: UploadChat) => void): PlannedChat {
  const params = JSON.parse(chat.json.toString('utf8')) as UploadChat;
  change(params);
  return planChat(params, chat.rows);
}

describe('a second version of a file', () => {
  it('sends only the chats the first did not upload, and reports the others as uploaded earlier with their ids', async () => {
    const api = new FakeCallGear(clock);
    const first = journalFor(IDENTITY);
    await upload(api, first, makeChats(30));
    first.close();
    const idsOfFirst = api.stored.map((stored) => stored.id);
    // The journal recognises chats by a hash: it holds no visitor's phone.
    const journalText = readFileSync(join(first.dir, 'journal.jsonl'), 'utf8');
    expect(journalText).toContain('"s":"');
    expect(makeChats(30).some((chat) => journalText.includes(chat.probe.phone ?? '-'))).toBe(false);

    const second = makeChats(35);
    // Fixed in Excel: the same visitor's chat started at the same second is the same chat.
    second[3] = changed(second[3]!, (params) => (params.name = 'Name fixed in Excel'));
    // Its start corrected: nothing says it is the chat uploaded before, so it is sent.
    second[4] = changed(second[4]!, (params) => (params.start_date_time = params.start_date_time.replace(':00:00', ':05:00')));
    const journal = journalFor(SECOND_VERSION);
    const marked = markUploadedEarlier(journal, second, SECOND_VERSION, [first.dir]);
    expect(marked).toEqual({ ok: true, value: 29 });
    await upload(api, journal, second);

    expect(api.stored).toHaveLength(30 + 6);
    const results = chatResults(second, UploadState.replay(journal.records));
    journal.close();
    const earlier = results.filter((result) => result.code === 'upload.uploaded_earlier');
    expect(earlier).toHaveLength(29);
    expect(earlier.every((result) => result.state === 'skipped' && result.message?.en.startsWith('Uploaded earlier, from another version of this file'))).toBe(true);
    expect(results[3]).toMatchObject({ state: 'skipped', id: idsOfFirst[3] });
    expect(results.slice(30).every((result) => result.state === 'accepted')).toBe(true);
    expect(results[4]?.state).toBe('accepted');
  });

  it('leaves out nothing that was uploaded to another account', async () => {
    const api = new FakeCallGear(clock);
    const first = journalFor(IDENTITY);
    await upload(api, first, makeChats(10));
    first.close();
    const elsewhere = { ...SECOND_VERSION, endpoint: 'https://other.example/v2.0' };
    const journal = journalFor(elsewhere);
    expect(markUploadedEarlier(journal, makeChats(10), elsewhere, [first.dir])).toEqual({ ok: true, value: 0 });
    journal.close();
  });

  it('is looked up once, before anything is sent: a resumed import keeps what it recorded', async () => {
    const api = new FakeCallGear(clock);
    const first = journalFor(IDENTITY);
    await upload(api, first, makeChats(10));
    first.close();
    const journal = journalFor(SECOND_VERSION);
    expect(markUploadedEarlier(journal, makeChats(12), SECOND_VERSION, [first.dir])).toEqual({ ok: true, value: 10 });
    expect(markUploadedEarlier(journal, makeChats(12), SECOND_VERSION, [first.dir])).toEqual({ ok: true, value: 0 });
    await upload(api, journal, makeChats(12));
    journal.close();
    const reopened = journalFor(SECOND_VERSION, journal.dir);
    expect(markUploadedEarlier(reopened, makeChats(12), SECOND_VERSION, [first.dir])).toEqual({ ok: true, value: 0 });
    reopened.close();
    expect(api.stored).toHaveLength(12);
  });
});
