import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../main/engine/client.ts';
import { type Handlers } from '../../main/handlers/index.ts';
import { call, handlerTable } from './table.ts';

const HEADERS = ['Chat ID', 'Started', 'Visitor', 'Phone', 'Sent at', 'Author', 'Text'];

function writeExport(path: string, order: readonly string[]): void {
  const cells: Record<string, string> = { 'Chat ID': 'C-1', Started: '2025-06-21 10:00', Visitor: 'Ann', Phone: '+7 916 123-45-61', 'Sent at': '2025-06-21 10:00', Author: 'visitor', Text: 'Hello' };
  writeFileSync(path, `${order.join(',')}\n${order.map((header) => cells[header]).join(',')}\n`);
}

let dir: string;
let engine: EngineClient;


/** Opens a file, takes the suggestion without its phone column and validates it: the mapping on screen. */
async function mapWithoutPhone(handlers: Handlers, file: string) {
  await call(handlers, 'openFile', { path: file });
  const table = await call(handlers, 'selectSheet', {});
  const mapping = { ...table.suggestion.mapping, chat: { ...table.suggestion.mapping.chat, phone: { kind: 'none' } } };
  await call(handlers, 'applyMapping', { mapping });
  return table;
}

beforeAll(() => {
  engine = new EngineClient({ maxHeapMb: 512 });
});
afterAll(async () => {
  await engine.close();
});
beforeEach((context) => {
  dir = mkdtempSync(join(tmpdir(), 'template-handlers-'));
  writeExport(join(dir, 'may.csv'), HEADERS);
  writeExport(join(dir, 'june.csv'), [...HEADERS].reverse());
  context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
});

describe('past imports, remembered by the handlers', () => {
  it('gives a saved project’s mapping to the next file with the same headers in another order', async () => {
    const handlers = handlerTable({ engine, dir });
    const may = await mapWithoutPhone(handlers, join(dir, 'may.csv'));
    expect(may.suggestion.mapping.chat.phone).toEqual({ kind: 'column', column: 'Phone' });
    await call(handlers, 'saveProject', { path: join(dir, 'may.chatimport') });

    const later = handlerTable({ engine, dir });
    await call(later, 'openFile', { path: join(dir, 'june.csv') });
    const june = await call(later, 'selectSheet', {});
    const applied = await call(later, 'matchTemplate', { headers: june.headers });
    expect(applied).toMatchObject({ from: { kind: 'past', file: 'may.csv' }, how: 'exact', matched: 7, total: 7, unplaced: [] });
    expect(applied?.mapping.chat.phone).toEqual({ kind: 'none' });
    expect(applied?.mapping.message.message).toEqual({ kind: 'column', column: 'Text' });
  });

  it('remembers nothing for a mapping that was only tried, never saved or uploaded', async () => {
    const handlers = handlerTable({ engine, dir });
    const may = await mapWithoutPhone(handlers, join(dir, 'may.csv'));
    expect(await call(handlers, 'matchTemplate', { headers: may.headers })).toBeNull();
  });

  it('prefers a named template to a past import, and places a chosen one saying what is missing', async () => {
    const handlers = handlerTable({ engine, dir });
    const may = await mapWithoutPhone(handlers, join(dir, 'may.csv'));
    await call(handlers, 'saveProject', { path: join(dir, 'may.chatimport') });
    const mapping = { ...may.suggestion.mapping, chat: { ...may.suggestion.mapping.chat, name: { kind: 'none' } } };
    const saved = await call(handlers, 'saveTemplate', { name: 'Jivo export', mapping, headers: may.headers });
    expect(await call(handlers, 'matchTemplate', { headers: may.headers })).toMatchObject({ from: { kind: 'template', name: 'Jivo export' }, how: 'exact' });

    const fewer = HEADERS.filter((header) => header !== 'Visitor' && header !== 'Text');
    const chosen = await call(handlers, 'applyTemplate', { id: saved.id, headers: fewer, layout: { kind: 'chat-per-row' } });
    expect(chosen).toMatchObject({ how: 'chosen', matched: 5, total: 5, unplaced: [{ field: 'message', column: 'Text' }] });
    expect(chosen.mapping.message.message).toEqual({ kind: 'none' });
  });
});
