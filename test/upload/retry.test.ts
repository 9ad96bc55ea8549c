import { afterEach, describe, expect, it } from 'vitest';
import { rowsPage } from '../../main/engine/review.ts';
import { ReportCache } from '../../main/upload/report-cache.ts';
import { makeChats } from './chats.ts';
import { writePlanFile } from './plan-fixture.ts';
import { SANDBOX_EMPLOYEE, SANDBOX_SITE, sandboxed, tally } from './sandboxed.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const CHATS = 300;
const valid = { site: SANDBOX_SITE, employee: SANDBOX_EMPLOYEE };

describe('"Upload again what failed": the same journal, only the fixed chats go', () => {
  it('sends the fixed chats alone, never an accepted one twice, and leaves unfixed ones refused', async () => {
    const env = await sandboxed({ limits: { perMinute: 100_000, perDay: 10_000_000 } });
    close = () => env.sandbox.close();
    const api = env.client();
    const upload = async (invalid: number[]) => {
      const chats = makeChats(CHATS, { ...valid, invalid });
      writePlanFile(env.dir, chats);
      const run = await env.upload(chats, api, { batchSize: 100 });
      const sent = run.events.flatMap((e) => (e.type === 'batch-sent' ? [e.chats] : [])).reduce((a, b) => a + b, 0);
      return { ...run, chats, sent };
    };
    const report = new ReportCache();
    const failedRows = () => {
      const view = report.view(env.dir);
      if (!view.ok) throw new Error(view.error.code);
      return view.value.failedRows().rows;
    };

    const first = await upload([7, 250]);
    expect(first.summary).toMatchObject({ accepted: CHATS - 2, rejected: 2 });
    expect(failedRows()).toEqual([16, 17, 502, 503]);

    // Chat 7 fixed, chat 250 left as it was: CallGear would refuse it again, so it is not sent.
    const second = await upload([250]);
    expect(second.sent).toBe(1);
    expect(second.summary).toMatchObject({ accepted: CHATS - 1, rejected: 1 });
    expect(failedRows()).toEqual([502, 503]);

    const third = await upload([]);
    expect(third.sent).toBe(1);
    expect(third.summary).toMatchObject({ accepted: CHATS, rejected: 0 });
    expect(failedRows()).toEqual([]);
    expect(tally(env.sandbox, third.chats)).toEqual({ lost: 0, duplicated: 0, stored: CHATS });
  });
});

describe('the review grid, asked for exactly the rows of the failed chats', () => {
  const table = { file: 'chats.xlsx', sheet: 'Chats', headers: ['Key', 'Text'], headerRow: 1, rows: [2, 3, 4, 5, 6].map((row) => [`k${row}`, `text ${row}`]) };

  it('gives those rows in the order asked, leaving out rows the sheet does not have', () => {
    const page = rowsPage(table, undefined, undefined, { offset: 0, limit: 10, onlyProblems: false, only: [5, 3, 99, 1] });
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => [row.row, row.cells])).toEqual([
      [5, ['k5', 'text 5']],
      [3, ['k3', 'text 3']],
    ]);
  });
});
