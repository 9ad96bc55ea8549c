import { describe, expect, it } from 'vitest';
import { inferDateOrder } from '../../../main/chats/normalise/datetime.ts';

describe('inferDateOrder', () => {
  it('is proven day-first by a value whose first part is over 12, and names its row', () => {
    const guess = inferDateOrder(['01/03/2024', '02/03/2024', '13/04/2024 10:00'], 5000, 2);
    expect(guess.order).toBe('DMY');
    expect(guess.confidence).toBe(1);
    expect(guess.evidence.en).toContain('"13/04/2024 10:00" (row 4) can only be day-first');
    expect(guess.evidence.ru).toContain('«13/04/2024 10:00» (строка 4)');
    expect(guess.example).toEqual({ index: 2, value: '13/04/2024 10:00' });
  });

  it('is proven month-first by a value whose second part is over 12', () => {
    const guess = inferDateOrder(['03/01/2024', '04/13/2024 5:00 PM']);
    expect(guess.order).toBe('MDY');
    expect(guess.confidence).toBe(1);
    expect(guess.evidence.en).toContain('"04/13/2024 5:00 PM" (value 2) can only be month-first');
  });

  it('follows the majority when values contradict each other, with less confidence', () => {
    const guess = inferDateOrder(['13/01/2024', '14/01/2024', '01/13/2024']);
    expect(guess.order).toBe('DMY');
    expect(guess.confidence).toBeLessThan(1);
    expect(guess.confidence).toBeCloseTo(0.6);
    expect(guess.evidence.en).toContain('mixes date orders');
  });

  it('falls back to convention when nothing proves it: dots are day-first', () => {
    const guess = inferDateOrder(['01.03.2024', '02.03.2024 10:15']);
    expect(guess.order).toBe('DMY');
    expect(guess.confidence).toBe(0.8);
    expect(guess.evidence.ru).toContain('через точку');
  });

  it('takes AM/PM times as a hint of month-first', () => {
    const guess = inferDateOrder(['01/03/2024 10:15 AM', '02/03/2024 1:15 PM']);
    expect(guess.order).toBe('MDY');
    expect(guess.confidence).toBeLessThan(0.8);
  });

  it('assumes day-first with low confidence for unproven slashes', () => {
    const guess = inferDateOrder(['01/03/2024', '02/03/2024']);
    expect(guess).toMatchObject({ order: 'DMY', confidence: 0.5 });
  });

  it('answers YMD with full confidence when every value reads one way (ISO, month names, real dates)', () => {
    expect(inferDateOrder(['2024-03-01 10:00', '2024-03-02'])).toMatchObject({ order: 'YMD', confidence: 1 });
    expect(inferDateOrder(['1 марта 2024', 'March 2, 2024'])).toMatchObject({ order: 'YMD', confidence: 1 });
    expect(inferDateOrder([new Date(0), 45352])).toMatchObject({ order: 'YMD', confidence: 1 });
  });

  it('ignores ISO and unparseable values when other values are ambiguous', () => {
    expect(inferDateOrder(['2024-03-01', 'n/a', '05.03.2024'])).toMatchObject({ order: 'DMY', confidence: 0.8 });
  });

  it('has no confidence without dates', () => {
    expect(inferDateOrder([null, '', null])).toMatchObject({ order: 'DMY', confidence: 0 });
    expect(inferDateOrder([])).toMatchObject({ confidence: 0 });
  });

  it('looks at no more than `limit` values', () => {
    const cells = [...Array.from({ length: 10 }, () => '01/02/2024'), '13/02/2024'];
    expect(inferDateOrder(cells, 10).confidence).toBe(0.5);
    expect(inferDateOrder(cells, 11).confidence).toBe(1);
  });

  it('accepts any iterable, e.g. a generator over a column', () => {
    function* column(): Generator<string> {
      yield '12/25/2024';
    }
    expect(inferDateOrder(column()).order).toBe('MDY');
  });
});
