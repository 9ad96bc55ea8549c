import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../main/upload/journal.ts';
import { UploadRun } from '../../main/upload/runner.ts';
import { chatResults } from '../../main/upload/results.ts';
import { UploadState } from '../../main/upload/state.ts';
import { chatsToDelete, undoImport, type UndoEvent } from '../../main/upload/undo.ts';
import { IDENTITY, makeChats } from './chats.ts';
import { fakeClock, FakeCallGear } from './fake-callgear.ts';

async function uploaded(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  const clock = fakeClock();
  const api = new FakeCallGear(clock);
  const open = () => {
    const journal = Journal.open(dir, IDENTITY, clock.now);
    if (!journal.ok) throw new Error(journal.error.message.en);
    return journal.value;
  };
  const journal = open();
  await new UploadRun({ api, journal, chats: makeChats(count), clock, onEvent: () => undefined, reconcileDelayMs: 0 }).run();
  journal.close();
  return { api, clock, open };
}

describe('undo deletes the chats an import created', () => {
  it('says how many chats it will delete, then deletes exactly those, one call each', async () => {
    const { api, clock, open } = await uploaded(30);
    const journal = open();
    expect(chatsToDelete(journal.records)).toHaveLength(30);
    const events: UndoEvent[] = [];
    expect(await undoImport({ api, journal, clock, onEvent: (e) => events.push(e) })).toBe('finished');
    expect(api.stored).toHaveLength(0);
    expect(api.deletes).toBe(30);
    expect(events.at(-1)).toEqual({ type: 'undo-finished', counts: { total: 30, deleted: 30, failed: 0 } });
    expect(chatsToDelete(journal.records)).toHaveLength(0);
  });

  it('leaves an undone import ready to upload again: its chats are sent once more, and report as not sent till then', async () => {
    const { api, clock, open } = await uploaded(12);
    let journal = open();
    await undoImport({ api, journal, clock, onEvent: () => undefined });
    expect(chatResults(makeChats(12), UploadState.replay(journal.records)).map((chat) => chat.state)).toEqual(Array(12).fill('pending'));
    journal.close();
    journal = open();
    expect(await new UploadRun({ api, journal, chats: makeChats(12), clock, onEvent: () => undefined, reconcileDelayMs: 0 }).run()).toBe('finished');
    expect(api.stored).toHaveLength(12);
    expect(chatsToDelete(journal.records)).toEqual(api.stored.map((stored) => stored.id));
    journal.close();
  });

  it('resumes after an interruption without deleting twice, and a doubtful deletion that is gone counts as done', async () => {
    const { api, clock, open } = await uploaded(10);
    api.deleteFaults = (call) => (call === 4 ? 'reset-after' : 'ok');
    const controller = new AbortController();
    let journal = open();
    await undoImport({
      api, journal, clock, signal: controller.signal, random: () => 0,
      onEvent: (e) => { if (e.type === 'undo-waiting') controller.abort(); },
    });
    journal.close();
    expect(api.stored).toHaveLength(6);
    journal = open();
    expect(await undoImport({ api, journal, clock, onEvent: () => undefined })).toBe('finished');
    expect(api.stored).toHaveLength(0);
    expect(chatsToDelete(journal.records)).toHaveLength(0);
  });

  it('waits out a minute limit and carries on', async () => {
    const { api, clock, open } = await uploaded(3);
    api.deleteFaults = (call) => (call === 2 ? 'limit-minute' : 'ok');
    const events: UndoEvent[] = [];
    await undoImport({ api, journal: open(), clock, onEvent: (e) => events.push(e) });
    expect(api.stored).toHaveLength(0);
    expect(events.some((e) => e.type === 'undo-waiting' && e.reason === 'minute-limit')).toBe(true);
  });
});
