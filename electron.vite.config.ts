import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Main bundles the engine, its worker and the SheetJS child process as separate entries: each
// runs as a file of its own.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(here, 'main/app/index.ts'),
          worker: resolve(here, 'main/engine/worker.ts'),
          'sheetjs-child': resolve(here, 'main/sheet/sheetjs/child.ts'),
        },
        external: ['keytar'],
      },
    },
  },
  // A sandboxed preload cannot be an ES module, so it is bundled as CommonJS.
  preload: {
    build: { rollupOptions: { input: { index: resolve(here, 'main/app/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: resolve(here, 'renderer'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(here, 'renderer/index.html') } } },
  },
});
