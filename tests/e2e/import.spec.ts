import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/test';
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

/** A fixture of tests/fixtures/import, by name. */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

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

const SKETCH_FILE = {
  name: 'sketch.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify(SKETCH)),
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
    await chooseFile(page, SKETCH_FILE, 'sketch.geojson');
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
  });

  test('swapped longitude and latitude: the report says so and swaps on one click, every row kept', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    await openImport(page);
    await chooseFile(page, fixture('swapped-lonlat.csv'), 'swapped-lonlat.csv');
    const report = page.getByTestId('import-result');
    await expect(report).toContainText('经纬度似乎写反了：3 行中有 3 行');
    await expect(page.getByRole('button', { name: '添加到地图' })).toBeDisabled();

    await page.getByTestId('import-swap').click();
    await expect(report).toContainText('可以导入：3 个要素');
    await expect(report).toContainText('已按你的选择交换经纬度');
    await page.getByRole('button', { name: '添加到地图' }).click();
    const rows = await overlaySourceFeatures(page, 'ov1');
    expect(rows.map((f: any) => f.geometry.coordinates)).toEqual([
      [121.24, 28.88],
      [121.69, 28.73],
      [121.251941, 28.75238],
    ]);
  });

  test('a GeoJSON file written [latitude, longitude]: the report says so and swaps on one click', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page, '#lang=en');
    await openImport(page);
    await chooseFile(page, fixture('swapped-lonlat.geojson'), 'swapped-lonlat.geojson');
    const report = page.getByTestId('import-result');
    await expect(report).toContainText('longitude and latitude look swapped: 3 of 3 positions');
    await expect(page.getByRole('button', { name: 'Add to map' })).toBeDisabled();

    await page.getByTestId('import-swap').click();
    await expect(report).toContainText('Ready: 3 feature(s)');
    await expect(page.getByTestId('import-swapped')).toContainText(
      'Longitude and latitude swapped, as you chose.',
    );
    await page.getByRole('button', { name: 'Add to map' }).click();
    const features = await overlaySourceFeatures(page, 'ov1');
    expect(features.map((f: any) => f.geometry.coordinates)).toEqual([
      [121.24, 28.88],
      [121.69, 28.73],
      [
        [121.15, 28.85],
        [121.2, 28.84],
        [121.3, 28.82],
      ],
    ]);
  });

  test('a file that names its datum gets it proposed; one that does not gets the GCJ-02 reminder', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    await openImport(page);
    await chooseFile(page, fixture('gcj-columns.csv'), 'gcj-columns.csv');
    const proposal = page.getByTestId('datum-proposal');
    await expect(proposal).toContainText('列名“gcj_lng”说明坐标来自高德或腾讯地图，应为 GCJ-02');
    // Nothing converted yet: WGS-84 is still chosen.
    await expect(page.locator('input[name="import-crs"][value="WGS84"]')).toBeChecked();
    await proposal.getByRole('button', { name: '按 GCJ-02 转换' }).click();
    await expect(page.locator('input[name="import-crs"][value="GCJ02"]')).toBeChecked();
    await expect(page.getByTestId('datum-matches')).toContainText('与所选坐标系一致');
    await page.getByRole('button', { name: '添加到地图' }).click();
    const [placed] = await overlaySourceFeatures(page, 'ov1');
    const shift = metres([121.2446, 28.8776], placed.geometry.coordinates);
    expect(shift, `moved ${shift.toFixed(0)} m`).toBeGreaterThan(400);

    await openImport(page);
    await chooseCrs(page, 'WGS84');
    await chooseFile(page, fixture('no-datum.csv'), 'no-datum.csv');
    await expect(page.getByTestId('datum-reminder')).toContainText('通常是 GCJ-02');
    await expect(page.getByTestId('datum-proposal')).toHaveCount(0);
  });

  test('the geo tools include the overlay: within X km lists it under its name, zones count it', async ({
    page,
  }) => {
    test.slow();
    const watch = await watchPage(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    await openImport(page);
    await chooseFile(page, SKETCH_FILE, 'sketch.geojson');
    await page.getByRole('button', { name: '添加到地图' }).click();
    const entry = page.getByTestId('overlay-legend').locator('li[data-overlay="ov1"]');
    await expect(entry).toBeVisible();

    await page.getByRole('tab', { name: '分析' }).click();
    const tool = page.getByTestId('within-tool');
    // Centre on the old town: the clinic is ~1.9 km west, the greenway ~5.5 km south,
    // the school ~7.3 km north-east, the area ~17 km east.
    await page.evaluate(() => (window as any).linhaiMap.jumpTo({ center: [121.14, 28.86] }));
    await tool.getByRole('button', { name: '使用地图中心' }).click();
    const slider = tool.getByRole('slider', { name: '半径' });
    const group = tool.locator('ul[data-overlay="ov1"]');

    await slider.fill('3');
    await expect(tool.locator('h3[data-overlay="ov1"]')).toHaveText('导入：sketch.geojson（1）');
    await expect(group.locator('.name')).toHaveText(['新建社区医院']);

    await slider.fill('10');
    await expect(tool.locator('h3[data-overlay="ov1"]')).toHaveText('导入：sketch.geojson（3）');
    await expect(group.locator('.name')).toHaveText(['新建社区医院', '绿道', '学校']);
    for (const text of await group.locator('.km').allTextContents())
      expect(Number(text.replace(/[^\d.]/g, ''))).toBeLessThanOrEqual(10);
    // The count line counts the user's features with the plan's.
    const planRows = await tool.locator('button[data-feature]').count();
    await expect(page.getByTestId('within-count')).toContainText(`共 ${planRows + 3} 个要素`);

    await test.step('a row opens the feature’s card and shows it', async () => {
      await group.getByRole('button', { name: /学校/ }).click();
      await expect(page.getByTestId('overlay-card')).toContainText('学校');
      await expect(page.getByTestId('overlay-card-position')).toHaveText('要素 2 / 4');
      const inView = await page.evaluate(() =>
        (window as any).linhaiMap.getBounds().contains([121.2, 28.9]),
      );
      expect(inView).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('overlay-card')).toBeHidden();
    });

    await test.step('the zone table counts every feature of the overlay once', async () => {
      const row = page.getByTestId('overlay-zone-table').locator('tr[data-overlay="ov1"]');
      await expect(row.locator('th')).toHaveText('sketch.geojson');
      const values = await row
        .locator('td[data-value]')
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      expect(values).toHaveLength(4); // three zones and "outside"
      expect(values.reduce((a, b) => a + b, 0)).toBe(4);
      // The clinic in the old town is in the central zone.
      expect(
        Number(await row.locator('td[data-zone="zone-central"]').getAttribute('data-value')),
      ).toBeGreaterThanOrEqual(1);
    });

    await test.step('a hidden overlay leaves the tools', async () => {
      await page.getByRole('tab', { name: '图层' }).click();
      await entry.getByRole('checkbox').uncheck();
      await page.getByRole('tab', { name: '分析' }).click();
      await expect(tool.locator('h3[data-overlay="ov1"]')).toHaveCount(0);
      await expect(page.getByTestId('overlay-zone-table')).toHaveCount(0);
      await expect(page.getByTestId('within-count')).toContainText(`共 ${planRows} 个要素`);
    });

    expect(watch.external).toEqual([]);
  });
});
