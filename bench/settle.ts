/**
 * `npm run bench:settle`: "settled" only (see run.ts), for iterating on start-up: builds that
 * are already made (folders under ROOT, each a `vite build` output; one named `baseline…` is the
 * bare page, `npx vite build --config bench/vite.baseline.config.ts`), interleaved ABC, CBA…,
 * cold loads, no imports. Compare ratios measured in the same run. Nothing here asserts.
 *
 * Env: ROOT (folder of builds), VARIANTS (comma list of its sub-folders), RUNS (default 5),
 * SIZE (the baseline's map size, default the first app's).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from './server';
import { stats } from './stats';

const ROOT = process.env.ROOT;
const VARIANTS = process.env.VARIANTS?.split(',');
if (!ROOT || !VARIANTS) throw new Error('set ROOT (a folder of builds) and VARIANTS (a,b,…)');
const RUNS = Number(process.env.RUNS ?? 5);
const COUNT_DRAWS = readFileSync(
  join(import.meta.dirname, 'page', 'countDraws.js'),
  'utf8',
).replace(/^[\s\S]*?(?=function)/, '');
const isBaseline = (v: string) => v.startsWith('baseline');

interface Draws {
  last: number;
  afterReady: number;
}
const server = await startServer(ROOT);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--disable-quic'],
});
const settled: Record<string, number[]> = {};
let size = process.env.SIZE;
const load0 = os.loadavg();
try {
  for (let i = 0; i < RUNS; i++) {
    for (const v of i % 2 ? [...VARIANTS].reverse() : VARIANTS) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.addInitScript(`(${COUNT_DRAWS})()`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const query = isBaseline(v) && size ? `?size=${size}` : '';
      await page.goto(`${server.url}/${v}/${query}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__linhaiReady !== undefined, null, {
        timeout: 120_000,
      });
      await page.waitForFunction(
        () => performance.now() - (window as unknown as { __draws: Draws }).__draws.last >= 800,
        null,
        { timeout: 120_000, polling: 50 },
      );
      const draws = await page.evaluate(() => (window as unknown as { __draws: Draws }).__draws);
      if (!isBaseline(v)) {
        size ??= await page.evaluate(() => {
          const map = (window as unknown as { linhaiMap: { getContainer(): HTMLElement } })
            .linhaiMap;
          return `${map.getContainer().clientWidth}x${map.getContainer().clientHeight}`;
        });
      }
      (settled[v] ??= []).push(draws.last);
      console.log(
        `${v.padEnd(12)} #${i + 1}: settled ${draws.last.toFixed(0)} ms (${draws.afterReady} draws after ready)`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const reference = stats(settled[VARIANTS.find(isBaseline) ?? VARIANTS[0]!]!).median;
for (const v of VARIANTS) {
  const s = stats(settled[v]!);
  console.log(
    `${v.padEnd(12)} settled median ${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)}), ${(s.median / reference).toFixed(2)}× the reference`,
  );
}
const avg = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`load average: start ${avg(load0)}, end ${avg(os.loadavg())}`);
