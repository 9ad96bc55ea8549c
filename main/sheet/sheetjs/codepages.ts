import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { XLSX } from './library.ts';

// The ESM build of SheetJS ships without code pages, and .xls files from Russian Excel (BIFF5
// and older) keep their text in Windows-1251: without the tables it comes out garbled. Loading
// them takes about 0.2 s, so SheetJS's child process loads them only for files that are not zips
// (child.ts); everything reading with SheetJS in its own thread imports this module.
XLSX.set_cptable(cptable);
