import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import type { Layer } from '../../src/lib/data/layers';
import { DEFAULT_LAYERS } from '../../src/lib/map/defaultLayers';
import { openApp, project, waitForIdle, watchPage } from './support/app';

/**
 * Issue 13: about twenty 头门港 projects share one estimated anchor. The map must show that
 * there are several (a count), list them all on one click or Enter, and say so on each card
 * and in the data list, counting only the layers shown.
 */

const PORT_AREA: [number, number] = [121.65, 28.78];

async function clickAt(page: Page, at: [number, number]): Promise<void> {
  const p = await project(page, at);
  await page.locator('.maplibregl-canvas').click({ position: { x: p.x, y: p.y } });
}

/**
 * The names of the places the data puts exactly on PORT_AREA, on the given layers: what the
 * stack there should count and list (the data decides how many; new places change it).
 */
async function portPlaces(request: APIRequestContext, layers: readonly Layer[]): Promise<string[]> {
  const fc = await (await request.get('./data/features.geojson')).json();
  return fc.features
    .filter(
      (f: any) =>
        f.geometry?.type === 'Point' &&
        f.geometry.coordinates[0] === PORT_AREA[0] &&
        f.geometry.coordinates[1] === PORT_AREA[1] &&
        layers.includes(f.properties.layer),
    )
    .map((f: any) => f.properties.name as string);
}

/** What the map's stack symbol at `at` would write: the sum of its visible layers' counts. */
async function countOnMap(page: Page, at: [number, number]): Promise<number | null> {
  const p = await project(page, at);
  return page.evaluate(
    ([x, y]) => {
      const map = (window as any).linhaiMap;
      const hit = map.queryRenderedFeatures([x, y], { layers: ['plan_stack_point'] })[0];
      if (!hit) return null;
      const visible: string[] = map.getGlobalState().visibleLayers;
      return visible.reduce((n, l) => n + Number(hit.properties[`stack_n_${l}`] ?? 0), 0);
    },
    [p.x, p.y],
  );
}

test.describe('places that share one estimated position', () => {
  test('one symbol with the count; a click lists every place; a row opens its card, which leads back', async ({
    page,
    request,
  }) => {
    await watchPage(page);
    // The places of the default layers there (platforms, logistics nodes, port projects).
    const names = await portPlaces(request, DEFAULT_LAYERS);
    const n = names.length;
    expect(n, 'several default-layer places share the 头门港 anchor').toBeGreaterThan(1);
    await openApp(page, '#map=12/28.78/121.65');
    expect(await countOnMap(page, PORT_AREA)).toBe(n);

    await clickAt(page, PORT_AREA);
    const list = page.getByTestId('stack-list');
    await expect(list.getByRole('heading')).toHaveText(`同一位置的 ${n} 处地点`);
    await expect(list).toContainText('共用一个估计位置（±10 公里），并非测绘坐标');
    // Each row: the layer's mark, the name, the layer and the status.
    const geely = list.getByRole('button', { name: /吉利汽车临海产业园\s*产业平台 · 在建/ });
    await expect(geely).toBeVisible();
    await expect(geely).toContainText('园');
    await expect(list.locator('li')).toHaveCount(n);
    for (const name of names) await expect(list).toContainText(name);
    await expect(page.getByTestId('announcer')).toHaveText(`同一位置的 ${n} 处地点，已列出`);

    await list.getByRole('button', { name: /头门港国际物流园/ }).click();
    const card = page.getByTestId('feature-card');
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('头门港国际物流园');
    await expect(card.getByTestId('stack-note')).toContainText(
      `与另外 ${n - 1} 处地点共用同一估计位置`,
    );
    await card.getByRole('button', { name: '查看同一位置的地点' }).click();
    await expect(list).toBeVisible();
    await expect(list.locator('li')).toHaveCount(n);
  });

  test('the list opened from a symbol leaves that symbol in view (the map moves clear of it)', async ({
    page,
  }) => {
    test.slow();
    await watchPage(page);
    // The opening view on a laptop; on a phone, the port area in the middle of the map strip.
    for (const [viewport, hash] of [
      [{ width: 1440, height: 900 }, ''],
      [{ width: 390, height: 844 }, '#map=11/28.78/121.65'],
    ] as const) {
      await page.setViewportSize(viewport);
      await openApp(page, hash);
      await clickAt(page, PORT_AREA);
      const list = page.getByTestId('stack-list');
      await expect(list).toBeVisible();
      await waitForIdle(page);
      const size = `${viewport.width}×${viewport.height}`;
      const map = (await page.getByTestId('map-container').boundingBox())!;
      const rect = (await list.boundingBox())!;
      const s = await project(page, PORT_AREA);
      const x = map.x + s.x;
      const y = map.y + s.y;
      expect(x > map.x && x < map.x + map.width && y > map.y && y < map.y + map.height, size).toBe(
        true,
      );
      const underList =
        x >= rect.x - 16 &&
        x <= rect.x + rect.width + 16 &&
        y >= rect.y - 16 &&
        y <= rect.y + rect.height + 16;
      expect(underList, `${size}: the symbol under its list`).toBe(false);
      expect(await countOnMap(page, PORT_AREA), size).toBeGreaterThan(1);
      await page.keyboard.press('Escape');
      await expect(list).toBeHidden();
    }
  });

  test('in English, the list marks each place as the map does, with a Latin letter', async ({
    page,
    request,
  }) => {
    const n = (await portPlaces(request, DEFAULT_LAYERS)).length;
    await openApp(page, '#map=12/28.78/121.65&lang=en');
    await clickAt(page, PORT_AREA);
    const list = page.getByTestId('stack-list');
    await expect(list.getByRole('heading')).toHaveText(`${n} places at one position`);
    const marks = await list.locator('li .mark').allTextContents();
    expect(marks).toHaveLength(n);
    for (const mark of marks) expect(mark.trim()).toMatch(/^[A-Z]$/);
  });

  test('the count follows the layer toggles', async ({ page, request }) => {
    const withPublic: Layer[] = [...DEFAULT_LAYERS, 'public'];
    const withoutPlatforms = withPublic.filter((l) => l !== 'platforms');
    const all = (await portPlaces(request, withPublic)).length;
    const some = (await portPlaces(request, withoutPlatforms)).length;
    // Both toggles matter there: schools on 教育与医疗, parks on 产业平台.
    expect(all).toBeGreaterThan((await portPlaces(request, DEFAULT_LAYERS)).length);
    expect(some).toBeLessThan(all);
    await openApp(page, '#map=12/28.78/121.65');
    await page.getByRole('checkbox', { name: /教育与医疗/ }).check();
    await waitForIdle(page);
    expect(await countOnMap(page, PORT_AREA)).toBe(all);
    await page.getByRole('checkbox', { name: /产业平台/ }).uncheck();
    await waitForIdle(page);
    expect(await countOnMap(page, PORT_AREA)).toBe(some);
    await clickAt(page, PORT_AREA);
    await expect(page.getByTestId('stack-list').locator('li')).toHaveCount(some);
  });

  test('by keyboard: Enter on the map lists the places under its centre', async ({ page }) => {
    await openApp(page, '#map=12/28.78/121.65');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Enter');
    const list = page.getByTestId('stack-list');
    await expect(list).toBeVisible();
    await expect(list).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('feature-card').getByRole('heading', { level: 2 })).toHaveText(
      '浙江头门港经济开发区',
    );
  });

  test('the data list says which places share their position, and lists them', async ({
    page,
    request,
  }) => {
    const n = (await portPlaces(request, DEFAULT_LAYERS)).length;
    await openApp(page);
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('searchbox').fill('吉利汽车');
    const row = page.locator('tbody tr', { hasText: '吉利汽车临海产业园' });
    await row.getByRole('button', { name: `与另外 ${n - 1} 处共用位置` }).click();
    await expect(page.getByTestId('stack-list').locator('li')).toHaveCount(n);
  });
});

test.describe('find everything, whatever is shown', () => {
  test('a place on a hidden layer is found; choosing it turns its layer on and says so', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    await expect(page.getByRole('checkbox', { name: /文化与旅游/ })).not.toBeChecked();
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('searchbox').fill('古长城');
    const row = page.locator('tbody tr', { hasText: '临海古长城' });
    await expect(row).toContainText('图层未显示');
    await row.getByRole('button', { name: '临海古长城' }).click();

    await expect(page.getByTestId('feature-card').getByRole('heading', { level: 2 })).toHaveText(
      '临海古长城',
    );
    await expect(page.getByTestId('layer-notice')).toHaveText('已打开图层：文化与旅游');
    await expect(page.getByTestId('announcer')).toContainText('已打开图层：文化与旅游');
    await expect(row).not.toContainText('图层未显示');
    await page.getByRole('tab', { name: '图层' }).click();
    await expect(page.getByRole('checkbox', { name: /文化与旅游/ })).toBeChecked();
  });
});
