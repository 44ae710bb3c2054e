import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, project, waitForIdle, watchPage } from './support/app';

const rendered = (page: Page, layerIds: string[]) =>
  page.evaluate(
    (ids) => (window as any).linhaiMap.queryRenderedFeatures({ layers: ids }).length as number,
    layerIds,
  );

const featureState = (page: Page, id: string) =>
  page.evaluate(
    (fid) => (window as any).linhaiMap.getFeatureState({ source: 'plan', id: fid }),
    id,
  );

test.describe('the plan on the map', () => {
  test('toggling a layer hides and shows it', async ({ page }) => {
    await openApp(page);
    const logistics = ['plan_logistics_point'];
    expect(await rendered(page, logistics)).toBeGreaterThan(3);
    await page.getByRole('checkbox', { name: /物流布局/ }).uncheck();
    await waitForIdle(page);
    expect(await rendered(page, logistics)).toBe(0);
    await expect(page).toHaveURL(/layers=/);
    await page.getByRole('checkbox', { name: /物流布局/ }).check();
    await waitForIdle(page);
    expect(await rendered(page, logistics)).toBeGreaterThan(3);
  });

  test('clicking a logistics node opens its card, which links to 专栏五 with the name marked', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    // Zoom in on a 专栏五 node so its symbol is not hidden under its neighbours.
    const node = await page.evaluate(async () => {
      const res = await fetch('data/features.geojson');
      const fc = await res.json();
      // A node alone at its position (several estimated places share an anchor).
      const key = (x: any) => JSON.stringify(x.geometry?.coordinates);
      const count = new Map<string, number>();
      for (const x of fc.features) count.set(key(x), (count.get(key(x)) ?? 0) + 1);
      const f = fc.features.find(
        (x: any) =>
          x.properties.layer === 'logistics' &&
          x.properties.sections.includes('box5') &&
          x.geometry.type === 'Point' &&
          count.get(key(x)) === 1,
      );
      (window as any).linhaiMap.jumpTo({ center: f.geometry.coordinates, zoom: 13 });
      return { id: f.properties.id as string, lngLat: f.geometry.coordinates as [number, number] };
    });
    await waitForIdle(page);
    const at = await project(page, node.lngLat);
    const canvas = page.locator('.maplibregl-canvas');
    await canvas.click({ position: { x: at.x, y: at.y } });

    const card = page.getByTestId('feature-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText('物流布局');
    await expect(card).toContainText(/有出处坐标|估计位置|示意/);
    const name = (await card.getByRole('heading').first().textContent())!.trim();

    await card.getByRole('button', { name: '专栏五', exact: true }).click();
    const reader = page.locator('section.reader');
    await expect(reader).toContainText('专栏五');
    await expect(reader.locator('mark').first()).toBeVisible();
    const marked = await reader.locator('mark').allTextContents();
    expect(marked.some((m) => name.includes(m) || m.includes(name.slice(0, 2)))).toBe(true);
  });

  test('#section=5.1 lights up the three zones and fits the map to them', async ({ page }) => {
    await openApp(page, '#section=5.1');
    for (const zone of ['zone-east', 'zone-central', 'zone-west']) {
      expect(await featureState(page, zone)).toMatchObject({ highlight: true });
    }
    // A place 5.1 does not name (临海站: 专栏五 and 7.3) stays unlit.
    expect((await featureState(page, 'linhai-station')).highlight ?? false).toBe(false);
    await page.getByRole('tab', { name: '图层' }).click();
    await waitForIdle(page);
    expect((await featureState(page, 'zone-east')).highlight).toBe(false);
  });

  test('a year or zone filter keeps the zones and belts on the map, and outlines the chosen zone', async ({
    page,
  }) => {
    await watchPage(page);
    const frame = ['zone-east', 'zone-central', 'zone-west', 'central-city', 'belt-one'];
    const drawnFrame = async () =>
      page.evaluate((ids) => {
        const map = (window as any).linhaiMap;
        const layers = ['plan_zones_area', 'plan_belt_line_planned'];
        const on = new Set(
          map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.id as string),
        );
        return ids.filter((id: string) => on.has(id));
      }, frame);
    for (const hash of ['#year=2025', '#year=2035', '#zone=zone-east', '#section=5.1&year=2025']) {
      await openApp(page, hash);
      expect(await drawnFrame(), hash).toEqual(frame);
    }
    // Only the chosen zone is outlined; clearing the filter takes the outline away.
    await openApp(page, '#zone=zone-east');
    const outlined = () =>
      page.evaluate(() =>
        [
          ...new Set(
            (window as any).linhaiMap
              .queryRenderedFeatures({ layers: ['plan_zones_chosen'] })
              .map((f: any) => f.properties.id as string),
          ),
        ].sort(),
      );
    expect(await outlined()).toEqual(['zone-east']);
    await page.getByRole('combobox', { name: '所在片区' }).selectOption('');
    await waitForIdle(page);
    expect(await outlined()).toEqual([]);
  });

  test('#feature=<id> selects a feature and the card says where its position came from', async ({
    page,
  }) => {
    await openApp(page, '#feature=toumen-port');
    const card = page.getByTestId('feature-card');
    await expect(card.getByRole('heading', { name: '头门港' })).toBeVisible();
    await expect(card).toContainText('估计位置 ±2 km');
    await expect(card).toContainText('lh-019');
    expect(await featureState(page, 'toumen-port')).toMatchObject({ selected: true });
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await expect(page).not.toHaveURL(/feature=/);
  });

  test('the features list focuses a feature on the map', async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('searchbox').fill('临海站');
    await page.getByRole('button', { name: '临海站', exact: true }).first().click();
    await expect(page.getByTestId('feature-card')).toContainText('临海站');
    await waitForIdle(page);
    const zoom = await page.evaluate(() => (window as any).linhaiMap.getZoom());
    expect(zoom).toBeGreaterThan(9.5);
  });
});
