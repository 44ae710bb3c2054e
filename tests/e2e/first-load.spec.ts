import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { waitForIdle } from './support/app';

/**
 * What a first visit costs the map (issue 23): the base map's files travel alongside the plan
 * data, each once, and once the map is ready nothing redraws it without a reason. Orders and
 * counts only: speed is measured by `npm run bench`, never asserted here.
 */

const BASEMAP_FILES = [
  'land.geojson',
  'counties.geojson',
  'county-labels.geojson',
  'boundary.geojson',
  'coastline.geojson',
  'seats.geojson',
];
const PLAN_FILE = 'features.geojson';

/** The code the app loads on its own after the first draw (comments, session, card, stack list). */
const IDLE_CHUNKS = ['commentsUi', 'sessionUi', 'FeatureCard', 'StackList'];

const dataFile = (url: string) => /\/data\/([^/?#]+)$/.exec(new URL(url).pathname)?.[1];

/** Network requests for `data/` files, in the order they started and finished. */
function logDataRequests(page: Page): string[] {
  const log: string[] = [];
  page.on('request', (request) => {
    const file = dataFile(request.url());
    if (file) log.push(`start ${file}`);
  });
  page.on('requestfinished', (request) => {
    const file = dataFile(request.url());
    if (file) log.push(`end ${file}`);
  });
  return log;
}

test('the base map is requested alongside the plan data, and each file once', async ({ page }) => {
  const log = logDataRequests(page);
  await page.goto('./');
  await waitForIdle(page);

  const planDone = log.indexOf(`end ${PLAN_FILE}`);
  expect(planDone, `${PLAN_FILE} was fetched: ${log.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (const file of BASEMAP_FILES) {
    // Started while the plan data was still on its way, not after the map's first frames…
    const started = log.indexOf(`start ${file}`);
    expect(
      started,
      `${file} requested before ${PLAN_FILE} arrived: ${log.join(', ')}`,
    ).toBeLessThan(planDone);
    expect(started).toBeGreaterThanOrEqual(0);
    // …and the map draws from that response instead of asking again.
    expect(
      log.filter((entry) => entry === `start ${file}`),
      `requests for ${file}`,
    ).toHaveLength(1);
  }
});

test('nothing redraws the map once it is ready, with no session and no comments', async ({
  page,
}) => {
  // Count every frame the map renders after the app signalled ready (`window.__linhaiReady`,
  // src/lib/map/ready.ts), from the moment the map exists, so no frame slips through.
  await page.addInitScript(() => {
    const w = window as any;
    w.__rendersAfterReady = 0;
    let map: any;
    Object.defineProperty(w, 'linhaiMap', {
      configurable: true,
      get: () => map,
      set: (value) => {
        map = value;
        map.on('render', () => {
          if (w.__linhaiReady !== undefined) w.__rendersAfterReady++;
        });
      },
    });
  });
  const idleChunks = IDLE_CHUNKS.map((name) =>
    page.waitForResponse((r) => new RegExp(`/assets/${name}-[^/]*\\.js$`).test(r.url()), {
      timeout: 90_000,
    }),
  );
  await page.goto('./');
  await page.waitForFunction(() => (window as any).__linhaiReady !== undefined, null, {
    timeout: 90_000,
  });
  // The code that loads on idle has arrived and run, and the page has gone quiet…
  await Promise.all(idleChunks);
  await page.waitForLoadState('networkidle');
  // …then a couple of seconds of nobody touching anything.
  await page.waitForTimeout(2_000);

  expect(await page.evaluate(() => (window as any).__rendersAfterReady)).toBe(0);
});

test.describe('a browser without WebGL', () => {
  // MapLibre logs why it could not start; the page says it in its own words (asserted below).
  test.use({ allowedConsoleErrors: { patterns: [/WebGL/i] } });

  test('says the map cannot show, and the panel and the plan text still work', async ({ page }) => {
    // As in a browser with WebGL switched off: every WebGL context request is refused.
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        kind: string,
        ...rest: unknown[]
      ) {
        if (/webgl/i.test(kind)) return null;
        return (getContext as (...a: unknown[]) => RenderingContext | null).call(
          this,
          kind,
          ...rest,
        );
      } as typeof getContext;
    });
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText('此浏览器无法显示地图（需要 WebGL）');
    const panel = page.locator('#tabpanel');
    await expect(panel.getByRole('checkbox').first()).toBeVisible();
    await page.getByRole('tab', { name: '规划文本' }).click();
    await expect(panel.getByRole('heading').first()).toBeVisible();
  });
});
