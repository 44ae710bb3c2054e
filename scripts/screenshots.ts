/**
 * `npm run screenshots`: the README's pictures, taken from the real app so they stay true.
 * Starts the consultation server on the production build (a temporary data folder), opens a
 * session with a few comments, and photographs the desktop (zh, en), a phone and the projector
 * in Chromium into docs/img/. Run after `npm run build`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createComment, type CommentKind } from '../src/lib/comments/schema.ts';
import { CSRF_HEADER, DEVICE_HEADER } from '../src/lib/consultation/api.ts';
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

/** A session as a facilitator would open it, with the comments above posted from one phone. */
async function prepareSession(server: TestServer): Promise<string> {
  const login = await api(server, 'POST', '/api/auth/login', {
    json: { password: FACILITATOR_PASSWORD },
  });
  const cookie = cookiesFrom(login);
  const { csrf } = (await login.json()) as { csrf: string };
  const session = (await (
    await api(server, 'POST', '/api/sessions', {
      json: { title: '临海“十四五”规划 · 市民意见征集' },
      headers: { Cookie: cookie, [CSRF_HEADER]: csrf },
    })
  ).json()) as { id: string };
  const { token } = (await (
    await api(server, 'POST', `/api/sessions/${session.id}/devices`)
  ).json()) as { token: string };
  for (const input of COMMENTS) {
    const comment = createComment(input, new Date());
    await api(server, 'PUT', `/api/sessions/${session.id}/comments/${comment.id}`, {
      json: comment,
      headers: { [DEVICE_HEADER]: token },
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
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${file}`);
  await context.close();
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
    const sid = await prepareSession(server);
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
  } finally {
    await browser.close();
    await server.dispose();
  }
}

await main();
