import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, waitForIdle, watchPage } from './support/app';
import { openImport } from './support/importUi';

const reader = (page: Page) => page.locator('section.reader');

/** Reader → a section → one of its places' card: the main reading journey. */
async function readAndOpenCard(page: Page, section: RegExp): Promise<void> {
  await page.getByRole('tab', { name: '规划文本' }).click();
  await page
    .getByRole('navigation', { name: /目录/ })
    .getByRole('button', { name: section })
    .click();
  await expect(reader(page).getByRole('heading', { name: section })).toBeVisible();
  await reader(page).locator('.places button').first().click();
  await expect(page.getByTestId('feature-card')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('feature-card')).toBeHidden();
}

test.describe('network cut', () => {
  test('every journey works with all non-local requests aborted', async ({ page }) => {
    const watch = await watchPage(page);
    await openApp(page);
    await readAndOpenCard(page, /构筑开放畅达的内外交通体系/);

    await openImport(page);
    await page.getByTestId('import-text').fill('name,lon,lat\nA,121.13,28.85\n');
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByRole('button', { name: '添加到地图' }).click();
    await page.getByRole('tab', { name: '图层' }).click();
    await expect(page.getByTestId('overlay-legend').locator('li[data-overlay]')).toHaveCount(1);
    await waitForIdle(page);

    expect(watch.external, 'requests that left the local server').toEqual([]);
  });

  test.describe('with the server stopped after load', () => {
    // The service worker is what this test is about (the config may block it elsewhere).
    test.use({ serviceWorkers: 'allow' });
    let server: ChildProcess | undefined;
    test.afterEach(() => {
      if (server && server.exitCode === null) server.kill('SIGTERM');
    });

    test('the app keeps working, and opens again, from the service worker', async ({ page }) => {
      // Its own server to stop, a full precache and two loads: on a loaded machine (load 10+)
      // this outran the default limit once. Every wait below is on a signal, not a clock.
      test.slow();
      const port = await freePort();
      server = spawn(
        process.execPath,
        [
          'node_modules/vite/bin/vite.js',
          'preview',
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--strictPort',
        ],
        { stdio: 'ignore' },
      );
      const base = `http://127.0.0.1:${port}/`;
      await expect
        .poll(
          () =>
            fetch(base).then(
              (r) => r.ok,
              () => false,
            ),
          { timeout: 120_000 },
        )
        .toBe(true);

      const failed: string[] = [];
      page.on('requestfailed', (r) => {
        const error = r.failure()?.errorText;
        // Chromium fetches the favicon again on every hash change and cancels that fetch when
        // the next change comes first: not a request that failed for want of a server.
        if (r.url().endsWith('/favicon.svg') && error === 'net::ERR_ABORTED') return;
        failed.push(`${r.url()} ${error}`);
      });
      await watchPage(page);
      await page.goto(base);
      await waitForIdle(page);
      // Installed (everything precached) and in control of this page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (navigator.serviceWorker.controller) return;
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      });

      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      expect(
        await fetch(base).then(
          () => 'up',
          () => 'down',
        ),
      ).toBe('down');

      await readAndOpenCard(page, /全面提升中心城区能级/);
      await page.getByRole('tab', { name: '图层' }).click();
      const rail = page.locator('input[data-layer="rail"]');
      await rail.uncheck();
      await expect
        .poll(() =>
          page.evaluate(() =>
            (window as any).linhaiMap.getLayoutProperty('plan_rail_line_casing', 'visibility'),
          ),
        )
        .toBe('none');
      await rail.check();
      // Code that was never loaded before the cut comes from the worker's cache.
      await openImport(page);
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: '分析' }).click();
      await expect(page.getByTestId('analysis-panel')).toBeVisible();
      await page.getByRole('button', { name: /English/ }).click();
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/临海“十四五”/);
      await expect(page.getByRole('tab', { name: 'Layers' })).toBeVisible();

      // A second load, with no server at all, still draws the map and the plan.
      await page.reload();
      await waitForIdle(page);
      const drawn = await page.evaluate(() => {
        const map = (window as any).linhaiMap;
        const plan = map
          .getStyle()
          .layers.filter((l: any) => l.source === 'plan')
          .map((l: any) => l.id);
        return {
          plan: map.queryRenderedFeatures({ layers: plan }).length,
          land: map.queryRenderedFeatures({ layers: ['land'] }).length,
        };
      });
      expect(drawn.plan).toBeGreaterThan(20);
      expect(drawn.land).toBeGreaterThan(0);

      expect(failed, 'failed requests').toEqual([]);
    });
  });
});

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
