// The packaging configuration, checked without a build: no Electron binary can be fetched on our
// machines, so `npm run dist` cannot run here. electron-builder's own loader and validation stand in
// for it; the product's choices (targets, association, asar, icons, entry point) are asserted one by one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config.ts';
import { APP_ICON_SIZE, LINUX_ICON_SIZES, drawIcon, iconFiles } from '../../scripts/make-icons.ts';
import {
  PROJECT_DIR, builderVersion, globMatches, loadEffectiveConfig, readRawConfig, schemaErrors,
  validateLikeElectronBuilder,
} from './builder.ts';
import { readPng } from './png.ts';

interface PackageJson {
  main?: string;
  description?: string;
  homepage?: string;
  author?: { name?: string; email?: string } | string;
  build?: unknown;
}

const packageJson = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as PackageJson;
const buildResources = join(PROJECT_DIR, 'build');
let config: Configuration;

beforeAll(async () => {
  config = await loadEffectiveConfig();
});

function patterns(value: unknown): string[] {
  // After loading, electron-builder turns `files: [a, b]` into `[{ filter: [a, b] }]`.
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item !== null && typeof item === 'object' && 'filter' in item) return patterns(item.filter);
    return [];
  });
}

const taken = (path: string, globs: string[]): boolean => globs.some((glob) => globMatches(path, glob));

describe(`electron-builder.yml, as electron-builder ${builderVersion} reads it`, () => {
  it('is the configuration electron-builder loads: package.json has no "build" key that would shadow it', () => {
    expect(packageJson.build).toBeUndefined();
    expect(config.appId).toBe((readRawConfig() as { appId?: string }).appId);
  });

  it("passes electron-builder's own validation (its JSON schema and its checks for retired options)", async () => {
    await expect(validateLikeElectronBuilder(config)).resolves.toBeUndefined();
  });

  it("matches electron-builder's JSON schema as written, without the type coercion electron-builder applies", () => {
    expect(schemaErrors(readRawConfig())).toEqual([]);
  });

  it('would be refused by the same checks if an option were misspelt or misplaced', async () => {
    const misspelt = { ...config, fileAssociations: [{ ext: 'chatimport', rol: 'Editor' }] };
    await expect(validateLikeElectronBuilder(misspelt)).rejects.toThrow(/fileAssociations/);
    expect(schemaErrors({ ...(readRawConfig() as object), nsis: { target: 'nsis' } })).not.toEqual([]);
  });
});

describe('the installers', () => {
  it('are Chat Importer, com.callgear.chat-importer, written to dist/ from resources in build/', () => {
    expect(config.appId).toBe('com.callgear.chat-importer');
    expect(config.productName).toBe('Chat Importer');
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'build' });
  });

  it('are an NSIS setup for Windows, a DMG for macOS, and an AppImage and a deb for Linux', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('can include a deb: package.json gives a description, a homepage and a maintainer with an e-mail', () => {
    // The fields electron-builder's deb target refuses to build without.
    expect(packageJson.description).toMatch(/\S/);
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(packageJson.author).toMatchObject({ name: expect.stringMatching(/\S/), email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) });
  });
});

describe('the app inside the installers', () => {
  it("starts at electron-vite's main entry, out/main/index.js", () => {
    const main = viteConfig.main;
    const input = main?.build?.rollupOptions?.input;
    // electron-vite writes the main process to out/main/<entry name>.js unless an outDir is set.
    expect(main?.build?.outDir).toBeUndefined();
    expect(input).toHaveProperty('index');
    const effectiveMain = (config.extraMetadata as PackageJson | undefined)?.main ?? packageJson.main;
    expect(effectiveMain).toBe('out/main/index.js');
  });

  it("holds electron-vite's output and package.json, and none of the sources, tests or test results", () => {
    const files = patterns(config.files);
    for (const shipped of ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.mjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json']) {
      expect(taken(shipped, files), shipped).toBe(true);
    }
    for (const kept of ['out/test-results.json', 'main/app/index.ts', 'renderer/index.html', 'test/packaging/png.ts', 'bench/run.ts', 'README.md', '.ci/run']) {
      expect(taken(kept, files), kept).toBe(false);
    }
  });

  it('is packed into app.asar, with keytar and every native binary left unpacked for dlopen', () => {
    expect(config.asar).toBe(true);
    const unpack = patterns(config.asarUnpack);
    expect(unpack).toEqual(expect.arrayContaining(['**/node_modules/keytar/**', '**/*.node']));
    for (const file of ['node_modules/keytar/build/Release/keytar.node', 'node_modules/keytar/lib/keytar.js', 'node_modules/keytar/package.json']) {
      expect(taken(file, unpack), file).toBe(true);
    }
    expect(taken('node_modules/some-addon/build/Release/addon.node', unpack)).toBe(true);
    expect(taken('out/main/index.js', unpack)).toBe(false);
  });
});

describe('the project file association', () => {
  it('opens .chatimport files as "Chat Importer project", with the app as their editor', () => {
    expect(config.fileAssociations).toEqual([{
      ext: 'chatimport',
      name: 'Chat Importer project',
      description: 'Chat Importer project',
      role: 'Editor',
      mimeType: 'application/x-chat-importer-project',
    }]);
  });

  it("shows the app's icon on the files: no icon of their own is named or present in build/", () => {
    // electron-builder looks for build/<ext>.icns and .ico first and falls back to the app's icon.
    expect(existsSync(join(buildResources, 'chatimport.icns'))).toBe(false);
    expect(existsSync(join(buildResources, 'chatimport.ico'))).toBe(false);
  });
});

describe('the icons', () => {
  it('are build/icon.png for macOS and Windows: a real 1024×1024 RGBA PNG, large enough for the .icns (512) and .ico (256)', () => {
    expect(config.icon).toBe('icon.png');
    const png = readPng(readFileSync(join(buildResources, 'icon.png')));
    expect(png).toMatchObject({ width: APP_ICON_SIZE, height: APP_ICON_SIZE, bitDepth: 8, colourType: 6 });
    expect(APP_ICON_SIZE).toBe(1024);
  });

  it('are build/icons/NxN.png for Linux, each a real PNG of the size its name says', () => {
    expect(config.linux?.icon).toBe('icons');
    const names = readdirSync(join(buildResources, 'icons')).sort();
    expect(names).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) {
      const png = readPng(readFileSync(join(buildResources, 'icons', `${size}x${size}.png`)));
      expect(png, `${size}x${size}.png`).toMatchObject({ width: size, height: size, bitDepth: 8, colourType: 6 });
    }
  });

  it('are exactly what scripts/make-icons.ts draws, so the committed files and the script agree', () => {
    for (const { path, size } of iconFiles()) {
      const committed = readPng(readFileSync(join(buildResources, path))).rgba;
      expect(committed, path).not.toBeNull();
      // Byte comparison, not toEqual: a deep diff of 4 MB of pixels takes minutes.
      const same = committed !== null && Buffer.compare(committed, drawIcon(size)) === 0;
      expect(same, `${path} differs from the drawing: run npx tsx scripts/make-icons.ts`).toBe(true);
    }
  });
});
