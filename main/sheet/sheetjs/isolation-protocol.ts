/**
 * The first byte the SheetJS child writes, once its code is loaded: a child that dies without it
 * never reached SheetJS (the app's files are not where they should be), which says nothing about
 * the file being read.
 */
export const STARTED = 0x01;
