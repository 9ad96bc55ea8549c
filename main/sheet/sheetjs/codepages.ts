import { createRequire } from 'node:module';
import { isZip } from '../format.ts';
import { XLSX } from './library.ts';

const require = createRequire(import.meta.url);
let loaded = false;

/**
 * The ESM build of SheetJS ships without code pages, and .xls files from Russian Excel (BIFF5 and
 * older) keep their text in Windows-1251: without the tables it comes out garbled. Loading them
 * takes about 0.2 s, and xlsx, xlsb and ods keep their text in Unicode, so they are loaded the
 * first time a file that is not a zip is read: never at start-up, never for the zipped formats.
 */
export function loadCodepagesFor(bytes: Uint8Array): void {
  if (loaded || isZip(bytes)) return;
  XLSX.set_cptable(require('xlsx/dist/cpexcel.js') as Parameters<typeof XLSX.set_cptable>[0]);
  loaded = true;
}
