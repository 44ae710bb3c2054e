import { readFileSync } from 'node:fs';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { hex, near, openApp, project, readCanvas, waitForIdle, watchPage } from './support/app';
import type { PlanFeatureCollection } from '../../src/lib/data/features';
import type { Layer } from '../../src/lib/data/layers';
import { LAYER_LOOK } from '../../src/lib/map/planTheme';
import { findStacks, stackByFeature } from '../../src/lib/map/stacks';
import { LIGHT } from '../../src/lib/map/theme';
import { exportLayout } from '../../src/lib/ui/export/layout';

/** Han characters, kana, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

interface RenderedSymbol {
  layer: string;
  textField: unknown;
  properties: Record<string, unknown>;
}

/**
 * The text of every label and mark drawn on the map now: MapLibre reports the features it
 * placed; each layer's `text-field` is evaluated for them with the map's own global state
 * and zoom (the style-spec evaluator MapLibre itself uses).
 */
async function renderedTexts(page: Page): Promise<string[]> {
  const { symbols, zoom, globalState } = await page.evaluate(() => {
    const map = (window as any).linhaiMap;
    const layers = map
      .getStyle()
      .layers.filter((l: any) => l.type === 'symbol')
      .map((l: any) => l.id);
    const symbols = map.queryRenderedFeatures({ layers }).map((f: any) => ({
      layer: f.layer.id,
      textField: map.getLayoutProperty(f.layer.id, 'text-field'),
      properties: f.properties,
    }));
    return { symbols, zoom: map.getZoom(), globalState: map.getGlobalState() };
  });
  return (symbols as RenderedSymbol[]).map((s) => {
    const parsed = createPropertyExpression(
      s.textField,
      latest.layout_symbol['text-field'] as never,
      globalState,
    );
    if (parsed.result !== 'success') throw new Error(`${s.layer}: bad text-field`);
    return String(
      parsed.value.evaluate({ zoom, globalState }, { type: 'Point', properties: s.properties }),
    );
  });
}

/** Visible text of an element, leaving out what is marked as the plan's Chinese. */
async function textOutsideChinese(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) throw new Error(`no ${sel}`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('[lang="zh-CN"]')) continue;
      out += node.textContent;
    }
    return out;
  }, selector);
}

/**
 * A run of pixels from open sea inside the coast data's extent to the veil beyond it: sea at
 * its start, the veil at its end, and between them a fade, not a line or a step.
 */
function expectFade(pixels: number[], where: string): void {
  const sea = hex(LIGHT.sea);
  const veil = hex(LIGHT.unmapped);
  const contrast = Math.max(...sea.map((c, i) => Math.abs(c - veil[i]!)));
  const rgb: number[][] = [];
  for (let i = 0; i < pixels.length; i += 4) rgb.push(pixels.slice(i, i + 3));
  // The largest change of any colour channel between pixels 2 apart.
  let step = 0;
  for (let i = 2; i < rgb.length; i++)
    step = Math.max(step, ...rgb[i]!.map((c, k) => Math.abs(c - rgb[i - 2]![k]!)));
  const [first, last] = [rgb[0]!, rgb[rgb.length - 1]!];
  expect(near(first, sea, 8), `${where}: ${first}`).toBe(true);
  expect(near(last, veil, 3), `${where}: ${last}`).toBe(true);
  expect(step, where).toBeLessThan(contrast * 0.25);
}

test.describe('the map reads well', () => {
  test('in English, labels, marks, the attribution and the legend have no Chinese', async ({
    page,
  }) => {
    await watchPage(page);
    const layers: Layer[] = [
      'zones',
      'belt',
      'platforms',
      'logistics',
      'port',
      'rail',
      'expressways',
      'culture',
    ];
    await openApp(page, `#lang=en&layers=${layers.join(',')}`);
    const texts = await renderedTexts(page);
    // Towns, counties, zones and marks are all drawn, in Latin letters. A layer's mark is
    // drawn for its points off a stack (places sharing one position show the stack's count
    // instead), so the expected marks follow the data: today every port point is stacked.
    const data = JSON.parse(
      readFileSync(new URL('../../geodata/plan-features.geojson', import.meta.url), 'utf8'),
    ) as PlanFeatureCollection;
    const shown = data.features.filter((f) => f.geometry && layers.includes(f.properties.layer));
    const stacked = stackByFeature(findStacks(shown));
    const marked = new Set(
      shown
        .filter((f) => f.geometry.type === 'Point' && !stacked.has(f.properties.id))
        .map((f) => LAYER_LOOK[f.properties.layer].markEn),
    );
    expect(marked.size).toBeGreaterThan(1);
    expect(texts.length).toBeGreaterThan(30);
    expect(texts).toEqual(expect.arrayContaining(['Duqiao', 'Tiantai', ...marked]));
    expect(texts.filter((t) => CJK.test(t))).toEqual([]);
    // Zooming in brings the place names (from zoom 9.2): English too.
    await page.evaluate(() =>
      (window as any).linhaiMap.jumpTo({ center: [121.15, 28.85], zoom: 11 }),
    );
    await waitForIdle(page);
    const close = await renderedTexts(page);
    expect(close.some((t) => t.length > 12)).toBe(true);
    expect(close.filter((t) => CJK.test(t))).toEqual([]);

    const attribution = await textOutsideChinese(page, '.maplibregl-ctrl-attrib');
    expect(attribution).toContain('not a survey');
    expect(attribution).not.toMatch(CJK);
    const legend = await textOutsideChinese(page, '#tabpanel');
    expect(legend).toContain('Industrial platforms');
    expect(legend).not.toMatch(CJK);

    // Back to Chinese: the same labels, in Chinese, with no rebuild of the map.
    await page.getByRole('button', { name: /中文/ }).click();
    await waitForIdle(page);
    expect((await renderedTexts(page)).some((t) => CJK.test(t))).toBe(true);
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('非测绘成果');
  });

  test('on a phone the attribution starts folded, its caveat one tap away', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    const inner = attribution.locator('.maplibregl-ctrl-attrib-inner');
    await expect(attribution).toHaveClass(/maplibregl-compact/);
    await expect(inner).toBeHidden();
    const folded = (await attribution.boundingBox())!;
    expect(folded.width * folded.height).toBeLessThan(40 * 40);
    await attribution.locator('summary').click();
    await expect(inner).toBeVisible();
    await expect(inner).toContainText('非测绘成果');
  });

  test("a card's section link fits the section's places clear of the card", async ({ page }) => {
    await openApp(page, '#feature=toumen-port');
    const card = page.getByTestId('feature-card');
    await expect(card).toBeVisible();
    await card.locator('button[data-section="6.1"]').click();
    await expect(page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(card).toBeVisible();
    await waitForIdle(page);
    const points = await page.evaluate(async () => {
      const data = await (await fetch('data/features.geojson')).json();
      return data.features
        .filter((f: any) => f.properties.sections.includes('6.1') && f.geometry.type === 'Point')
        .map((f: any) => f.geometry.coordinates as [number, number]);
    });
    expect(points.length).toBeGreaterThan(2);
    const map = (await page.getByTestId('map-container').boundingBox())!;
    const rect = (await card.boundingBox())!;
    for (const p of points) {
      const s = await project(page, p);
      const x = map.x + s.x;
      const y = map.y + s.y;
      expect(x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height).toBe(
        true,
      );
      const underCard =
        x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
      expect(underCard, `${p} under the card`).toBe(false);
    }
  });

  test('a linked place opens clear of its card on every screen size', async ({ page }) => {
    test.slow();
    await watchPage(page);
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => (location.hash = ''));
      await openApp(page, '#feature=linhai-station');
      const card = page.getByTestId('feature-card');
      await expect(card).toBeVisible();
      await waitForIdle(page);
      const at = await page.evaluate(async () => {
        const data = await (await fetch('data/features.geojson')).json();
        const f = data.features.find((x: any) => x.properties.id === 'linhai-station');
        return f.geometry.coordinates as [number, number];
      });
      const map = (await page.getByTestId('map-container').boundingBox())!;
      const rect = (await card.boundingBox())!;
      const s = await project(page, at);
      const x = map.x + s.x;
      const y = map.y + s.y;
      const size = `${viewport.width}×${viewport.height}`;
      expect(x > map.x && x < map.x + map.width && y > map.y && y < map.y + map.height, size).toBe(
        true,
      );
      const underCard =
        x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
      expect(underCard, `${size}: the station under the card`).toBe(false);
    }
  });

  test('the export menu opens above an open card', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, '#feature=toumen-port');
    await expect(page.getByTestId('feature-card')).toBeVisible();
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const item = page.getByRole('button', { name: '导出地图图片（PNG）' });
    await expect(item).toBeVisible();
    const box = (await item.boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('#export-menu') !== null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe(true);
  });

  test('presenter mode makes the labels larger and survives a reload', async ({ page }) => {
    await openApp(page);
    /** The town labels' size at the current zoom, as the style evaluates it. */
    const labelSize = async () => {
      const { value, zoom, globalState } = await page.evaluate(() => {
        const map = (window as any).linhaiMap;
        return {
          value: map.getLayoutProperty('seats_labels', 'text-size'),
          zoom: map.getZoom(),
          globalState: map.getGlobalState(),
        };
      });
      const parsed = createPropertyExpression(
        value,
        latest.layout_symbol['text-size'] as never,
        globalState,
      );
      if (parsed.result !== 'success') throw new Error('bad text-size');
      return parsed.value.evaluate({ zoom, globalState }, { type: 'Point', properties: {} });
    };
    const normal = await labelSize();
    const toggle = page.getByTestId('presenter-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/[#&]present=1/);
    const large = await labelSize();
    expect(large).toBeGreaterThanOrEqual(normal * 1.5);
    // The page's type grows with the map's.
    const fontSize = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await fontSize()).toBeGreaterThan(15);

    await page.reload();
    await waitForIdle(page);
    await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
    // (The reloaded view's zoom is the link's, rounded to 2 decimals.)
    expect(await labelSize()).toBeCloseTo(large, 1);
    // And off again: the link no longer carries it.
    await page.getByTestId('presenter-toggle').click();
    await expect(page).not.toHaveURL(/present=1/);
    expect(await labelSize()).toBeCloseTo(normal, 1);
  });

  test('uncertainty rings stay off the city-scale map unless their place is selected', async ({
    page,
  }) => {
    // Four camera moves on a shared two-core machine: a larger budget, no timing assertion.
    test.slow();
    await openApp(page);
    const rings = () =>
      page.evaluate(() => {
        const map = (window as any).linhaiMap;
        const layers = map
          .getStyle()
          .layers.map((l: any) => l.id)
          .filter((id: string) => id.includes('uncertainty'));
        return [
          ...new Set<string>(
            map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.id ?? 'seat'),
          ),
        ];
      });
    const cityScale = async () => {
      await page.evaluate(() =>
        (window as any).linhaiMap.jumpTo({ center: [121.38, 28.85], zoom: 9.5 }),
      );
      await waitForIdle(page);
    };
    await cityScale();
    expect(await rings()).toEqual([]);
    // Selected: its ring (±8 km) is drawn, and only its. Following the link fits the place
    // once the map has taken in the selection (the app's own camera move, ending after the
    // card shows): wait for that move to end, or it lands after the city-scale jump.
    await page.evaluate(() => {
      const w = window as any;
      w.fitted = false;
      w.linhaiMap.once('moveend', () => (w.fitted = true));
      location.hash = '#feature=toumen-edz';
    });
    await expect(page.getByTestId('feature-card')).toBeVisible();
    await page.waitForFunction(() => (window as any).fitted);
    await cityScale();
    expect(await rings()).toEqual(['toumen-edz']);
    // Zoomed in, every estimated place in view has its ring again.
    await page.evaluate(() =>
      (window as any).linhaiMap.jumpTo({ center: [121.65, 28.78], zoom: 11.5 }),
    );
    await waitForIdle(page);
    expect((await rings()).length).toBeGreaterThan(1);
  });

  test('zoomed out, the world beyond the coast data is veiled, not painted as sea', async ({
    page,
  }) => {
    await openApp(page, '#map=7.6/28.85/121.3');
    // A spot beyond the data's extent (120.6–122.1 E, 28.45–29.3 N), on screen, where no
    // county is drawn either: it must be neither sea nor land colour.
    const spot = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      const canvas = map.getCanvas();
      for (const ll of [
        [120.45, 29.4],
        [120.3, 29.42],
        [122.3, 29.4],
        [120.35, 28.35],
        [122.4, 28.5],
      ]) {
        const p = map.project(ll);
        const inView =
          p.x > 4 && p.y > 4 && p.x < canvas.clientWidth - 4 && p.y < canvas.clientHeight - 4;
        if (!inView) continue;
        const drawn = map.queryRenderedFeatures(p, {
          layers: ['counties_fill', 'land', 'city_fill'],
        });
        if (drawn.length === 0) return { x: p.x, y: p.y };
      }
      return null;
    });
    expect(spot).not.toBeNull();
    const pixels = await readCanvas(page, { x: spot!.x - 2, y: spot!.y - 2, width: 4, height: 4 });
    const colour = pixels.slice(0, 3);
    expect(near(colour, hex(LIGHT.unmapped), 3), String(colour)).toBe(true);
    expect(near(colour, hex(LIGHT.sea), 6)).toBe(false);
    // Inside the extent the sea is still sea (away from the edge, where it fades into the veil).
    const sea = await project(page, [121.95, 28.9]);
    const seaPixels = await readCanvas(page, { x: sea.x - 2, y: sea.y - 2, width: 4, height: 4 });
    expect(near(seaPixels.slice(0, 3), hex(LIGHT.sea), 6)).toBe(true);
  });

  test('at zoom ≤ 9 the edge of the coast data fades out: no straight step in the sea', async ({
    page,
  }) => {
    for (const zoom of [8.5, 9]) {
      await openApp(page, `#map=${zoom}/28.55/121.9`);
      // Across the east edge (122.1° E) at 28.6° N and the south edge (28.45° N) at 121.95° E:
      // open sea inside, no island or line on either run.
      const east = await project(page, [122.1, 28.6]);
      const south = await project(page, [121.95, 28.45]);
      const runs = [
        await readCanvas(page, { x: east.x - 80, y: east.y, width: 100, height: 1 }),
        await readCanvas(page, { x: south.x, y: south.y - 80, width: 1, height: 100 }),
      ];
      for (const [i, run] of runs.entries())
        expectFade(run, `zoom ${zoom}, ${i === 0 ? 'east' : 'south'} edge`);
    }
  });

  test('the PNG export keeps the faded edge of the coast data', async ({ page }) => {
    test.slow();
    await openApp(page, '#map=8.5/28.55/121.9');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出地图图片（PNG）' }).click();
    const png = readFileSync((await (await downloading).path())!).toString('base64');
    const ratio = await page.evaluate(() => (window as any).linhaiMap.getPixelRatio());
    const canvas = await page.evaluate(() => {
      const c: HTMLCanvasElement = (window as any).linhaiMap.getCanvas();
      return { width: c.width, height: c.height };
    });
    const at = exportLayout(canvas.width, canvas.height, ratio).map;
    const east = await project(page, [122.1, 28.6]);
    const south = await project(page, [121.95, 28.45]);
    // The same runs across the east and south edges as on the map, read from the exported
    // picture where its map part puts them (the map is copied there pixel for pixel).
    const runs = await page.evaluate(
      async ({ data, at, ratio, rects }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = document.createElement('canvas');
        c.width = image.width;
        c.height = image.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        return rects.map((r) =>
          Array.from(
            ctx.getImageData(
              Math.round(at.x + r.x * ratio),
              Math.round(at.y + r.y * ratio),
              Math.max(1, Math.round(r.width * ratio)),
              Math.max(1, Math.round(r.height * ratio)),
            ).data,
          ),
        );
      },
      {
        data: png,
        at,
        ratio,
        rects: [
          { x: east.x - 80, y: east.y, width: 100, height: 1 },
          { x: south.x, y: south.y - 80, width: 1, height: 100 },
        ],
      },
    );
    expectFade(runs[0]!, 'export, east edge');
    expectFade(runs[1]!, 'export, south edge');
  });

  test('a measured line is labelled on the map with its length', async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '分析' }).click();
    const tool = page.getByTestId('measure-tool');
    await tool.getByRole('button', { name: '测距离' }).click();
    const box = (await page.getByTestId('map-container').boundingBox())!;
    for (const [fx, fy] of [
      [0.3, 0.45],
      [0.65, 0.6],
    ])
      await page.mouse.click(box.x + box.width * fx!, box.y + box.height * fy!);
    await page.keyboard.press('Enter');
    const readout = await page.getByTestId('measure-readout').locator('.value').textContent();
    await waitForIdle(page);
    const label = await page.evaluate(() =>
      (window as any).linhaiMap
        .queryRenderedFeatures({ layers: ['analysis_measure_label'] })
        .map((f: any) => f.properties.label_zh),
    );
    // The panel reads "距离：12.3 公里"; the map, "12.3 公里".
    expect(label).toHaveLength(1);
    expect(label[0]).toMatch(/^\d[\d.,]* 公里$/);
    expect(readout).toContain(label[0]);
    // In English the same label reads in km.
    await page.getByRole('button', { name: /EN/ }).click();
    await waitForIdle(page);
    const english = await renderedTexts(page);
    expect(english.some((t) => /^\d[\d.,]* km$/.test(t))).toBe(true);
  });
});
