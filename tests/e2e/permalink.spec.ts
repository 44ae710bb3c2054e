import { readFileSync, writeFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { LAYERS } from '../../src/lib/data/features';
import { styleLayerIds } from '../../src/lib/map/planLayers';
import { exportLayout } from '../../src/lib/ui/export/layout';
import { openApp, waitForIdle, watchPage } from './support/app';

/** Plan layers whose style layers are drawn (MapLibre layout visibility). */
async function shownLayers(page: Page): Promise<string[]> {
  const ids = Object.fromEntries(LAYERS.map((l) => [l, styleLayerIds(l)]));
  return page.evaluate((byLayer) => {
    const map = (window as any).linhaiMap;
    return Object.entries(byLayer)
      .filter(([, styleIds]) =>
        (styleIds as string[]).some(
          (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
        ),
      )
      .map(([layer]) => layer)
      .sort();
  }, ids);
}

const DEFAULT_LAYERS = ['belt', 'expressways', 'logistics', 'platforms', 'port', 'rail', 'zones'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('permalinks, sharing and export', () => {
  test('a permalink restores view, layers, selection and section; copy link copies it', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await watchPage(page);
    await openApp(page, '#map=11.5/28.76/121.62&layers=port,rail&feature=toumen-port&section=6.1');

    const view = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      return { zoom: map.getZoom(), ...map.getCenter() };
    });
    expect(view.zoom).toBeCloseTo(11.5, 2);
    expect(view.lat).toBeCloseTo(28.76, 3);
    expect(view.lng).toBeCloseTo(121.62, 3);
    expect(await shownLayers(page)).toEqual(['port', 'rail']);
    await expect(page.getByTestId('feature-card').getByRole('heading', { level: 2 })).toHaveText(
      '头门港',
    );
    await expect(page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator('#plan-heading-6\\.1')).toBeVisible();

    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('announcer')).toHaveText('链接已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toMatch(/feature=toumen-port/);
    expect(copied).toMatch(/section=6\.1/);
    expect(copied).toMatch(/layers=port,rail/);
  });

  test('a garbage hash loads the defaults without an error; a refused clipboard shows the link', async ({
    page,
  }) => {
    // The clipboard refuses, as in an insecure context or with the permission denied.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await watchPage(page);
    await openApp(page, '#map=abc&layers=<script>&feature=__proto__&section=99.99&tour=-1');

    // The whole city framed, as on a plain start.
    const bounds = await page.evaluate(() => (window as any).linhaiMap.getBounds().toArray());
    expect(bounds[0][0]).toBeLessThanOrEqual(120.83);
    expect(bounds[1][0]).toBeGreaterThanOrEqual(121.93);
    expect(await shownLayers(page)).toEqual(DEFAULT_LAYERS);
    await expect(page.getByRole('tab', { name: '图层' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('feature-card')).toHaveCount(0);
    await expect(page.getByTestId('tour-overlay')).toHaveCount(0);
    expect(page.url()).not.toContain('script');

    await page.getByTestId('copy-link').click();
    const fallback = page.getByTestId('copy-link-fallback').getByRole('textbox');
    await expect(fallback).toBeVisible();
    await expect(fallback).toBeFocused();
    await expect(fallback).toHaveValue(page.url());
    expect(
      await fallback.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!),
    ).toBe(page.url().length);
  });

  test('the filters and the open tab are in the link: set, reload, the same; garbage, the defaults', async ({
    page,
  }) => {
    // Three full loads (set, reload, garbage): at load 20+ that outran the default limit once.
    test.slow();
    await watchPage(page);
    await openApp(page);
    const filters = page.getByRole('group', { name: '状态' });
    const year = page.getByRole('combobox', { name: '目标年份' });
    const zone = page.getByRole('combobox', { name: '所在片区' });
    await filters.getByRole('checkbox', { name: '规划' }).check();
    await filters.getByRole('checkbox', { name: '在建' }).check();
    await year.selectOption('2035');
    await zone.selectOption('zone-east');
    await page.getByRole('tab', { name: '数据' }).click();
    await expect(page).toHaveURL(/tab=data/);
    const url = page.url();
    expect(url).toMatch(/status=under_construction,planned|status=planned,under_construction/);
    expect(url).toMatch(/year=2035/);
    expect(url).toMatch(/zone=zone-east/);
    const rows = await page.locator('.count[aria-live]').innerText();

    await page.reload();
    await waitForIdle(page);
    await expect(page.getByRole('tab', { name: '数据' })).toHaveAttribute('aria-selected', 'true');
    // The data list is filtered as before (its count is the app's own figure).
    await expect(page.locator('.count[aria-live]')).toHaveText(rows);
    await page.getByRole('tab', { name: '图层' }).click();
    await expect(filters.getByRole('checkbox', { name: '规划' })).toBeChecked();
    await expect(filters.getByRole('checkbox', { name: '在建' })).toBeChecked();
    await expect(filters.getByRole('checkbox', { name: '已建成' })).not.toBeChecked();
    await expect(year).toHaveValue('2035');
    await expect(zone).toHaveValue('zone-east');

    // Garbage in every new key: the defaults, and an older link's parts still apply.
    await page.goto('about:blank');
    await openApp(page, '#layers=port&status=<b>&year=1999&zone=../x&tab=settings');
    await expect(page.getByRole('tab', { name: '图层' })).toHaveAttribute('aria-selected', 'true');
    for (const box of await filters.getByRole('checkbox').all())
      await expect(box).not.toBeChecked();
    await expect(year).toHaveValue('');
    await expect(zone).toHaveValue('');
    expect(await shownLayers(page)).toEqual(['port']);
  });

  test('PNG export matches the size rule; print shows map and legend on A4 or A3', async ({
    page,
  }) => {
    test.slow();
    await watchPage(page);
    await openApp(page);
    await page.getByRole('button', { name: '导出' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出地图图片（PNG）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^linhai-plan-map-\d{8}\.png$/);
    const size = pngSize(readFileSync((await download.path())!));
    const canvas = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      const c: HTMLCanvasElement = map.getCanvas();
      return { width: c.width, height: c.height, ratio: map.getPixelRatio() };
    });
    const rule = exportLayout(canvas.width, canvas.height, canvas.ratio);
    expect(size).toEqual({ width: rule.width, height: rule.height });
    // The rule spelled out, at this test's pixel ratio of 1.
    expect(canvas.ratio).toBe(1);
    expect(size).toEqual({ width: canvas.width + 48 + 220, height: canvas.height + 120 });
    await expect(page.getByTestId('announcer')).toContainText(`${size.width}×${size.height}`);
    // Nothing is drawn over the map (a legend sat on 河头镇 and the western zone): the PNG's
    // map area is the map canvas, pixel for pixel, the whole city included (only its 1 px
    // frame line, at the edge, is drawn on it).
    const png = readFileSync((await download.path())!).toString('base64');
    writeFileSync(test.info().outputPath('export.png'), Buffer.from(png, 'base64'));
    const differing = await page.evaluate(
      async ({ data, at }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const source: HTMLCanvasElement = (window as any).linhaiMap.getCanvas();
        const pixels = (draw: (ctx: CanvasRenderingContext2D) => void) => {
          const c = document.createElement('canvas');
          c.width = source.width;
          c.height = source.height;
          const ctx = c.getContext('2d')!;
          draw(ctx);
          return ctx.getImageData(0, 0, c.width, c.height).data;
        };
        const map = pixels((ctx) => ctx.drawImage(source, 0, 0));
        const exported = pixels((ctx) => ctx.drawImage(image, -at.x, -at.y));
        let n = 0;
        for (let i = 0; i < map.length; i += 4) {
          const x = (i / 4) % source.width;
          const y = Math.floor(i / 4 / source.width);
          if (x < 2 || y < 2 || x >= source.width - 2 || y >= source.height - 2) continue;
          const d = Math.max(
            Math.abs(map[i]! - exported[i]!),
            Math.abs(map[i + 1]! - exported[i + 1]!),
            Math.abs(map[i + 2]! - exported[i + 2]!),
          );
          if (d > 8) n += 1;
        }
        return n / (map.length / 4);
      },
      { data: png, at: rule.map },
    );
    expect(differing, 'share of map pixels the export covers').toBeLessThan(0.001);

    // Print: the map and its legend; controls and tabs hidden.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-legend')).toBeVisible();
    await expect(page.getByTestId('map-container')).toBeVisible();
    await expect(page.getByRole('tablist')).toBeHidden();
    await expect(page.getByTestId('copy-link')).toBeHidden();
    await expect(page.locator('.maplibregl-ctrl-zoom-in')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // The paper choice reaches @page: A4 landscape, then A3 landscape (PDF points).
    const mediaBox = async () => {
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
      return box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : null;
    };
    expect(await mediaBox()).toEqual([842, 595]);
    await page.getByRole('combobox', { name: '打印纸张' }).selectOption('a3');
    await expect(page.locator('html')).toHaveClass(/print-a3/);
    expect(await mediaBox()).toEqual([1191, 842]);
  });
});
