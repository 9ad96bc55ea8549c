import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { generateChats, MESSAGES_PER_CHAT, type FixtureLayout } from '../fixtures/chats.ts';
import { tableFromGrid } from '../fixtures/table.ts';

describe('auto-matching speed', () => {
  it('takes under 200 ms on a 100k-row table (it samples, so size barely matters)', () => {
    const layouts: [FixtureLayout, number][] = [['messages-by-key', Math.ceil(101_000 / MESSAGES_PER_CHAT)], ['chat-per-row', 100_000]];
    for (const [layout, chats] of layouts) {
      const g = generateChats({ chats, seed: 1, layout, language: 'mixed' });
      const table = tableFromGrid([g.headers, ...g.rows]);
      expect(table.rows.length).toBeGreaterThanOrEqual(95_000);
      suggestMapping(tableFromGrid([g.headers, ...g.rows.slice(0, 50)])); // warm up the JIT on a small table
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const s = suggestMapping(table);
        best = Math.min(best, performance.now() - started);
        expect(s.layout.kind).toBe(layout);
      }
      expect(best, `${layout}: ${best.toFixed(1)} ms`).toBeLessThan(200);
    }
  });
});
