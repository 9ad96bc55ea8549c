import { describe, expect, it } from 'vitest';
import { findMatch, type Candidate } from '../../main/templates/match.ts';
import { placeMapping } from '../../main/templates/place.ts';
import type { Template } from '../../main/templates/model.ts';
import { JIVO_HEADERS, jivoMapping, shuffled } from './mappings.ts';

function template(name: string, headers: string[], mapping = jivoMapping()): Candidate {
  const at = '2026-05-12T10:00:00.000Z';
  const made: Template = { id: name, name, mapping, headers, createdAt: at, updatedAt: at };
  return { kind: 'template', template: made };
}

const past = (headers: string[], file: string): Candidate => ({ kind: 'past', past: { headers, mapping: jivoMapping(), file, savedAt: '2026-05-01T08:00:00.000Z' } });

describe('finding the remembered mapping for a file', () => {
  it('matches a file with the same headers in another order exactly', () => {
    const match = findMatch(shuffled(JIVO_HEADERS), [template('Jivo export', JIVO_HEADERS)]);
    expect(match).toMatchObject({ how: 'exact', matched: 9, total: 9 });
  });

  it('matches headers that differ only in case and spaces exactly', () => {
    const respelled = JIVO_HEADERS.map((header) => ` ${header.toUpperCase()}  `);
    expect(findMatch(respelled, [template('Jivo export', JIVO_HEADERS)])).toMatchObject({ how: 'exact' });
  });

  it('still matches a file with one extra column, as an overlap', () => {
    const match = findMatch([...JIVO_HEADERS, 'Rating'], [template('Jivo export', JIVO_HEADERS)]);
    expect(match).toMatchObject({ how: 'overlap', matched: 9, total: 10 });
  });

  it('does not apply a template whose mapped column the file lacks, however close the rest', () => {
    const withoutText = [...JIVO_HEADERS.filter((header) => header !== 'Text'), 'Message body'];
    expect(findMatch(withoutText, [template('Jivo export', JIVO_HEADERS)])).toBeUndefined();
  });

  it('does not apply a template when too few headers are shared', () => {
    const mapping = jivoMapping();
    const small = { ...mapping, chat: { ...mapping.chat, name: { kind: 'none' as const }, phone: { kind: 'none' as const }, email: { kind: 'none' as const } } };
    const other = ['Chat ID', 'Started', 'Operator', 'Sent at', 'Author', 'Text', 'A', 'B', 'C'];
    expect(findMatch(other, [template('Jivo export', JIVO_HEADERS, small)])).toBeUndefined();
  });

  it('prefers an exact match to an overlap listed before it', () => {
    const candidates = [template('Wider', [...JIVO_HEADERS, 'Rating']), template('Exact', JIVO_HEADERS)];
    expect(findMatch(JIVO_HEADERS, candidates)?.candidate).toMatchObject({ template: { name: 'Exact' } });
  });

  it('prefers a template to a past import with the same headers, as they are listed', () => {
    const candidates = [template('Jivo export', JIVO_HEADERS), past(JIVO_HEADERS, 'may.xlsx')];
    expect(findMatch(JIVO_HEADERS, candidates)?.candidate.kind).toBe('template');
    expect(findMatch(JIVO_HEADERS, [past(JIVO_HEADERS, 'may.xlsx')])?.candidate).toMatchObject({ kind: 'past', past: { file: 'may.xlsx' } });
  });

  it('finds nothing for a file without headers or with no candidates', () => {
    expect(findMatch([], [template('Jivo export', JIVO_HEADERS)])).toBeUndefined();
    expect(findMatch(JIVO_HEADERS, [])).toBeUndefined();
  });
});

describe('putting a remembered mapping onto another file', () => {
  it('names the new file’s own headers, wherever they stand, and keeps every option', () => {
    const respelled = JIVO_HEADERS.map((header) => header.toLowerCase());
    const placed = placeMapping(jivoMapping(), shuffled(respelled), { kind: 'chat-per-row' });
    expect(placed.unplaced).toEqual([]);
    expect(placed.mapping.layout).toEqual({ kind: 'messages-by-key', chatKey: 'chat id' });
    expect(placed.mapping.chat.phone).toEqual({ kind: 'column', column: 'phone' });
    expect(placed.mapping.message.message).toEqual({ kind: 'column', column: 'text' });
    expect(placed.mapping.chat.site_id).toEqual({ kind: 'constant', value: 9 });
    expect(placed.mapping.options).toEqual(jivoMapping().options);
  });

  it('says which fields could not be placed, leaves them unmapped and keeps the given layout without the chat key', () => {
    const headers = JIVO_HEADERS.filter((header) => header !== 'Phone' && header !== 'Chat ID');
    const placed = placeMapping(jivoMapping(), headers, { kind: 'messages-consecutive' });
    expect(placed.unplaced).toEqual([
      { field: 'chatKey', column: 'Chat ID' },
      { field: 'phone', column: 'Phone' },
    ]);
    expect(placed.mapping.chat.phone).toEqual({ kind: 'none' });
    expect(placed.mapping.layout).toEqual({ kind: 'messages-consecutive' });
  });
});
