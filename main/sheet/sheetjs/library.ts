import * as zlib from 'node:zlib';
import * as XLSX from 'xlsx';

/** Node's raw inflater as SheetJS asks it how far it read, without Node's deprecation warning. */
class InflateRaw extends zlib.InflateRaw {
  override get bytesRead(): number {
    return this.bytesWritten;
  }
}

/** The slice of SheetJS's untyped zip library this module uses. */
interface ZipLibrary {
  utils: {
    use_zlib(library: { InflateRaw: typeof InflateRaw; deflateRawSync(data: Uint8Array): Uint8Array }): void;
    _deflateRaw(data: Uint8Array): Uint8Array;
  };
}

// SheetJS's own inflate has no bounds checks: on damaged data (an invalid block type) it reads
// past the end forever, and an .ods, .xlsb or fallen-back .xlsx would hang the engine. With
// Node's zlib the same damage is an error, and inflating is faster besides. Writing keeps
// SheetJS's own deflate, whose bytes do not change with the zlib Node was built with.
const zip = (XLSX.CFB as ZipLibrary).utils;
zip.use_zlib({ InflateRaw, deflateRawSync: (data) => zip._deflateRaw(data) });

/** The slice of SheetJS's untyped number-format library this reader uses. */
interface NumberFormats {
  is_date(format: string): boolean;
}

export const numberFormats: NumberFormats = XLSX.SSF;

export { XLSX };
