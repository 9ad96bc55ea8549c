#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so `npm link` or `npx chat-importer` needs no build.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../main/cli.ts', import.meta.url)));
process.exitCode = await main(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
