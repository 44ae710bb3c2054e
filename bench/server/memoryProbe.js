// @ts-check
import { appendFileSync } from 'node:fs';

/**
 * Loaded into the benchmark's server process (`--import`, with `--expose-gc`), never into
 * `npm start`; plain JavaScript so the server it measures runs without a TypeScript loader: once a second it appends the process's memory to MEMORY_PROBE_FILE as a JSON
 * line, and on SIGUSR2 it runs a full collection and appends what the heap still holds
 * (`retainedMb`). RSS alone follows V8's heap sizing, which grows and shrinks by a third at a
 * steady load; the heap retained after a full collection is the figure a leak would move.
 */
const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const started = Date.now();
  /** @param {number} bytes */
  const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
  /** @param {object} line */
  const write = (line) =>
    appendFileSync(file, JSON.stringify({ at: (Date.now() - started) / 1000, ...line }) + '\n');
  setInterval(() => {
    const m = process.memoryUsage();
    write({ rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal) });
  }, 1000).unref();
  const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
  process.on('SIGUSR2', () => {
    if (!gc) return;
    gc();
    write({ retainedMb: mb(process.memoryUsage().heapUsed) });
  });
}
