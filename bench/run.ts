/**
 * `npm run bench` (issue 8): the app against a bare-MapLibre baseline drawing the same style,
 * data and default layers, in one headless Chromium run, A and B alternating, cold loads.
 * Prints a table and writes bench/results.json. Not part of `npm test`; nothing here asserts.
 *
 * Env: RUNS (cold loads per page, default 7); SKIP_BUILD=1 (reuse the build); APP_ROOT (build
 * the app from another checkout, e.g. an exported older commit, for before/after); OUT_DIR
 * (build folder, default bench/.out); RESULTS (default bench/results.json).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { geoMetricsBench } from './geo';
import { startServer, type Served } from './server';
import { stats, type Stats } from './stats';

const BENCH = import.meta.dirname;
const REPO = resolve(BENCH, '..');
const OUT = process.env.OUT_DIR ? resolve(process.env.OUT_DIR) : join(BENCH, '.out');
const RESULTS = process.env.RESULTS ? resolve(process.env.RESULTS) : join(BENCH, 'results.json');
const RUNS = Number(process.env.RUNS ?? 7);
const POINTS = [10_000, 50_000];
const VIEWPORT = { width: 1280, height: 800 };

type Variant = 'app' | 'baseline';

/** A function of bench/page/, as plain JS text for `page.evaluate` (tsx would wrap names). */
const pageFunction = (file: string) =>
  readFileSync(join(BENCH, 'page', file), 'utf8').replace(/^[\s\S]*?(?=(async )?function)/, '');
const IMPORT_POINTS = pageFunction('importPoints.js');
const ARM_DIALOG_STAMPS = pageFunction('armDialogStamps.js');
const OVERLAY_IDLE = pageFunction('overlayIdle.js');
const COUNT_DRAWS = pageFunction('countDraws.js');
/** The map has settled when no WebGL draw call came for this long. */
const QUIET_MS = 800;

interface Load {
  readyMs: number;
  /** The last WebGL draw call before QUIET_MS without one, ms since navigation start. */
  settledMs: number;
  /** WebGL draw calls after ready, before any user action (0: nothing redrew the map). */
  drawsAfterReady: number;
  heapMB: number;
  files: Served[];
  /** Requested after ready, before any user action (deferred code). */
  deferred: Served[];
  importMs: Record<number, number>;
  /** App only: 50k points through the real import dialog (file → worker check → add → idle). */
  dialog?: { checkMs: number; addMs: number; totalMs: number };
}

/** The 50k points of importPoints.js as a GeoJSON file (same generator, same seed). */
function pointsFile(n: number): Buffer {
  let seed = 42;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { id: i },
    geometry: { type: 'Point', coordinates: [120.82 + rnd() * 1.12, 28.64 + rnd() * 0.43] },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}
const DIALOG_POINTS = 50_000;
const DIALOG_FILE = pointsFile(DIALOG_POINTS);

/**
 * What a planner waits for: choose the file in the import dialog, the worker checks it, add it,
 * the overlay is drawn. Stamped in the page: the input's `change` → the result shown, and the
 * click on 添加到地图 → the overlay loaded and the map idle. Playwright's own time (sending the
 * 6 MB file over the protocol, the round trip before the click) is left out.
 */
async function importThroughDialog(page: Page): Promise<NonNullable<Load['dialog']>> {
  await page.getByTestId('import-button').click();
  await page.evaluate(`(${ARM_DIALOG_STAMPS})()`);
  await page.getByTestId('import-file').setInputFiles({
    name: 'bench-points.geojson',
    mimeType: 'application/geo+json',
    buffer: DIALOG_FILE,
  });
  await page.getByTestId('import-result').getByText('可以导入').waitFor({ timeout: 300_000 });
  await page.getByRole('button', { name: '添加到地图' }).click();
  const stamps = (await page.evaluate(`(${OVERLAY_IDLE})()`)) as Record<string, number>;
  const checkMs = stamps.checked! - stamps.change!;
  const addMs = stamps.idle! - stamps.add!;
  return { checkMs, addMs, totalMs: checkMs + addMs };
}

function build() {
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
  const run = (args: string[], cwd: string) => {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], {
      cwd,
      env,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
  };
  const appRoot = process.env.APP_ROOT ? resolve(process.env.APP_ROOT) : REPO;
  run(['--outDir', join(OUT, 'app'), '--emptyOutDir'], appRoot);
  run(
    ['--config', join(BENCH, 'vite.baseline.config.ts'), '--outDir', join(OUT, 'baseline')],
    REPO,
  );
}

/** One cold load: new context, cache off; ready time, heap, files sent, then the imports. */
async function load(
  browser: Browser,
  url: string,
  served: () => Served[],
  reset: () => void,
  isApp: boolean,
): Promise<Load & { mapSize: string }> {
  // No service worker: its install precaches the whole build, which the baseline has no
  // counterpart for; the first-load figures are what the map itself needs.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.addInitScript(`(${COUNT_DRAWS})()`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  reset();
  // Not up to `load`: on a busy machine that alone can pass Playwright's 30 s, and the figures
  // below are stamped by the page itself from navigation start.
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__linhaiReady !== undefined, null, { timeout: 120_000 });
  const readyMs = await page.evaluate(() => window.__linhaiReady!);
  // What the page asked for before "ready" (server clock = page clock: one machine). Polling
  // for ready can notice it late, and code deferred until after the first draw must not count.
  const readyAt = await page.evaluate(() => performance.timeOrigin + window.__linhaiReady!);
  const files = served().filter((f) => f.at <= readyAt);
  // Settled: QUIET_MS with no draw call (deferred code that touches the map shows up here).
  await page.waitForFunction(
    (quiet) => {
      const d = (window as unknown as { __draws: { last: number } }).__draws;
      return performance.now() - d.last >= quiet;
    },
    QUIET_MS,
    { timeout: 120_000, polling: 50 },
  );
  const draws = await page.evaluate(
    () => (window as unknown as { __draws: { last: number; afterReady: number } }).__draws,
  );
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const mapSize = await page.evaluate(() => {
    const c = (window as unknown as { linhaiMap: { getContainer(): HTMLElement } }).linhaiMap;
    const el = c.getContainer();
    return `${el.clientWidth}x${el.clientHeight}`;
  });
  const importMs: Record<number, number> = {};
  for (const n of POINTS) importMs[n] = await page.evaluate(`(${IMPORT_POINTS})(${n})`);
  // Loaded after ready without the user asking (the comments code): seconds have passed.
  const deferred = served().filter((f) => f.at > readyAt);
  const dialog = isApp ? await importThroughDialog(page) : undefined;
  await context.close();
  return {
    readyMs,
    settledMs: draws.last,
    drawsAfterReady: draws.afterReady,
    heapMB: heap.usedSize / 2 ** 20,
    files,
    deferred,
    importMs,
    dialog,
    mapSize,
  };
}

const isJs = (f: Served) => f.path.endsWith('.js');
const kb = (bytes: number) => bytes / 1024;
const sum = (files: Served[], pick: (f: Served) => boolean) =>
  files.filter(pick).reduce((a, f) => a + f.gzipBytes, 0);
/** The maplibre-gl chunk when split, else the whole entry (baseline: maplibre + a few KB). */
const isMaplibre = (f: Served) => /maplibre/.test(f.path);

async function main() {
  const load0 = os.loadavg();
  if (!process.env.SKIP_BUILD) build();
  const server = await startServer(OUT);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--disable-quic'],
  });
  const chromiumVersion = browser.version();
  const loads: Record<Variant, Load[]> = { app: [], baseline: [] };
  let mapSize = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      // ABAB…, the first of each pair swapped every round, so drift hits both alike.
      const order: Variant[] = i % 2 ? ['baseline', 'app'] : ['app', 'baseline'];
      if (i === 0) order.splice(0, 2, 'app', 'baseline'); // the app first: it sets the size
      for (const v of order) {
        const url = v === 'app' ? `${server.url}/app/` : `${server.url}/baseline/?size=${mapSize}`;
        const r = await load(browser, url, server.served, server.reset, v === 'app');
        if (v === 'app') mapSize = r.mapSize;
        const { mapSize: _m, ...kept } = r;
        loads[v].push(kept);
        const viaDialog = r.dialog ? `, dialog 50k ${r.dialog.totalMs} ms` : '';
        process.stdout.write(
          `${v.padEnd(8)} #${i + 1}: ready ${r.readyMs.toFixed(0)} ms, settled ${r.settledMs.toFixed(0)} ms (${r.drawsAfterReady} draws after ready), import 50k ${r.importMs[50_000]!.toFixed(0)} ms${viaDialog}\n`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const load1 = os.loadavg();

  const geo = geoMetricsBench();
  const row = (v: Variant, f: (l: Load) => number) => stats(loads[v].map(f));
  const files = (v: Variant) => loads[v][0]!.files;
  const metrics: Record<string, { unit: string; app: Stats; baseline?: Stats }> = {
    'ready (nav start → idle with plan)': {
      unit: 'ms',
      app: row('app', (l) => l.readyMs),
      baseline: row('baseline', (l) => l.readyMs),
    },
    [`settled (last WebGL draw before ${QUIET_MS} ms of quiet)`]: {
      unit: 'ms',
      app: row('app', (l) => l.settledMs),
      baseline: row('baseline', (l) => l.settledMs),
    },
    'WebGL draw calls after ready (no user action)': {
      unit: 'calls',
      app: row('app', (l) => l.drawsAfterReady),
      baseline: row('baseline', (l) => l.drawsAfterReady),
    },
    'JS heap after idle (main thread, after GC)': {
      unit: 'MB',
      app: row('app', (l) => l.heapMB),
      baseline: row('baseline', (l) => l.heapMB),
    },
    ...Object.fromEntries(
      POINTS.map((n) => [
        `${n / 1000}k points → idle`,
        {
          unit: 'ms',
          app: row('app', (l) => l.importMs[n]!),
          baseline: row('baseline', (l) => l.importMs[n]!),
        },
      ]),
    ),
    '50k points via the import dialog → idle': {
      unit: 'ms',
      // Against the baseline adding the same points as a source: the user's whole wait.
      app: row('app', (l) => l.dialog!.totalMs),
      baseline: row('baseline', (l) => l.importMs[DIALOG_POINTS]!),
    },
    '  of which: worker check': { unit: 'ms', app: row('app', (l) => l.dialog!.checkMs) },
    '  of which: add → idle': { unit: 'ms', app: row('app', (l) => l.dialog!.addMs) },
    'JS gzip, first load': {
      unit: 'KB',
      app: stats(loads.app.map((l) => kb(sum(l.files, isJs)))),
      baseline: stats(loads.baseline.map((l) => kb(sum(l.files, isJs)))),
    },
    'all bytes gzip, first load': {
      unit: 'KB',
      app: stats(loads.app.map((l) => kb(sum(l.files, () => true)))),
      baseline: stats(loads.baseline.map((l) => kb(sum(l.files, () => true)))),
    },
    'geo: computeAllMetrics (Node)': { unit: 'ms', app: geo.stats },
  };
  const maplibreKB = kb(sum(files('app'), (f) => isJs(f) && isMaplibre(f)));
  const appJsKB = kb(sum(files('app'), isJs));
  // Unsplit, the app's one chunk holds maplibre: count the baseline's maplibre-only chunk instead.
  const maplibreRefKB = maplibreKB || kb(sum(files('baseline'), isJs));
  const beyondKB = appJsKB - maplibreRefKB;
  const ratio = (m: { app: Stats; baseline?: Stats }) =>
    m.baseline ? m.app.median / m.baseline.median : undefined;
  const budget = {
    'ready ratio ≤ 1.15': ratio(metrics['ready (nav start → idle with plan)']!)! <= 1.15,
    'settled ratio ≤ 1.10':
      ratio(metrics[`settled (last WebGL draw before ${QUIET_MS} ms of quiet)`]!)! <= 1.1,
    'app JS beyond maplibre-gl ≤ 60 KB gzip': beyondKB <= 60,
    '50k points ≤ 2× baseline': ratio(metrics['50k points → idle']!)! <= 2,
    '50k points via the import dialog ≤ 2× baseline':
      ratio(metrics['50k points via the import dialog → idle']!)! <= 2,
  };

  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const lines = [
    `| metric | unit | app median (min–max) | baseline median (min–max) | app/baseline |`,
    `|---|---|---|---|---|`,
    ...Object.entries(metrics).map(([name, m]) => {
      const cell = (s?: Stats) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '—');
      const r = ratio(m);
      return `| ${name} | ${m.unit} | ${cell(m.app)} | ${cell(m.baseline)} | ${r ? r.toFixed(2) : '—'} |`;
    }),
  ];
  const chunkLines = (['app', 'baseline'] as const).flatMap((v) =>
    files(v).map(
      (f) => `  ${v.padEnd(8)} ${f.path.padEnd(48)} ${fmt(kb(f.gzipBytes)).padStart(7)} KB gzip`,
    ),
  );
  console.log(`\n${lines.join('\n')}\n`);
  console.log(`first-load files (gzip as sent):\n${chunkLines.join('\n')}\n`);
  const deferredLines = loads.app[0]!.deferred.map(
    (f) => `  app      ${f.path.padEnd(48)} ${fmt(kb(f.gzipBytes)).padStart(7)} KB gzip`,
  );
  console.log(`loaded after ready, unasked (deferred):\n${deferredLines.join('\n')}\n`);
  console.log(
    `app JS beyond maplibre-gl: ${fmt(beyondKB)} KB gzip (maplibre ${fmt(maplibreRefKB)} KB)`,
  );
  for (const [k, ok] of Object.entries(budget))
    console.log(`budget ${ok ? 'met' : 'NOT met'}: ${k}`);
  console.log(
    `load average: start ${load0.map((x) => x.toFixed(2)).join(' ')}, end ${load1.map((x) => x.toFixed(2)).join(' ')}`,
  );

  const results = {
    date: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO })
      .stdout.toString()
      .trim(),
    // The build is of the working tree: files changed since that commit are counted here.
    uncommittedFiles: spawnSync('git', ['status', '--porcelain'], { cwd: REPO })
      .stdout.toString()
      .split('\n')
      .filter(Boolean).length,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadAverageStart: load0,
      loadAverageEnd: load1,
      node: process.version,
      chromium: chromiumVersion,
      flags: '--use-angle=swiftshader --disable-quic',
      viewport: VIEWPORT,
      mapSize,
    },
    runsPerPage: RUNS,
    definitions: {
      settled: `the last WebGL draw call (drawElements/drawArrays, stamped by bench/page/countDraws.js) before ${QUIET_MS} ms without one, after ready and before any user action, ms since navigation start; drawsAfterReady: draw calls in that time after ready`,
      ready:
        'performance.now() at the first map idle after the plan data was set with the plan source loaded and tiled (src/lib/map/ready.ts), i.e. ms since navigation start',
      heap: 'Runtime.getHeapUsage usedSize on the page after HeapProfiler.collectGarbage (workers not included)',
      import:
        'n points added through window.linhaiMap as a GeoJSON source + circle layer, addSource → idle with the source loaded (same code on both pages)',
      dialog:
        'app only: the 50k points as a file chosen in the import dialog: input change → check result shown (worker), plus click on 添加到地图 → overlay source loaded and map idle, stamped in the page; compared with the baseline adding the same points as a source',
      bytes:
        'response body bytes as sent by the bench server (gzip for text), for requests that arrived before ready (server and page share the clock); deferredFiles: requested after ready without user action; service workers blocked',
    },
    metrics,
    appJsBeyondMaplibreKB: beyondKB,
    maplibreKB: maplibreRefKB,
    files: { app: files('app'), baseline: files('baseline') },
    deferredFiles: loads.app[0]!.deferred,
    budget,
    raw: Object.fromEntries(
      Object.entries(loads).map(([v, ls]) => [
        v,
        ls.map(({ files: _f, deferred: _d, ...rest }) => rest),
      ]),
    ),
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${RESULTS}`);
}

await main();
