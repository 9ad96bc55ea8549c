// What actually lands in the app: electron-builder packs a stand-in for electron-vite's output with
// electron-builder.yml (the unpacked "dir" target, no installer), and the test reads the app.asar it
// wrote. Electron itself is replaced by an empty directory holding a fake `electron` executable,
// since its binary cannot be fetched here; nothing else about the packing is faked.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR, asar, builderCli } from './builder.ts';

const run = promisify(execFile);

// The files electron-vite writes (names from electron.vite.config.ts), plus two that must stay out.
const BUILD_OUTPUT = ['out/main/index.js', 'out/main/worker.js', 'out/main/sheetjs-child.js', 'out/preload/index.mjs', 'out/renderer/index.html'];
const NOT_SHIPPED = ['out/test-results.json', 'main/app/index.ts'];

let work: string;
let resources: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'chat-importer-pack-'));
  const project = join(work, 'project');
  mkdirSync(project);
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(PROJECT_DIR, file), join(project, file));
  cpSync(join(PROJECT_DIR, 'build'), join(project, 'build'), { recursive: true });
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(project, 'node_modules'), 'dir');
  for (const file of [...BUILD_OUTPUT, ...NOT_SHIPPED]) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), `// stand-in for ${file}\n`);
  }
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
  chmodSync(join(electronDist, 'electron'), 0o755);

  await run(process.execPath, [
    builderCli, '--linux', 'dir', '--projectDir', project, '--publish', 'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${join(work, 'dist')}`,
    // Rebuilding keytar would compile it for Electron inside our shared node_modules.
    '-c.npmRebuild=false',
  ], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
  resources = join(work, 'dist', 'linux-unpacked', 'resources');
}, 180_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the app electron-builder packs from electron-builder.yml', () => {
  it("holds electron-vite's output and package.json, and nothing else of the project", () => {
    const entries = asar.listPackage(join(resources, 'app.asar'), { isPack: false })
      .map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
    // listPackage lists folders too: a folder is an entry that others sit under.
    const files = entries.filter((entry) => !entries.some((other) => other.startsWith(`${entry}/`)));
    expect(files.filter((file) => !file.startsWith('node_modules/')).sort()).toEqual([...BUILD_OUTPUT, 'package.json'].sort());
  });

  it('starts at out/main/index.js, which is in the archive', () => {
    const packaged = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main?: string };
    expect(packaged.main).toBe('out/main/index.js');
    expect(asar.extractFile(join(resources, 'app.asar'), 'out/main/index.js').toString('utf8')).toContain('stand-in');
  });

  it('carries the production dependencies the main process loads at run time', () => {
    const modules = new Set(asar.listPackage(join(resources, 'app.asar'), { isPack: false })
      .map((entry) => entry.replaceAll('\\', '/').split('/')[2])
      .filter((name): name is string => name !== undefined));
    expect([...modules]).toEqual(expect.arrayContaining(['keytar', 'xlsx', 'zod', 'libphonenumber-js', 'papaparse']));
  });

  it("leaves keytar, native binding included, outside the archive where dlopen can load it", () => {
    const keytar = join(resources, 'app.asar.unpacked', 'node_modules', 'keytar');
    expect(existsSync(join(keytar, 'build', 'Release', 'keytar.node'))).toBe(true);
    expect(existsSync(join(keytar, 'lib', 'keytar.js'))).toBe(true);
    expect(existsSync(join(keytar, 'package.json'))).toBe(true);
  });
});
