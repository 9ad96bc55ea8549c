/**
 * Writes the sample spreadsheets in examples/ (run with `npm run examples`). Same bytes on every
 * run: the data comes from seeded fixtures and the writers add no timestamps.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { employeeDirectory, generateChats, writeWorkbook } from '../test/fixtures/chats.ts';

const here = dirname(fileURLToPath(import.meta.url));

interface Example {
  file: string;
  bytes: Uint8Array;
}

export function makeExamples(): Example[] {
  const byKey = generateChats({ chats: 40, seed: 101, layout: 'messages-by-key', language: 'en', dates: 'date' });
  const byKeyRu = generateChats({ chats: 30, seed: 102, layout: 'messages-by-key', language: 'ru' });
  const consecutive = generateChats({
    chats: 25,
    seed: 103,
    layout: 'messages-consecutive',
    language: 'mixed',
    headers: 'en',
    dates: 'date',
    chatFieldsOnFirstRowOnly: true,
  });
  const perRow = generateChats({ chats: 60, seed: 104, layout: 'chat-per-row', language: 'ru', dates: 'date' });
  const employees = employeeDirectory();
  return [
    { file: 'messages-by-key.xlsx', bytes: writeWorkbook(byKey, 'xlsx') },
    {
      file: 'messages-by-key-ru.csv',
      bytes: writeWorkbook(byKeyRu, 'csv', { encoding: 'windows-1251', delimiter: ';' }),
    },
    { file: 'messages-consecutive.ods', bytes: writeWorkbook(consecutive, 'ods') },
    { file: 'chat-per-row.xlsx', bytes: writeWorkbook(perRow, 'xlsx') },
    {
      file: 'employees.csv',
      bytes: writeWorkbook(
        { headers: ['id', 'full_name', 'email'], rows: employees.map((e) => [e.id, e.full_name, e.email]) },
        'csv',
      ),
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { file, bytes } of makeExamples()) {
    writeFileSync(join(here, file), bytes);
    console.log(`${file}: ${bytes.length} bytes`);
  }
}
