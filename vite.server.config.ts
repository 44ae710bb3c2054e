import { defineConfig } from 'vite';

/**
 * The consultation server as plain JavaScript (`npm run build` makes it beside the app):
 * src/server/main.ts and what it imports from src/lib, bundled into dist-server/main.js.
 * Packages stay in node_modules (PGlite finds its WebAssembly beside its own module), except
 * Turf: loaded whole from node_modules it cost ~0.5 s of every start (all of its modules and
 * jsts) for the few functions placing uses; bundled, only those are in main.js. Not
 * inside dist/, which the server publishes.
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: [/^@turf\//] },
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
