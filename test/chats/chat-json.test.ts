import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/mapping/automatch/index.ts';
import { MappingSchema } from '../../main/mapping/model.ts';
import { chatParams } from '../../main/chats/build.ts';
import { chatJson } from '../../main/chats/chat-json.ts';
import { batchesOf, ValidationSession, type Validation } from '../../main/chats/engine.ts';
import type { Cell } from '../../main/sheet/types.ts';
import { generateChats, STAFF, type FixtureLayout } from '../fixtures/chats.ts';
import { tableFromGrid } from '../fixtures/table.ts';

/*
 * chatJson and the batch writer replace "build the objects, JSON.stringify them, encode each,
 * Buffer.concat": these tests hold them to exactly the bytes of that straightforward way.
 */

const NOW = Date.UTC(2026, 0, 1);
/** Text a serialiser must escape or encode with care. */
const AWKWARD = ['say "hi"\\', 'line\nbreak\ttab\r', 'ctrl \u0001\u001f', 'Ёжик 😀', 'lone \ud800 surrogate', '\u2028\u2029', '</script>'];

function validation(layout: FixtureLayout, seed: number): Validation {
  const generated = generateChats({ chats: 120, seed, layout, language: 'mixed', plant: ['invalid_phone', 'empty_message'] });
  const rows = generated.rows.map((row, r) => row.map((cell, c): Cell => {
    if (typeof cell !== 'string' || r % 7 !== 0) return cell;
    const header = generated.headers[c];
    return header === generated.fields.message || header === generated.fields.name ? `${cell} ${AWKWARD[Math.floor(r / 7) % AWKWARD.length]}` : cell;
  }));
  const table = tableFromGrid([generated.headers, ...rows], 'chats.csv');
  const suggested = suggestMapping(table).mapping;
  const mapping = MappingSchema.parse({ ...suggested, chat: { ...suggested.chat, site_id: { kind: 'constant', value: 42 } } });
  const result = new ValidationSession(table, { employees: STAFF, now: () => NOW }).validate(mapping);
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

/** The batches as they were made before: objects, JSON.stringify, one buffer per chat, concatenated. */
function referenceBatches(v: Validation, maxChats: number, maxBytes: number): { indexes: number[]; json: Buffer }[] {
  const budget = maxBytes - 2048;
  const out: { indexes: number[]; json: Buffer }[] = [];
  let indexes: number[] = [];
  let parts: Buffer[] = [];
  let bytes = 2;
  const finish = () => out.push({ indexes, json: Buffer.concat([Buffer.from('['), ...parts, Buffer.from(']')]) });
  v.drafts.forEach((draft, index) => {
    if (!draft) return;
    const json = Buffer.from(JSON.stringify(chatParams(draft, v.columns)));
    if (indexes.length && (indexes.length >= maxChats || bytes + 1 + json.length > budget)) {
      finish();
      [indexes, parts, bytes] = [[], [], 2];
    }
    if (indexes.length) [parts, bytes] = [[...parts, Buffer.from(',')], bytes + 1];
    indexes.push(index);
    parts.push(json);
    bytes += json.length;
  });
  if (indexes.length) finish();
  return out;
}

describe('chat JSON written directly', () => {
  for (const layout of ['messages-by-key', 'messages-consecutive', 'chat-per-row'] as const) {
    it(`is JSON.stringify of the chat params, in ${layout}`, () => {
      const v = validation(layout, 5);
      expect(v.validChats).toBeGreaterThan(100);
      for (const draft of v.drafts) if (draft) expect(chatJson(draft, v.columns)).toBe(JSON.stringify(chatParams(draft, v.columns)));
    });
  }

  it('packs the same bytes into the same batches, at any limits', () => {
    const v = validation('messages-by-key', 9);
    for (const [maxChats, maxBytes] of [[500, 512 * 1024], [7, 2048 + 6000], [3, 2048 + 900], [1, 4096]] as const) {
      const batches = [...batchesOf(v, { maxChats, maxBytes })];
      const expected = referenceBatches(v, maxChats, maxBytes);
      expect(batches.map((b) => b.chatIndexes)).toEqual(expected.map((b) => b.indexes));
      batches.forEach((batch, i) => {
        expect(batch.json.equals(expected[i]!.json)).toBe(true);
        expect(batch.bytes).toBe(batch.json.length);
        expect(batch.chats).toEqual(batch.chatIndexes.map((index) => chatParams(v.drafts[index]!, v.columns)));
      });
    }
  });
});
