import { defineConfig } from 'vite';

/**
 * The consultation server as plain JavaScript (`npm run build` makes it beside the app):
 * src/server/main.ts and what it imports from src/lib, bundled into dist-server/main.js.
 * Packages stay in node_modules (PGlite finds its WebAssembly beside its own module). Not
 * inside dist/, which the server publishes.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
});
