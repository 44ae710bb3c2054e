import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { dataPlugin } from '../scripts/data-plugin.ts';

const repo = resolve(import.meta.dirname, '..');

/** Builds the baseline page (bench/baseline/) with the app's data step into bench/.out/baseline. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'baseline'),
  base: './',
  publicDir: false,
  plugins: [dataPlugin(repo)],
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, '.out/baseline'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1400,
  },
  logLevel: 'warn',
});
