import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { percentile, round } from './harness';

/**
 * The report page `#report=<sid>` in headless Chromium (/usr/bin/chromium, as
 * `npm run bench` uses): from navigation until the report is rendered — the
 * page marks itself `data-ready` once its totals, map and the top of the
 * 采纳情况 table are in the DOM, and the first frame after that (style,
 * layout, paint done) is the end — and until every row of the table is built
 * (`data-complete`, the rest are built a few at a time after the first
 * paint); then `page.pdf()` of it, with its page count. Main-thread busy time
 * (until complete) comes from Chromium's own metrics, so a busy machine shows
 * as waiting, not as work.
 */

const VIEWPORT = { width: 1440, height: 900 };

/**
 * Runs in the page before the app: stamps the ready mark and the first frame after it, then
 * the table's `data-complete` (every row built) and the first frame after that.
 */
const STAMP_READY = `
  window.__report = {};
  const stampWhen = (selector, key) =>
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector) || window.__report[key]) return;
      observer.disconnect();
      window.__report[key] = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => (window.__report[key + 'Painted'] = performance.now()), 0),
      );
    }).observe(document, { subtree: true, childList: true, attributes: true });
  stampWhen('[data-testid="report-page"][data-ready]', 'ready');
  stampWhen('[data-testid="report-adoption"][data-complete]', 'complete');
`;

interface Render {
  /** The page's ready mark, ms since navigation start. */
  readyMs: number;
  /** The first frame after it: the report on screen, the table's top rows in it. */
  renderedMs: number;
  /** The first frame after the table's last row was built (they are built after the first paint). */
  completeMs: number;
  /** The report's JSON asked for and fully received, ms since navigation start: the server's share. */
  jsonStartMs: number;
  jsonEndMs: number;
  /** Main-thread busy time until complete (Chromium's TaskDuration), ms. */
  mainThreadMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Rows of the 采纳情况 table in the DOM. */
  tableRows: number;
  heapMb: number;
}

async function metrics(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
    return {
      task: (m.TaskDuration ?? 0) * 1000,
      script: (m.ScriptDuration ?? 0) * 1000,
      layout: (m.LayoutDuration ?? 0) * 1000,
      style: (m.RecalcStyleDuration ?? 0) * 1000,
      heapMb: (m.JSHeapUsedSize ?? 0) / 2 ** 20,
    };
  };
}

async function render(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; render: Render; read: Awaited<ReturnType<typeof metrics>> }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const read = await metrics(page);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () =>
      (window as unknown as { __report?: { completePainted?: number } }).__report?.completePainted,
    undefined,
    { timeout: 300_000, polling: 50 },
  );
  await handle.dispose();
  if (errors.length) throw new Error(`page error: ${errors[0]}`);
  const stamps = (await page.evaluate('window.__report')) as {
    ready: number;
    readyPainted: number;
    completePainted: number;
  };
  const json = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /\/report$/.test(new URL(e.name).pathname)) as PerformanceResourceTiming;
    return { start: entry?.startTime ?? NaN, end: entry?.responseEnd ?? NaN };
  });
  const tableRows = await page.locator('[data-testid="report-adoption"] tr[data-id]').count();
  const m = await read();
  return {
    page,
    read,
    render: {
      readyMs: round(stamps.ready),
      renderedMs: round(stamps.readyPainted),
      completeMs: round(stamps.completePainted),
      jsonStartMs: round(json.start),
      jsonEndMs: round(json.end),
      mainThreadMs: round(m.task, 0),
      scriptMs: round(m.script, 0),
      layoutMs: round(m.layout, 0),
      styleMs: round(m.style, 0),
      tableRows,
      heapMb: round(m.heapMb),
    },
  };
}

const summary = (runs: Render[]) => ({
  runs,
  p50Ms: round(
    percentile(
      runs.map((r) => r.renderedMs),
      50,
    ),
  ),
  p95Ms: round(
    percentile(
      runs.map((r) => r.renderedMs),
      95,
    ),
  ),
  completeP50Ms: round(
    percentile(
      runs.map((r) => r.completeMs),
      50,
    ),
  ),
  mainThreadP50Ms: round(
    percentile(
      runs.map((r) => r.mainThreadMs),
      50,
    ),
    0,
  ),
});

export async function reportInBrowser(
  base: string,
  sid: string,
  options: { renders: number; print: boolean; cookie: string; expectedRows: number },
) {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--disable-background-networking', '--no-first-run'],
  });
  const url = `${base}/#report=${sid}`;
  const newContext = async (facilitator: boolean) => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    });
    await context.addInitScript({ content: STAMP_READY });
    if (facilitator)
      await context.addCookies(
        options.cookie.split('; ').map((pair) => {
          const [name, ...value] = pair.split('=');
          return { name: name!, value: value.join('='), url: base };
        }),
      );
    return context;
  };
  try {
    const runs: Render[] = [];
    let pdf: Record<string, unknown> = {};
    for (let i = 0; i < options.renders; i++) {
      const context = await newContext(false);
      try {
        const { page, render: run, read } = await render(context, url);
        runs.push(run);
        if (run.tableRows !== options.expectedRows)
          throw new Error(`${run.tableRows} table rows rendered, ${options.expectedRows} expected`);
        if (options.print && i === options.renders - 1) {
          // Printed: every row on paper (the table is never virtualised), the header on each page.
          const before = await read();
          const start = performance.now();
          const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          const ms = performance.now() - start;
          const after = await read();
          const text = bytes.toString('latin1');
          pdf = {
            ms: round(ms, 0),
            pages: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length,
            mb: round(bytes.byteLength / 2 ** 20, 1),
            mainThreadMs: round(after.task - before.task, 0),
          };
        }
      } finally {
        await context.close();
      }
    }
    const facilitatorContext = await newContext(true);
    let facilitator: Render;
    try {
      facilitator = (await render(facilitatorContext, url)).render;
    } finally {
      await facilitatorContext.close();
    }
    return {
      chromium: browser.version(),
      viewport: VIEWPORT,
      public: summary(runs),
      facilitator,
      pdf,
    };
  } finally {
    await browser.close();
  }
}
