import { describe, expect, it } from 'vitest';
import { forAccount } from '../../renderer/steps/mapping/for-account.ts';
import { jivoMapping } from '../templates/mappings.ts';

describe('a template or past import applied for the account chosen now', () => {
  it("takes that account's time zone, and keeps the file's zone and everything else the template says", () => {
    const saved = jivoMapping();
    const applied = forAccount(saved, 'Asia/Vladivostok');
    expect(applied.options.accountTimeZone).toBe('Asia/Vladivostok');
    expect({ ...applied, options: { ...applied.options, accountTimeZone: saved.options.accountTimeZone } }).toEqual(saved);
    expect(saved.options.accountTimeZone).toBe('Europe/Moscow');
  });

  it('keeps the zone the template was saved with when no connection test has told the account\'s zone', () => {
    expect(forAccount(jivoMapping(), undefined).options.accountTimeZone).toBe('Europe/Moscow');
  });
});
