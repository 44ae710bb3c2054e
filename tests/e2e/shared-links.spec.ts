import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { drawnAt, project, watchPage } from './support/app';

/**
 * Issue 13: a zoomed-in `#map=` link (what 复制链接 produces) failed about one load in three:
 * MapLibre threw "Out of bounds … _numberToString", the ready signal never came and clicks
 * opened nothing. Each test here is a fresh browser context, as when a link is opened anew.
 */

const PORT_AREA: [number, number] = [121.65, 28.78];

/** Wait for the app's own ready signal: the plan drawn on an idle map. */
async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__linhaiReady !== undefined, null, { timeout: 90_000 });
}

/** Click the map at a lon/lat, offset by some pixels. */
async function clickMap(page: Page, at: [number, number], dx = 0, dy = 0): Promise<void> {
  const p = await project(page, at);
  await page.locator('.maplibregl-canvas').click({ position: { x: p.x + dx, y: p.y + dy } });
}

test.describe('shared links start cleanly, every time', () => {
  for (let run = 1; run <= 7; run++) {
    test(`#map=13/28.78/121.65 opened afresh (${run} of 7): ready, and clicks open the list and a card`, async ({
      page,
    }) => {
      await watchPage(page);
      await page.goto('./#map=13/28.78/121.65');
      await waitForReady(page);
      const view = await page.evaluate(() => {
        const map = (window as any).linhaiMap;
        return { zoom: map.getZoom(), ...map.getCenter() };
      });
      expect(view.zoom).toBeCloseTo(13, 2);
      expect(view.lat).toBeCloseTo(28.78, 3);
      expect(view.lng).toBeCloseTo(121.65, 3);

      // The symbol of the places that share this estimated position lists them.
      await clickMap(page, PORT_AREA);
      await expect(page.getByTestId('stack-list')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('stack-list')).toBeHidden();
      // Beside it, the zone the port area lies in opens its card.
      await clickMap(page, PORT_AREA, 160, 120);
      await expect(page.getByTestId('feature-card')).toBeVisible();
    });
  }

  const others = [
    '#feature=toumen-port&map=13.5/28.7/121.77',
    '#feature=beiyang-tunnel&lang=en',
    '#section=6.1&map=12.5/28.75/121.7',
  ];
  for (const hash of others) {
    test(`${hash} loads cleanly and the map answers clicks`, async ({ page }) => {
      await watchPage(page);
      await page.goto(`./${hash}`);
      await waitForReady(page);
      if (hash.includes('feature=')) await expect(page.getByTestId('feature-card')).toBeVisible();
      if (hash.includes('section='))
        await expect(page.locator('#plan-heading-6\\.1')).toBeVisible();
      await page.keyboard.press('Escape');
      // Where the link points, something answers a click: a linked point itself (the camera
      // keeps a feature clear of its card, so it need not be at the centre), else the centre.
      const linked = /feature=([^&]+)/.exec(hash)?.[1];
      const at = await page.evaluate(async (id) => {
        const fc = await (await fetch('data/features.geojson')).json();
        const g = fc.features.find((f: any) => f.properties.id === id)?.geometry;
        return g?.type === 'Point' ? (g.coordinates as [number, number]) : null;
      }, linked);
      if (at) await clickMap(page, at);
      else {
        const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      }
      await expect(
        page.getByTestId('feature-card').or(page.getByTestId('stack-list')),
      ).toBeVisible();
    });
  }

  test('a link to a view with no plan place in it still gets ready', async ({ page }) => {
    await watchPage(page);
    await page.goto('./#map=14/29.03/120.95');
    await waitForReady(page);
  });
});

test.describe('a link to a place shows the place', () => {
  test('#feature= on a layer hidden by default turns that layer on and draws the place', async ({
    page,
  }) => {
    await watchPage(page);
    // 桃渚军事古城景区 is on 文化与旅游, which the app opens with switched off.
    await page.goto('./#feature=taozhu-military-city');
    await waitForReady(page);
    await expect(page.getByTestId('feature-card')).toContainText('桃渚军事古城景区');
    await page.locator('#tab-layers').click();
    await expect(page.getByRole('checkbox', { name: /文化与旅游/ })).toBeChecked();
    await expect(page).toHaveURL(/layers=[^&]*culture/);
    const at = await page.evaluate(async () => {
      const all = await (await fetch('./data/features.geojson')).json();
      const f = all.features.find((x: any) => x.properties.id === 'taozhu-military-city');
      return f.geometry.coordinates as [number, number];
    });
    await expect
      .poll(() => drawnAt(page, 'taozhu-military-city', at), {
        message: 'the place is drawn, alone or in its stack',
      })
      .toBe(true);
  });

  test('a place the filters leave out: the card says so, and clearing the filters draws it', async ({
    page,
    request,
  }) => {
    await watchPage(page);
    const all = await (await request.get('./data/features.geojson')).json();
    // An existing place on a layer shown by default, linked with a filter for planned places only.
    const place = all.features.find(
      (f: any) =>
        f.geometry.type === 'Point' &&
        f.properties.status === 'existing' &&
        ['platforms', 'logistics', 'port', 'rail'].includes(f.properties.layer),
    );
    const [lon, lat] = place.geometry.coordinates as [number, number];
    await page.goto(`./#feature=${place.properties.id}&status=planned`);
    await waitForReady(page);
    const card = page.getByTestId('feature-card');
    await expect(card).toContainText(place.properties.name);
    const note = card.getByTestId('filtered-note');
    await expect(note).toContainText('当前筛选（状态、目标年份或片区）未包括此地点');
    await note.getByRole('button', { name: '清除筛选' }).click();
    await expect(note).toHaveCount(0);
    await expect(page).not.toHaveURL(/status=/);
    await expect
      .poll(() => drawnAt(page, place.properties.id, [lon, lat]), {
        message: 'the place is drawn once the filters are cleared',
      })
      .toBe(true);
  });
});
