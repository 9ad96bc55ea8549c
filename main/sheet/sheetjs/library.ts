import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';

// The ESM build of SheetJS ships without code pages, and .xls files from Russian Excel (BIFF5
// and older) keep their text in Windows-1251: without the tables it comes out garbled.
XLSX.set_cptable(cptable);

/** The slice of SheetJS's untyped number-format library this reader uses. */
interface NumberFormats {
  is_date(format: string): boolean;
}

export const numberFormats: NumberFormats = XLSX.SSF;

export { XLSX };
