import { describe, expect, it } from 'vitest';
import { unlistedId } from '../../renderer/steps/mapping/unlisted.ts';

const SITES = [
  { id: 9, label: 'shop.example' },
  { id: 12, label: 'blog.shop.example' },
];

describe("a constant id the chosen account's list does not have", () => {
  it('is shown as such, so a site from a template made for another account is not sent unseen', () => {
    expect(unlistedId(SITES, 4501)).toBe('4501');
  });

  it('is not flagged when the list has it, or when nothing is chosen yet', () => {
    expect(unlistedId(SITES, 12)).toBeUndefined();
    expect(unlistedId(SITES, '')).toBeUndefined();
  });
});
