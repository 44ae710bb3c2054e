import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, startCluster } from '../../src/server/testing/postgresCluster';
import { startServer } from './harness';
import { killRestarts, liveDelivery, memorySteady, submitLoad } from './scenarios';

/**
 * `npm run bench:server`: the consultation server under the five loads,
 * on the embedded PGlite and on a real PostgreSQL (a throwaway cluster), all on
 * loopback, each bounded in time. Writes bench/server-results.json.
 * Durations: BENCH_SUBMIT_SECONDS (60), BENCH_LIVE_SECONDS (20),
 * BENCH_MEMORY_SECONDS (600); BENCH_ONLY=pglite|postgres runs one database.
 */

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SUBMIT = seconds('BENCH_SUBMIT_SECONDS', 60);
const LIVE = seconds('BENCH_LIVE_SECONDS', 20);
const MEMORY = seconds('BENCH_MEMORY_SECONDS', 600);
const only = process.env.BENCH_ONLY;

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const log = (label: string, value: unknown) => console.log(label, JSON.stringify(value));

async function onDatabase(
  kind: 'pglite' | 'postgres',
  target: { dataDir?: string; databaseUrl?: string },
) {
  const result: Record<string, unknown> = { loadAvgAtStart: load() };
  const port = await freePort();
  const server = await startServer({ port, ...target });
  result.coldStartMs = Math.round(server.readyMs);
  try {
    result.submit = await submitLoad(server.base, { phones: 300, rate: 50, seconds: SUBMIT });
    log(`${kind} submit`, result.submit);
    result.live = await liveDelivery(server.base, server.base, {
      subscribers: 500,
      rate: 10,
      seconds: LIVE,
    });
    log(`${kind} live`, result.live);
    if (kind === 'postgres') {
      const second = await startServer({ port: await freePort(), ...target });
      try {
        result.crossInstance = await liveDelivery(server.base, second.base, {
          subscribers: 200,
          rate: 20,
          seconds: LIVE,
        });
        log(`${kind} cross-instance`, result.crossInstance);
      } finally {
        await second.kill();
      }
    }
  } finally {
    await server.kill();
  }
  const killPort = await freePort();
  result.killRestarts = await killRestarts(() => startServer({ port: killPort, ...target }), {
    phones: 100,
    rate: 20,
    kills: 5,
    everyMs: 6000,
  });
  log(`${kind} kill -9`, result.killRestarts);
  const steady = await startServer({ port: await freePort(), ...target });
  try {
    result.memory = await memorySteady(steady, {
      rate: 5,
      seconds: MEMORY,
      warmupSeconds: Math.min(60, MEMORY / 5),
    });
    log(`${kind} memory`, result.memory);
  } finally {
    await steady.kill();
  }
  result.loadAvgAtEnd = load();
  return result;
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    totalMemGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  loadAvgAtStart: load(),
  durations: { submitSeconds: SUBMIT, liveSeconds: LIVE, memorySeconds: MEMORY },
  note: 'Load generated on 127.0.0.1 by this process; the server is a separate process. loadAvg = 1/5/15-minute load averages.',
};

if (only !== 'postgres') {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'lh-bench-'));
  try {
    results.pglite = await onDatabase('pglite', { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (only !== 'pglite') {
  const cluster = process.env.DATABASE_URL_BENCH ? null : await startCluster();
  try {
    results.postgres = await onDatabase('postgres', {
      databaseUrl: process.env.DATABASE_URL_BENCH ?? cluster!.url,
    });
  } finally {
    cluster?.stop();
  }
}
results.loadAvgAtEnd = load();
const out = new URL('../server-results.json', import.meta.url);
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`written ${out.pathname}`);
process.exit(0);
