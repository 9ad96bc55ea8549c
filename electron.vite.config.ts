import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Main bundles the engine and its worker as separate entries: the worker must be its own file.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(here, 'main/app/index.ts'),
          worker: resolve(here, 'main/engine/worker.ts'),
        },
        external: ['keytar'],
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(here, 'main/app/preload.ts') } } },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } } },
  },
});
