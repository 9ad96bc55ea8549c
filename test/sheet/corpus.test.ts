import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openWorkbook, readersInProcess } from '../../main/sheet/open.ts';

/*
 * Real-world workbooks from SheetJS's public test files (shared/corpus beside the repository):
 * each must open, every sheet giving a grid, or fail as a typed Problem. Never a throw.
 */
const root = fileURLToPath(new URL('../../../shared/corpus/sheetjs-test-files/', import.meta.url));
const present = existsSync(root);
const files = present
  ? readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => !/^(LICENSE|README\.md)$/.test(name) && statSync(`${root}${name}`).isFile())
      .sort()
  : [];
/** Failures the corpus is known to contain: its password-protected files. */
const EXPECTED_PROBLEMS = new Set(['sheet.encrypted']);

describe.skipIf(!present)('the SheetJS test corpus', () => {
  it('is there to test against', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('opens every file or fails with a typed problem naming it', () => {
    const outcomes = files.map((name) => {
      const file = name.split('/').at(-1) ?? name;
      const result = openWorkbook(new Uint8Array(readFileSync(`${root}${name}`)), file, {}, readersInProcess);
      if (!result.ok) {
        expect(result.error.file, name).toBe(file);
        return `${name}: ${result.error.code}`;
      }
      for (const sheet of result.value.sheets) {
        expect(Array.isArray(sheet.rows), `${name} / ${sheet.name}`).toBe(true);
        expect(sheet.rows.every(Array.isArray), `${name} / ${sheet.name}`).toBe(true);
      }
      return null;
    });
    const failures = outcomes.filter((outcome): outcome is string => outcome !== null);
    const unexpected = failures.filter((failure) => !EXPECTED_PROBLEMS.has(failure.split(': ')[1] ?? ''));
    expect(unexpected).toEqual([]);
    expect(failures.every((failure) => failure.includes('password'))).toBe(true);
  });
});

if (!present) {
  describe('the SheetJS test corpus', () => {
    it.skip(`is absent (looked in ${root}); robustness over real-world files was not checked`, () => {});
  });
}
