import { type Browser } from '@playwright/test';
import { expect, test } from './support/test';
import { startCluster, type Cluster } from '../../src/server/testing/postgresCluster';
import { waitForIdle, watchPage } from './support/app';
import { freePort, TestServer } from './support/server';

/**
 * Two server instances on one PostgreSQL (a throwaway cluster): a phone on
 * instance A posts, a projector on instance B shows the pin live (LISTEN/NOTIFY
 * between the instances, then SSE to the browser). Needs Debian's postgresql
 * (`bash .ci/run` installs it); fails with that sentence when it is missing.
 */

async function open(browser: Browser, viewport: { width: number; height: number }, url: string) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(url);
  await expect(page.getByTestId('map-container')).toBeVisible();
  await waitForIdle(page);
  return { context, page, watch };
}

test.describe('two instances on one PostgreSQL', () => {
  test.slow();
  test.setTimeout(360_000);
  let cluster: Cluster;
  let a: TestServer;
  let b: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster();
    a = new TestServer(await freePort(), { DATABASE_URL: cluster.url });
    b = new TestServer(await freePort(), { DATABASE_URL: cluster.url });
    await a.start();
    await b.start();
  });
  test.afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    cluster?.stop();
  });

  test('a pin posted through one instance shows live in a browser connected to the other', async ({
    browser,
  }) => {
    const health = await (await fetch(`${b.url}/api/health`)).json();
    expect(health.database).toBe('postgres');

    // The facilitator creates the session on instance A.
    const laptop = await open(browser, { width: 1280, height: 800 }, `${a.url}/#host`);
    const fac = laptop.page;
    await fac.getByRole('tab', { name: '意见' }).click();
    const tools = fac.getByTestId('facilitator-tools');
    await tools.getByLabel('主持人密码').fill('e2e-facilitator-password');
    await tools.getByRole('button', { name: '登录' }).click();
    await tools.getByLabel('标题').fill('两台服务器');
    await tools.getByRole('button', { name: '创建' }).click();
    await expect(fac).toHaveURL(/#session=[a-z2-7]{6}/);
    const sid = /session=([a-z2-7]{6})/.exec(fac.url())![1]!;

    // The projector listens on instance B.
    const projector = await open(
      browser,
      { width: 1920, height: 1080 },
      `${b.url}/#session=${sid}&screen=projector`,
    );
    await expect(projector.page.getByTestId('projector-total')).toHaveText('共 0 条');

    // The facilitator's laptop posts through instance A.
    await fac
      .locator('main')
      .getByRole('button', { name: /添加意见/ })
      .click();
    const box = (await fac.getByTestId('map-container').boundingBox())!;
    await fac
      .getByTestId('map-container')
      .click({ position: { x: box.width / 2, y: box.height / 2 } });
    await fac.getByLabel('支持').check();
    await fac.getByLabel('意见内容').fill('经由另一台服务器');
    await fac.getByRole('button', { name: '提交意见' }).click();

    await expect(projector.page.getByTestId('count-support')).toHaveText('1');
    await expect(projector.page.getByTestId('projector-ticker')).toContainText('经由另一台服务器');
    expect([...laptop.watch.external, ...projector.watch.external]).toEqual([]);
    await Promise.all([laptop.context.close(), projector.context.close()]);
  });
});
