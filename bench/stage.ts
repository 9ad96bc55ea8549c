/**
 * One measurement in its own process, so each peak RSS is its own. Prints one JSON line.
 *   sheetjs FILE      plain SheetJS read into row arrays (the baseline every other importer uses)
 *   engine FILE       our pipeline, stage by stage
 *   revalidate FILE   validate, change one field's mapping, validate again
 *   stall FILE        main's event-loop delay while the worker reads and validates FILE
 *   reader FILE       our streaming xlsx reader alone (bytes already in memory)
 *   unzip FILE        a plain fflate unzip of the whole file: the floor any xlsx reader stands on
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { openWorkbook } from '../main/sheet/open.ts';
import { xlsxReader } from '../main/sheet/xlsx/reader.ts';
import { guessHeaderRow, makeTable } from '../main/sheet/header.ts';
import { suggestMapping } from '../main/mapping/automatch/index.ts';
import { batchesOf, ValidationSession } from '../main/chats/engine.ts';
import { EngineClient } from '../main/engine/client.ts';
import type { Mapping } from '../main/mapping/model.ts';
import { STAFF } from '../test/fixtures/chats.ts';

const NOW = Date.UTC(2026, 0, 1);
const [mode, file] = process.argv.slice(2) as [string, string];
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const since = (t: number) => Math.round(performance.now() - t);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: { en: string } } }): T {
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

function withZones(mapping: Mapping): Mapping {
  return { ...mapping, options: { ...mapping.options, fileTimeZone: 'Europe/Moscow', accountTimeZone: 'Europe/Moscow' } };
}

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'sheetjs') {
    const t = performance.now();
    const wb = XLSX.read(readFileSync(file), { type: 'buffer', dense: true, cellDates: true, raw: file.endsWith('.csv') });
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 }) as unknown[][];
    return { total: since(t), rows: rows.length, peakMb: peakMb() };
  }
  if (mode === 'reader') {
    const bytes = new Uint8Array(readFileSync(file));
    const t = performance.now();
    const read = xlsxReader.read(bytes, basename(file), 'xlsx', {});
    if ('fallback' in read) throw new Error(read.fallback.message.en);
    const rows = must(read).sheets[0]?.rows.length;
    return { total: since(t), rows, peakMb: peakMb() };
  }
  if (mode === 'unzip') {
    const bytes = new Uint8Array(readFileSync(file));
    const t = performance.now();
    const parts = unzipSync(bytes);
    let unzipped = 0;
    for (const part of Object.values(parts)) unzipped += part.length;
    return { total: since(t), unzippedMb: Math.round(unzipped / 2 ** 20), peakMb: peakMb() };
  }
  if (mode === 'engine' || mode === 'revalidate') {
    const t0 = performance.now();
    const bytes = readFileSync(file);
    const read = since(t0);
    const t1 = performance.now();
    const workbook = must(openWorkbook(bytes, basename(file)));
    const parse = since(t1);
    const t2 = performance.now();
    const grid = workbook.sheets[0]!;
    const table = must(makeTable(grid, workbook.file, guessHeaderRow(grid).row));
    const mapping = withZones(suggestMapping(table).mapping);
    const suggest = since(t2);
    const session = new ValidationSession(table, { employees: STAFF, now: () => NOW });
    const validation = must(session.validate(mapping));
    const { map, group, validate } = session.lastTimings;
    const validated = since(t0);
    const t3 = performance.now();
    let batches = 0;
    for (const _ of batchesOf(validation)) batches++;
    const build = since(t3);
    const result: Record<string, unknown> = {
      read, parse, suggest, map: Math.round(map), group: Math.round(group), validate: Math.round(validate), build,
      total: since(t0), validated, rows: table.rows.length, chats: validation.chatCount, validChats: validation.validChats, batches, peakMb: peakMb(),
    };
    if (mode === 'revalidate') {
      const changed = structuredClone(mapping);
      changed.chat.status = { kind: 'constant', value: 'succeed' };
      const t4 = performance.now();
      must(session.validate(changed));
      result.revalidate = since(t4);
    }
    return result;
  }
  if (mode === 'stall') {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const t = performance.now();
    const engine = new EngineClient();
    must(await engine.request({ type: 'open', path: file }));
    const table = must(await engine.request({ type: 'table' }));
    must(await engine.request({ type: 'validate', mapping: withZones(table.suggestion.mapping), employees: [...STAFF], now: NOW }));
    await engine.close();
    histogram.disable();
    return { total: since(t), p99Ms: Math.round(histogram.percentile(99) / 1e6), maxMs: Math.round(histogram.max / 1e6), peakMb: peakMb() };
  }
  throw new Error(`unknown mode ${mode}`);
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
