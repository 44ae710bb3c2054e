/**
 * `npm run screenshots`: the README's pictures, taken from the real app so they stay true.
 * Starts the consultation server on the production build (a temporary data folder), opens a
 * session with a few comments, and photographs the desktop (zh, en), a phone and the projector
 * in Chromium into docs/img/, and the report of a session whose comments were answered. Run after `npm run build`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createComment, type CommentKind } from '../src/lib/comments/schema.ts';
import { CSRF_HEADER, DEVICE_HEADER, type AnswerState } from '../src/lib/consultation/api.ts';
import { FACILITATOR_PASSWORD, freePort, TestServer } from '../tests/e2e/support/server.ts';
import { cookiesFrom } from '../src/server/testing/cookies';

const OUT = join(import.meta.dirname, '..', 'docs', 'img');

/** The participants' comments the projector shows: a few kinds, near the places they talk about. */
const COMMENTS: { kind: CommentKind; text: string; lon: number; lat: number }[] = [
  {
    kind: 'support',
    text: '支持头门港铁路支线尽快开工，物流成本能降下来',
    lon: 121.66,
    lat: 28.77,
  },
  { kind: 'question', text: '临海站到古城的公交会加密吗？', lon: 121.12, lat: 28.86 },
  { kind: 'concern', text: '灵江沿岸施工期间请注意防洪和噪声', lon: 121.2, lat: 28.84 },
  { kind: 'idea', text: '建议在杜桥设一处眼镜产业展示中心', lon: 121.37, lat: 28.72 },
  { kind: 'idea', text: '白沙湾湿地可以建观鸟步道，与桃渚古城串联', lon: 121.59, lat: 28.88 },
];

/** A report's comments: spread over Linhai, each with the answer it gets (or none yet). */
const ANSWERED: {
  kind: CommentKind;
  text: string;
  lon: number;
  lat: number;
  answer?: { state: AnswerState; reply?: string; reason?: string; section?: string };
}[] = [
  {
    ...COMMENTS[0]!,
    answer: { state: 'adopted', reply: '采纳，列入港口集疏运年度实施计划。' },
  },
  {
    ...COMMENTS[1]!,
    answer: { state: 'in_plan', section: '8.1', reply: '规划已安排公交线网优化。' },
  },
  {
    ...COMMENTS[2]!,
    answer: { state: 'partly', reply: '施工方案将增加噪声管控，防洪按既定标准。' },
  },
  { ...COMMENTS[3]!, answer: { state: 'studying', reply: '将会同产业部门研究选址。' } },
  {
    ...COMMENTS[4]!,
    answer: { state: 'rejected', reason: '湿地保护范围内不宜新建设施。', reply: '感谢建议。' },
  },
  { kind: 'concern', text: '括苍山登山步道希望保留', lon: 120.98, lat: 28.86 },
  {
    kind: 'idea',
    text: '东塍镇农村道路需要拓宽',
    lon: 121.27,
    lat: 28.93,
    answer: { state: 'adopted', reply: '列入农村公路提升工程。' },
  },
  {
    kind: 'idea',
    text: '涌泉蜜桔产业园希望增加冷链仓储',
    lon: 121.32,
    lat: 28.76,
    answer: { state: 'partly', reply: '冷链纳入物流布局，选址另定。' },
  },
  { kind: 'idea', text: '上盘镇海岸线请留出公共亲水空间', lon: 121.605, lat: 28.805 },
  {
    kind: 'question',
    text: '白水洋镇到城区的公交班次太少',
    lon: 120.89,
    lat: 28.9,
    answer: { state: 'studying' },
  },
  { kind: 'idea', text: '汇溪镇建议建设乡村养老服务中心', lon: 121.21, lat: 28.96 },
  {
    kind: 'support',
    text: '支持大田街道建设社区体育公园',
    lon: 121.2,
    lat: 28.905,
    answer: { state: 'adopted' },
  },
];

async function api(
  server: TestServer,
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Origin: server.url, 'Content-Type': 'application/json', ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** The facilitator's headers (cookie and CSRF token), logged in once. */
async function facilitator(server: TestServer): Promise<Record<string, string>> {
  const login = await api(server, 'POST', '/api/auth/login', {
    json: { password: FACILITATOR_PASSWORD },
  });
  const { csrf } = (await login.json()) as { csrf: string };
  return { Cookie: cookiesFrom(login), [CSRF_HEADER]: csrf };
}

/**
 * A session as a facilitator would open it, with `comments` posted from phones (a new
 * one every few comments: a device has a burst limit) and answered as they say.
 */
async function prepareSession(
  server: TestServer,
  title: string,
  comments: typeof ANSWERED,
): Promise<string> {
  const headers = await facilitator(server);
  const session = (await (
    await api(server, 'POST', '/api/sessions', { json: { title }, headers })
  ).json()) as { id: string };
  let token = '';
  for (const [i, { answer, ...input }] of comments.entries()) {
    if (i % 6 === 0) {
      token = (
        (await (await api(server, 'POST', `/api/sessions/${session.id}/devices`)).json()) as {
          token: string;
        }
      ).token;
    }
    const comment = createComment(input, new Date());
    await api(server, 'PUT', `/api/sessions/${session.id}/comments/${comment.id}`, {
      json: comment,
      headers: { [DEVICE_HEADER]: token },
    });
    if (answer)
      await api(server, 'POST', `/api/sessions/${session.id}/comments/${comment.id}/answer`, {
        json: answer,
        headers,
      });
  }
  return session.id;
}

/** What the app exposes on window for tests and tools. */
interface AppWindow {
  __linhaiReady?: unknown;
  linhaiMap: { once(event: 'idle', listener: () => void): void; triggerRepaint(): void };
}

/** Wait until the map has drawn everything it has, then one more frame. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as AppWindow).__linhaiReady), null, {
    timeout: 120_000,
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as AppWindow).linhaiMap;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

async function shoot(
  browser: Browser,
  base: string,
  name: string,
  hash: string,
  options: { width: number; height: number; mobile?: boolean },
  /** Bring into view what the picture is of, once the map has settled. */
  frame?: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${base}/${hash}`);
  await settled(page);
  await frame?.(page);
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
  await context.close();
}

/** The report scrolled to its map, the totals' last lines above it. */
async function showReportMap(page: Page): Promise<void> {
  const map = page.getByTestId('report-map');
  await map.locator('svg path.dots').first().waitFor();
  await map.evaluate((el) => {
    const scroller = el.closest('.report-page')!;
    scroller.scrollTop += el.getBoundingClientRect().top - 140;
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'index.html'))) {
    throw new Error('No dist/: run `npm run build` first (`npm run screenshots` does).');
  }
  mkdirSync(OUT, { recursive: true });
  const server = new TestServer(await freePort());
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--use-angle=swiftshader', '--disable-quic', '--no-first-run'],
  });
  try {
    await server.start();
    const sid = await prepareSession(server, '临海“十四五”规划 · 市民意见征集', COMMENTS);
    const answered = await prepareSession(server, '临海“十四五”规划 · 意见采纳情况', ANSWERED);
    console.log('Screenshots into docs/img/:');
    await shoot(browser, server.url, 'desktop-zh', '', { width: 1440, height: 900 });
    await shoot(browser, server.url, 'desktop-en', '#lang=en&section=5.1', {
      width: 1440,
      height: 900,
    });
    await shoot(browser, server.url, 'phone', '#feature=linhai-station', {
      width: 390,
      height: 844,
      mobile: true,
    });
    await shoot(browser, server.url, 'projector', `#session=${sid}&screen=projector`, {
      width: 1920,
      height: 1080,
    });
    await shoot(
      browser,
      server.url,
      'report',
      `#report=${answered}`,
      { width: 1440, height: 900 },
      showReportMap,
    );
  } finally {
    await browser.close();
    await server.dispose();
  }
}

await main();
