/**
 * SheetJS in a process of its own (see isolated.ts): reads one request from stdin, a V8-serialised
 * `{ bytes, file, format, maxCells }`, and writes the reader's outcome to stdout the same way,
 * behind one STARTED byte. Nothing else may print to stdout: SheetJS's warnings go to stderr.
 */
import { writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { sheetjsReader } from '../workbook-reader.ts';
import { STARTED } from './isolation-protocol.ts';

const Request = z.object({
  bytes: z.instanceof(Uint8Array),
  file: z.string(),
  format: z.enum(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods']),
  maxCells: z.number().int().positive(),
});

async function stdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Written at once, so it is out even if SheetJS then takes the process down: everything is loaded.
writeSync(1, new Uint8Array([STARTED]));
const { bytes, file, format, maxCells } = Request.parse(deserialize(await stdin()));
process.stdout.write(serialize(sheetjsReader.read(bytes, file, format, { limits: { maxCells } })));
