import { expect, type Browser, type Page } from '@playwright/test';
import { waitForIdle, watchPage } from './app';
import { FACILITATOR_PASSWORD, type TestServer } from './server';
import { cookiesFrom } from '../../../src/server/testing/cookies';

/** Screens of a consultation session for e2e: phones, the projector, a laptop; and the API as the facilitator. */

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const PROJECTOR = { viewport: { width: 1920, height: 1080 } };
export const LAPTOP = { viewport: { width: 1440, height: 900 } };

/** A new browser context on `url`, its page watched for requests leaving the server (page errors fail the test through ./test). */
export async function openScreen(browser: Browser, options: object, url: string) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(url);
  await expect(page.getByTestId('map-container')).toBeVisible();
  await waitForIdle(page);
  return { context, page, watch };
}

/** A session created through the API by the facilitator (the UI for this is tested in session.spec). */
export async function createSession(
  server: TestServer,
  body: Record<string, unknown>,
): Promise<string> {
  const response = await asFacilitator(server, 'POST', '/api/sessions', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A session changed through the API by the facilitator (PATCH: title, open, closesAt …). */
export async function updateSession(
  server: TestServer,
  sid: string,
  body: Record<string, unknown>,
): Promise<void> {
  const response = await asFacilitator(server, 'PATCH', `/api/sessions/${sid}`, body);
  expect(response.status).toBe(200);
}

/** A facilitator's request: logs in, then sends `body` with the cookies and CSRF token. */
export async function asFacilitator(
  server: TestServer,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Promise<Response> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ password: FACILITATOR_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = cookiesFrom(login);
  const { csrf } = (await login.json()) as { csrf: string };
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Origin: server.url,
      Cookie: cookie,
      'X-CSRF-Token': csrf,
    },
    body: JSON.stringify(body),
  });
}

/** A participant's comment in Chinese: the map button, a tap in the middle of the map, kind, text, submit. */
export async function postComment(page: Page, kind: string, text: string) {
  await page
    .locator('main')
    .getByRole('button', { name: /添加意见/ })
    .click();
  await expect(page.getByTestId('comment-placing')).toBeVisible();
  const box = (await page.getByTestId('map-container').boundingBox())!;
  await page.getByTestId('map-container').click({
    position: { x: box.width / 2, y: box.height / 2 },
  });
  await page.getByLabel(kind).check();
  await page.getByLabel('意见内容').fill(text);
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByTestId('comments-panel').getByRole('status').first()).toHaveText(
    '意见已保存在本机',
  );
  await page.getByRole('button', { name: /返回意见列表/ }).click();
}

/** The row of a comment in the 意见 list. */
export const commentRow = (page: Page, text: string) =>
  page.getByTestId('comment-list').locator('li').filter({ hasText: text });
