import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, startCluster } from '../../src/server/testing/postgresCluster';
import { startServer } from './harness';
import {
  killRestarts,
  liveDelivery,
  memorySteady,
  readersAndWriters,
  submitLoad,
} from './scenarios';
import { reportLoad } from './reportScenario';
import { seedReportSession, type ReportSeed } from './reportSeed';
import { supportLoad } from './supportScenario';
import { topicSwitch } from './topicScenario';

/**
 * `npm run bench:server`: the consultation server under the issue's five loads,
 * on the embedded PGlite and on a real PostgreSQL (a throwaway cluster), all on
 * loopback, each bounded in time. Writes bench/server-results.json.
 * Durations: BENCH_SUBMIT_SECONDS (60), BENCH_LIVE_SECONDS (20),
 * BENCH_MEMORY_SECONDS (600); BENCH_ONLY=pglite|postgres runs one database;
 * BENCH_READERS_SECONDS (20): 20 readers of a 3,540-comment session against 20 writes/s;
 * BENCH_SUPPORT_SECONDS (30) for 附议; `topic`: 20 agenda switches (正在讨论) reaching 300 phones' feeds;
 * `report`: the report of a 20,000-comment session (BENCH_REPORT_COMMENTS), its JSON read
 * BENCH_REPORT_REQUESTS (20) times per version, rendered in Chromium BENCH_REPORT_RENDERS (3) times, printed once
 * (0: the JSON only; BENCH_REPORT_PRINT=0 skips printing); BENCH_REPORT_SEEDED=<folder> copies a PGlite folder seeded before (its summary in
 * `<folder>.seed.json`) instead of seeding one, for PGlite (the folder itself is never opened);
 * BENCH_SCENARIOS=submit,live,readers,support,topic,report,kill,memory runs some scenarios (cross-instance runs with live)
 * and keeps the other figures already in the results file. Each figure records when it was
 * measured and the machine's load then.
 */

const SCENARIOS = [
  'submit',
  'live',
  'readers',
  'support',
  'topic',
  'report',
  'kill',
  'memory',
] as const;
const chosen = new Set(process.env.BENCH_SCENARIOS?.split(',') ?? SCENARIOS);
const runs = (name: (typeof SCENARIOS)[number]) => chosen.has(name);

// The benchmark measures the built server `npm start` runs (and the report the built app):
// build them first if their sources changed.
const buildArgs = runs('report') ? [] : ['--server'];
if (
  spawnSync(process.execPath, ['scripts/build-if-stale.js', ...buildArgs], { stdio: 'inherit' })
    .status
)
  process.exit(1);

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SUBMIT = seconds('BENCH_SUBMIT_SECONDS', 60);
const LIVE = seconds('BENCH_LIVE_SECONDS', 20);
const MEMORY = seconds('BENCH_MEMORY_SECONDS', 600);
const READERS = seconds('BENCH_READERS_SECONDS', 20);
const SUPPORT = seconds('BENCH_SUPPORT_SECONDS', 30);
const REPORT_COMMENTS = seconds('BENCH_REPORT_COMMENTS', 20_000);
const REPORT_REQUESTS = seconds('BENCH_REPORT_REQUESTS', 20);
const REPORT_RENDERS = seconds('BENCH_REPORT_RENDERS', 3);
const REPORT_SEEDED = process.env.BENCH_REPORT_SEEDED || null;
const only = process.env.BENCH_ONLY;

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const log = (label: string, value: unknown) => console.log(label, JSON.stringify(value));

/** Runs one scenario; a failure is recorded in the results rather than ending the whole run. */
async function scenario<T extends object>(
  label: string,
  run: () => Promise<T>,
): Promise<T | { error: string }> {
  const measured = { measuredAt: new Date().toISOString(), loadAvgAtStart: load() };
  try {
    const value = { ...measured, ...(await run()) };
    log(label, value);
    return value;
  } catch (error) {
    log(label, { error: String(error) });
    return { ...measured, error: String(error) };
  }
}

async function onDatabase(
  kind: 'pglite' | 'postgres',
  target: { dataDir?: string; databaseUrl?: string },
) {
  const result: Record<string, unknown> = { ...previous[kind] };
  const server = await startServer({ port: await freePort(), ...target });
  result.coldStartMs = Math.round(server.readyMs);
  try {
    if (runs('submit'))
      result.submit = await scenario(`${kind} submit`, () =>
        submitLoad(server, { phones: 300, rate: 50, seconds: SUBMIT }),
      );
    if (runs('live'))
      result.live = await scenario(`${kind} live`, () =>
        liveDelivery(server.base, server.base, { subscribers: 500, rate: 10, seconds: LIVE }),
      );
    if (runs('readers'))
      result.readers = await scenario(`${kind} readers`, () =>
        readersAndWriters(server, { comments: 3540, readers: 20, rate: 20, seconds: READERS }),
      );
    if (runs('support'))
      result.support = await scenario(`${kind} 附议`, () =>
        supportLoad(server.base, {
          phones: 300,
          comments: 60,
          rate: 50,
          seconds: SUPPORT,
          listeners: 50,
        }),
      );
    if (runs('topic'))
      result.topicSwitch = await scenario(`${kind} topic switch`, () =>
        topicSwitch(server.base, { listeners: 300, switches: 20, topics: 8, everyMs: 500 }),
      );
    if (kind === 'postgres' && runs('live')) {
      const second = await startServer({ port: await freePort(), ...target });
      try {
        result.crossInstance = await scenario(`${kind} cross-instance`, () =>
          liveDelivery(server.base, second.base, { subscribers: 200, rate: 20, seconds: LIVE }),
        );
      } finally {
        await second.kill();
      }
    }
  } finally {
    await server.kill();
  }
  if (runs('report'))
    result.report = await scenario(`${kind} report`, () => reportOn(kind, target));
  const killPort = await freePort();
  if (runs('kill'))
    result.killRestarts = await scenario(`${kind} kill -9`, () =>
      killRestarts(() => startServer({ port: killPort, ...target }), {
        phones: 100,
        rate: 20,
        kills: 5,
        everyMs: 6000,
      }),
    );
  if (runs('memory')) {
    const steady = await startServer({ port: await freePort(), ...target });
    try {
      result.memory = await scenario(`${kind} memory`, () =>
        memorySteady(steady, {
          rate: 5,
          seconds: MEMORY,
          warmupSeconds: Math.min(60, MEMORY / 5),
        }),
      );
    } finally {
      await steady.kill();
    }
  }
  return result;
}

/**
 * The report scenario on a database of its own (a PGlite folder, or the same PostgreSQL), seeded
 * before its server starts (PGlite has one process per folder); the server serves the app too.
 */
async function reportOn(
  kind: 'pglite' | 'postgres',
  target: { dataDir?: string; databaseUrl?: string },
) {
  const dataDir =
    kind === 'pglite' ? mkdtempSync(join(os.tmpdir(), 'lh-bench-report-')) : undefined;
  const own = dataDir ? { dataDir } : target;
  try {
    let seed: ReportSeed;
    if (dataDir && REPORT_SEEDED) {
      // A copy: PGlite allows one process per folder, and the seeded one must stay as it was.
      cpSync(REPORT_SEEDED, dataDir, { recursive: true });
      seed = JSON.parse(readFileSync(`${REPORT_SEEDED.replace(/\/+$/, '')}.seed.json`, 'utf8'));
      log(`${kind} report copied from ${REPORT_SEEDED}`, seed);
    } else {
      seed = await seedReportSession(own, {
        comments: REPORT_COMMENTS,
        devices: 800,
        supportedShare: 0.45,
        answered: Math.round(REPORT_COMMENTS * 0.15),
        changed: Math.round(REPORT_COMMENTS * 0.02),
      });
      log(`${kind} report seeded`, seed);
    }
    const server = await startServer({ port: await freePort(), ...own, app: true });
    try {
      return await reportLoad(server, seed, {
        requests: REPORT_REQUESTS,
        renders: REPORT_RENDERS,
        print: process.env.BENCH_REPORT_PRINT !== '0',
      });
    } finally {
      await server.kill();
    }
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const out = new URL('../server-results.json', import.meta.url);
// A partial run keeps the figures it did not measure.
const previous: Record<string, Record<string, unknown>> = chosen.size < SCENARIOS.length &&
existsSync(out)
  ? JSON.parse(readFileSync(out, 'utf8'))
  : {};
const results: Record<string, unknown> = {
  ...previous,
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    totalMemGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  durations: {
    submitSeconds: SUBMIT,
    liveSeconds: LIVE,
    readersSeconds: READERS,
    supportSeconds: SUPPORT,
    memorySeconds: MEMORY,
    reportComments: REPORT_COMMENTS,
    reportRequests: REPORT_REQUESTS,
    reportRenders: REPORT_RENDERS,
    reportSeeded: REPORT_SEEDED,
  },
  note: 'Load generated on 127.0.0.1 by this process; the server is a separate process. Each scenario records when it was measured and loadAvgAtStart (1/5/15-minute load averages).',
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
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`written ${out.pathname}`);
process.exit(0);
