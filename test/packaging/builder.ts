// electron-builder's own pieces, for checking electron-builder.yml without running a build.
//
// Each is resolved through electron-builder itself (electron-builder → app-builder-lib → its
// dependencies), so the tests use the very copies of the loader, js-yaml, ajv and minimatch that
// `npm run dist` would use, however npm happens to hoist them. None is a dependency of ours.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';

export const PROJECT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const projectRequire = createRequire(join(PROJECT_DIR, 'package.json'));
const builderRequire = createRequire(projectRequire.resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));

interface ConfigModule {
  /** Finds and reads the config exactly as the CLI does: package.json "build", then electron-builder.yml… */
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  /** The CLI's check before building: scheme.json through ajv, plus its deprecated-option errors. */
  validateConfiguration(config: Configuration, debugLogger: DebugLogger): Promise<void>;
}
type DebugLogger = object;
interface BuilderUtil { DebugLogger: new (isEnabled: boolean) => DebugLogger }

interface ValidateFunction {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}
interface AjvInstance { compile(schema: object): ValidateFunction }
type AjvClass = new (options: { allErrors: boolean; strict: boolean }) => AjvInstance;

const configModule = libRequire('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = libRequire('builder-util') as BuilderUtil;
const jsYaml = libRequire('js-yaml') as { load(text: string): unknown };
const Ajv = (libRequire('ajv') as { default: AjvClass }).default;
const minimatch = (libRequire('minimatch') as { minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean }).minimatch;

export const builderVersion = (builderRequire('electron-builder/package.json') as { version: string }).version;
/** electron-builder's command line, to run with `node`. */
export const builderCli = builderRequire.resolve('electron-builder/cli.js');

interface Asar {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
}
/** The asar reader electron-builder writes app.asar with. */
export const asar = libRequire('@electron/asar') as Asar;

/** The merged configuration electron-builder would build with (its defaults included). */
export function loadEffectiveConfig(): Promise<Configuration> {
  return configModule.getConfig(PROJECT_DIR, null, null);
}

/** Resolves when electron-builder would accept `config`; rejects with its own error message otherwise. */
export function validateLikeElectronBuilder(config: unknown): Promise<void> {
  // Typed loosely on purpose: the point is to feed it shapes the Configuration type would reject.
  return configModule.validateConfiguration(config as Configuration, new DebugLogger(false));
}

/** electron-builder.yml as written, parsed by the YAML parser electron-builder reads it with. */
export function readRawConfig(): unknown {
  return jsYaml.load(readFileSync(join(PROJECT_DIR, 'electron-builder.yml'), 'utf8'));
}

let compiled: ValidateFunction | undefined;
// Compiling the ~10,000-line schema takes a second or more: once per test file is enough.
function compiledSchema(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(libRequire.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    // strict: false as electron-builder has it: the schema uses keywords ajv's strict mode rejects.
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

/**
 * Validates against app-builder-lib/scheme.json with ajv and no type coercion: electron-builder
 * coerces (a number where a string belongs passes), this says whether the file is exactly right.
 * Returns the errors as "path: message" lines, empty when valid.
 */
export function schemaErrors(config: unknown): string[] {
  const validate = compiledSchema();
  if (validate(config)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

/** Whether electron-builder's glob matching (minimatch, dot files included) takes `path` for `pattern`. */
export function globMatches(path: string, pattern: string): boolean {
  return minimatch(path, pattern, { dot: true });
}
