import { appendFileSync } from 'node:fs';

/**
 * Loaded into the benchmark's server process (`--import`), never into `npm start`: once a
 * second it appends the process's memory to MEMORY_PROBE_FILE as a JSON line. RSS alone
 * follows V8's heap sizing, which swings by a third at a steady load; the heap in use after
 * each collection is the figure a leak would move.
 */
const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const started = Date.now();
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
    const line = {
      at: (Date.now() - started) / 1000,
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      heapTotalMb: mb(m.heapTotal),
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
  }, 1000).unref();
}
