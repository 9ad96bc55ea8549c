import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Main bundles the engine and its worker as separate entries: the worker must be its own file.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          worker: resolve(__dirname, 'main/engine/worker.ts'),
        },
        external: ['keytar'],
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'main/app/preload.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
  },
});
