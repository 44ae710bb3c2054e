import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createComment, type Comment } from '../../src/lib/comments/schema';
import { DEVICE_HEADER, type Session } from '../../src/lib/consultation/api';
import { seriousViolations } from './support/a11y';
import { waitForIdle, watchPage } from './support/app';
import { FACILITATOR_PASSWORD, freePort, TestServer } from './support/server';

/**
 * One device floods a session (a script with a device token, as an abuser
 * would); the facilitator sees it at the top of 发言设备 and mutes it in one
 * action; a participant's phone sees every one of its pins disappear while a
 * neighbour's stays, and the device's next comment is refused.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const FLOOD = 20;

/** Comment pins the map draws (ids). */
async function pinIds(page: Page): Promise<string[]> {
  await waitForIdle(page);
  return page.evaluate(() =>
    (window as any).linhaiMap
      .queryRenderedFeatures({ layers: ['comments_pins'] })
      .map((f: any) => f.properties.id as string)
      .filter((id: string) => id !== 'draft'),
  );
}

async function open(browser: Browser, options: object, url: string) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(url);
  await expect(page.getByTestId('map-container')).toBeVisible();
  await waitForIdle(page);
  return { context, page, watch };
}

test.describe('a flooding device', () => {
  test.slow();
  test.setTimeout(300_000);
  let server: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = new TestServer(await freePort(), { LIMIT_DEVICE_BURST: String(FLOOD + 5) });
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('the facilitator mutes it in one action and a phone sees its pins disappear', async ({
    browser,
  }) => {
    const facilitator = await open(browser, DESKTOP, `${server.url}/#host`);
    const fac = facilitator.page;
    await fac.getByRole('tab', { name: '意见' }).click();
    const tools = fac.getByTestId('facilitator-tools');
    await tools.getByLabel('主持人密码').fill(FACILITATOR_PASSWORD);
    await tools.getByRole('button', { name: '登录' }).click();
    await tools.getByLabel('标题').fill('杜桥镇区交通意见征集');
    await tools.getByRole('button', { name: '创建' }).click();
    await expect(fac.getByTestId('current-session')).toContainText('杜桥镇区交通意见征集');
    const sid = /session=([a-z2-7]{6})/.exec(fac.url())![1]!;
    const session = (await (await fetch(`${server.url}/api/sessions/${sid}`)).json()) as Session;
    const center = session.focus.view!;

    // Comments straight from scripts, around the session's centre so the phone's map draws them.
    const join = async () =>
      (await (await fetch(`${server.url}/api/sessions/${sid}/devices`, { method: 'POST' })).json())
        .token as string;
    const put = (token: string, comment: Comment) =>
      fetch(`${server.url}/api/sessions/${sid}/comments/${comment.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', [DEVICE_HEADER]: token },
        body: JSON.stringify(comment),
      });
    const near = (i: number, text: string) =>
      createComment({
        kind: 'concern',
        text,
        lon: center.lon + ((i % 5) - 2) * 0.004,
        lat: center.lat + (Math.floor(i / 5) - 2) * 0.003,
      });
    const neighbourToken = await join();
    const neighbour = near(12, '杜桥路口需要红绿灯');
    expect((await put(neighbourToken, neighbour)).status).toBe(201);

    const phone = await open(browser, PHONE, `${server.url}/#session=${sid}`);
    const ph = phone.page;
    await expect(ph.getByTestId('session-title')).toHaveText('杜桥镇区交通意见征集');

    const floodToken = await join();
    const flood = Array.from({ length: FLOOD }, (_, i) => near(i, `刷屏广告 ${i}`));
    for (const comment of flood) expect((await put(floodToken, comment)).status).toBe(201);
    const floodIds = new Set(flood.map((c) => c.id));
    await expect
      .poll(async () => (await pinIds(ph)).filter((id) => floodIds.has(id)).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    // The facilitator sees the flood at the top of the devices, with its count, and mutes it.
    const devices = fac.getByTestId('posting-devices').getByTestId('posting-device');
    await expect(devices.first()).toContainText(`${FLOOD} 条意见`);
    await expect(devices.nth(1)).toContainText('1 条意见');
    const label = (await devices.first().getAttribute('data-device'))!;
    expect(label).toMatch(/^[0-9a-f]{8}$/);
    expect(await seriousViolations(fac)).toEqual([]);
    await devices.first().getByRole('button', { name: '禁言此设备' }).click();
    await expect(devices.first()).toContainText('已禁言');
    await expect(devices.first()).toContainText(`${FLOOD} 条已隐藏`);
    await expect(fac.getByTestId('audit-log').getByTestId('audit-entry').first()).toContainText(
      `禁言设备 设备 ${label}`,
    );
    await fac.getByTestId('posting-devices').screenshot({
      path: test.info().outputPath('facilitator-devices-1440.png'),
    });

    // The phone: every pin of the flood gone, the neighbour's still there; no label anywhere.
    await expect
      .poll(async () => (await pinIds(ph)).filter((id) => floodIds.has(id)).length, {
        timeout: 30_000,
      })
      .toBe(0);
    expect(await pinIds(ph)).toContain(neighbour.id);
    await expect(ph.locator('body')).not.toContainText(label);
    await ph.screenshot({ path: test.info().outputPath('phone-after-mute-390.png') });

    // Its next comment is refused with a clear code; unmuting lets it post again.
    const refused = await put(floodToken, near(3, '还想刷'));
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('device_muted');
    await devices.first().getByRole('button', { name: '解除禁言' }).click();
    await expect(devices.first()).not.toContainText('已禁言');
    expect((await put(floodToken, near(4, '正经意见'))).status).toBe(201);

    for (const [, { watch }] of [
      ['facilitator', facilitator],
      ['phone', phone],
    ] as const) {
      expect(watch.external).toEqual([]);
    }
    await facilitator.context.close();
    await phone.context.close();
  });
});
