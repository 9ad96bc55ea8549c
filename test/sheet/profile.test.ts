import { describe, expect, it } from 'vitest';
import { DISTINCT_CAP, profileColumns } from '../../main/sheet/profile.ts';
import type { Cell, Table } from '../../main/sheet/types.ts';

const table = (headers: string[], rows: Cell[][]): Table => ({ file: 'chats.xlsx', sheet: 'Chats', headers, headerRow: 1, rows });

describe('profileColumns', () => {
  it('reports kind, fill rate, distinct count and samples as a person sees them', () => {
    const when = new Date(Date.UTC(2024, 2, 12, 10, 20, 30));
    const [chat, time, count, mixed, empty] = profileColumns(table(['Chat', 'Time', 'Count', 'Mixed', 'Empty'], [
      ['c1', when, 1, 'x', null],
      ['c1', new Date(when.getTime()), 2, 5],
      ['c2', null, 2.5, true],
      [],
    ]));
    expect(chat).toEqual({ index: 0, header: 'Chat', kind: 'text', fillRate: 0.75, distinct: 2, samples: ['c1', 'c2'] });
    expect(time).toMatchObject({ kind: 'date', fillRate: 0.5, distinct: 1, samples: ['2024-03-12 10:20:30'] });
    expect(count).toMatchObject({ kind: 'number', distinct: 3, samples: ['1', '2', '2.5'] });
    expect(mixed).toMatchObject({ kind: 'mixed', samples: ['x', '5', 'TRUE'] });
    expect(empty).toMatchObject({ kind: 'empty', fillRate: 0, distinct: 0, samples: [] });
  });

  it('keeps at most five samples and shortens long ones', () => {
    const rows = Array.from({ length: 20 }, (_, i): Cell[] => [`${i}`.padEnd(300, '.')]);
    const [profile] = profileColumns(table(['Text'], rows));
    expect(profile?.samples).toHaveLength(5);
    expect(profile?.samples[0]).toHaveLength(101);
  });

  it('stops counting distinct values at the cap', () => {
    const rows = Array.from({ length: DISTINCT_CAP + 500 }, (_, i): Cell[] => [i]);
    expect(profileColumns(table(['N'], rows))[0]?.distinct).toBe(DISTINCT_CAP);
  });

  it('profiles a million rows', () => {
    const names = ['Ivan', 'Olga', 'Petr'];
    const rows = Array.from({ length: 1_000_000 }, (_, i): Cell[] => [`c${i >> 4}`, names[i % 3] ?? null, i, `message ${i}`]);
    const profiles = profileColumns(table(['Chat', 'Author', 'N', 'Text'], rows));
    expect(profiles.map((p) => p.fillRate)).toEqual([1, 1, 1, 1]);
  });
});
