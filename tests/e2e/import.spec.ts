import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import gcoord from 'gcoord';
import { openApp, project, watchPage } from './support/app';
import {
  chooseCrs,
  chooseFile,
  mapIdle,
  openImport,
  overlaySourceFeatures,
  recordCspViolations,
  renderedOverlay,
} from './support/importUi';

/** Metres between two lon/lat positions (haversine; ample at 500 m). */
function metres(a: number[], b: number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** Signed area of a ring (> 0: counter-clockwise). */
const ringArea = (ring: number[][]) =>
  ring.slice(1).reduce((s, p, i) => s + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0) / 2;

// A planner's sketch near the city centre: two sites, a route, and an area drawn clockwise.
const SKETCH = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '新建社区医院', note: '<b>not bold</b>', url: 'https://example.org/a' },
      geometry: { type: 'Point', coordinates: [121.12, 28.86] },
    },
    {
      type: 'Feature',
      properties: { name: '学校' },
      geometry: { type: 'Point', coordinates: [121.2, 28.9] },
    },
    {
      type: 'Feature',
      properties: { name: '绿道' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [121.05, 28.8],
          [121.3, 28.83],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: '片区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.3, 28.95],
            [121.4, 28.95],
            [121.4, 28.9],
            [121.3, 28.9],
            [121.3, 28.95],
          ],
        ],
      },
    },
  ],
};

test.describe('import your own data', () => {
  test('a GeoJSON file becomes an overlay: map, legend, card, export, remove — under the CSP', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await recordCspViolations(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openApp(page);

    await test.step('the CSP forbids eval and foreign origins', async () => {
      const csp = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      expect(csp).toMatch(/(^|;)\s*default-src 'self'\s*(;|$)/);
      expect(csp).not.toContain('unsafe-eval');
    });

    await openImport(page);
    await chooseFile(
      page,
      {
        name: 'sketch.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(SKETCH)),
      },
      'sketch.geojson',
    );
    await expect(page.getByTestId('import-result')).toContainText('可以导入：4 个要素');
    await page.getByRole('button', { name: '添加到地图' }).click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    // The pipeline ran in its worker, not on the main thread.
    expect(
      workers.some((url) => /importWorker/.test(url)),
      workers.join(),
    ).toBe(true);

    const entry = page.getByTestId('overlay-legend').locator('li[data-overlay="ov1"]');
    await expect(entry).toContainText('sketch.geojson');
    await expect(entry.locator('.count')).toHaveText('4');
    await mapIdle(page);
    expect(await renderedOverlay(page, 'ov1')).toBeGreaterThanOrEqual(4);

    await test.step('clicking a site opens its properties as text, links only for http(s)', async () => {
      const at = await project(page, [121.12, 28.86]);
      const box = (await page.getByTestId('map-container').boundingBox())!;
      await page.mouse.click(box.x + at.x, box.y + at.y);
      const card = page.getByTestId('overlay-card');
      await expect(card).toContainText('新建社区医院');
      await expect(card.getByText('<b>not bold</b>', { exact: true })).toBeVisible();
      await expect(card.locator('b')).toHaveCount(0);
      const link = card.getByRole('link', { name: /example\.org/ });
      await expect(link).toHaveAttribute('href', 'https://example.org/a');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(page.getByTestId('feature-card')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(card).toBeHidden();
    });

    await test.step('export gives RFC 7946 GeoJSON', async () => {
      const download = page.waitForEvent('download');
      await entry.getByRole('button', { name: '导出为 GeoJSON' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('sketch.geojson');
      const out = JSON.parse(await readFile((await file.path())!, 'utf8'));
      expect(out.type).toBe('FeatureCollection');
      expect(out).not.toHaveProperty('crs');
      expect(out.features).toHaveLength(4);
      expect(out.features[0].properties.name).toBe('新建社区医院');
      const ring = out.features[3].geometry.coordinates[0];
      expect(ring[0]).toEqual(ring.at(-1));
      // The clockwise input ring comes back counter-clockwise (RFC 7946 §3.1.6).
      expect(ringArea(ring)).toBeGreaterThan(0);
    });

    await test.step('remove, undo, remove', async () => {
      await entry.getByRole('button', { name: /移除导入图层/ }).click();
      await expect(entry).toHaveCount(0);
      expect(
        await page.evaluate(() => (window as any).linhaiMap.getSource('overlay_ov1')),
      ).toBeFalsy();
      await page.getByRole('button', { name: '撤销' }).click();
      await expect(entry).toBeVisible();
      await entry.getByRole('button', { name: /移除导入图层/ }).click();
      await expect(entry).toHaveCount(0);
      await mapIdle(page);
      expect(await renderedOverlay(page, 'ov1')).toBe(0);
    });

    expect(await page.evaluate(() => (window as any).__csp), 'CSP violations').toEqual([]);
    expect(watch.external, 'requests that left the local server').toEqual([]);
    expect(watch.errors, 'console errors').toEqual([]);
  });

  test('GCJ-02 points move ~500 m to WGS-84; CSV with 经度/纬度 can be pasted', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await openApp(page);
    const raw = [121.15, 28.85];

    await openImport(page);
    await chooseCrs(page, 'GCJ02');
    const point = {
      type: 'Feature',
      properties: { name: '高德坐标' },
      geometry: { type: 'Point', coordinates: raw },
    };
    await chooseFile(
      page,
      {
        name: 'amap.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(point)),
      },
      'amap.geojson',
    );
    await page.getByRole('button', { name: '添加到地图' }).click();
    await expect(
      page.getByTestId('overlay-legend').locator('li[data-overlay="ov1"]'),
    ).toBeVisible();
    const [placed] = await overlaySourceFeatures(page, 'ov1');
    const expected = gcoord.transform(raw as [number, number], gcoord.GCJ02, gcoord.WGS84);
    const shift = metres(raw, placed.geometry.coordinates);
    expect(shift, `moved ${shift.toFixed(0)} m`).toBeGreaterThan(400);
    expect(shift).toBeLessThan(700);
    expect(metres(expected, placed.geometry.coordinates)).toBeLessThan(0.5);
    // GCJ-02 is shifted north-east of WGS-84 here, so the true place is south-west of the raw one.
    expect(placed.geometry.coordinates[0]).toBeLessThan(raw[0]!);

    await openImport(page);
    await chooseCrs(page, 'WGS84');
    await page
      .getByTestId('import-text')
      .fill('名称,经度,纬度\n卫生院,121.13,28.85\n"学校, 东校区",121.2,28.9\n');
    await page.getByRole('button', { name: '检查' }).click();
    await expect(page.getByTestId('import-result')).toContainText('可以导入：2 个要素');
    await page.getByRole('button', { name: '添加到地图' }).click();
    const csv = page.getByTestId('overlay-legend').locator('li[data-overlay="ov2"]');
    await expect(csv).toContainText('粘贴的文本');
    await expect(csv.locator('.count')).toHaveText('2');
    const rows = await overlaySourceFeatures(page, 'ov2');
    expect(rows.map((f: any) => f.geometry.coordinates)).toEqual([
      [121.13, 28.85],
      [121.2, 28.9],
    ]);
    await csv.getByRole('button', { name: '查看要素' }).click();
    await page.getByTestId('overlay-next').click();
    await expect(page.getByTestId('overlay-properties')).toContainText('学校, 东校区');
    await mapIdle(page);
    expect(await renderedOverlay(page, 'ov2')).toBeGreaterThanOrEqual(2);

    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
