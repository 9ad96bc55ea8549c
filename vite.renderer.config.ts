import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer alone, built by plain Vite: electron-vite needs the Electron binary, which the
 * build machines cannot fetch, and the end-to-end tests only need the page.
 */
export default defineConfig({
  root: resolve(here, 'renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(here, 'out/renderer'), emptyOutDir: true, sourcemap: false },
});
