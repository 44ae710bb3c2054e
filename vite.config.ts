/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { dataPlugin } from './scripts/data-plugin.ts';
import { serviceWorkerPlugin } from './scripts/sw-plugin.ts';

export default defineConfig({
  // Relative asset paths: the built app works from any folder or a file server.
  base: './',
  plugins: [svelte(), dataPlugin(import.meta.dirname), serviceWorkerPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // MapLibre in its own chunk: cached across app releases, and the app's own JS is measurable.
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
  server: {
    port: 5173,
    // `npm run dev` starts the consultation API beside Vite (scripts/dev.ts); SSE passes through unbuffered.
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? '8787'}` },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/lib/i18n/testSetup.ts'],
    // A real PostgreSQL for the server tests (they also run on the embedded PGlite).
    globalSetup: ['src/server/testing/globalSetup.ts'],
    // A hang guard, not a speed check: server tests stream live events from a real database,
    // and on a busy 2-core machine one test can take well over vitest's 5 s default.
    testTimeout: 30_000,
  },
});
