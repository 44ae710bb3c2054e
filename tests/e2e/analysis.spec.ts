import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { drawnAt, openApp, project, readCanvas, waitForIdle, watchPage } from './support/app';

/** Great-circle km on Turf's sphere (R = 6371.0088 km), the model the measure tool uses. */
function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** The first number in a text, grouping commas removed. */
const numberIn = (text: string) => Number(/\d[\d,]*(\.\d+)?/.exec(text)![0].replace(/,/g, ''));

async function openAnalysis(page: Page, hash = '') {
  // Camera moves jump instead of fly, so a focused feature is in view at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, hash);
  await page.getByRole('tab', { name: '分析' }).click();
  await expect(page.getByTestId('analysis-panel')).toBeVisible();
}

const mapCentre = (page: Page) =>
  page.evaluate(() => {
    const c = (window as any).linhaiMap.getCenter();
    return [c.lng, c.lat] as [number, number];
  });

test.describe('analysis', () => {
  test('zone table: three zones whose shares add up to 100 %, and a CSV with the zone rows', async ({
    page,
  }) => {
    test.slow();
    const watch = await watchPage(page);
    await openAnalysis(page);
    const table = page.getByTestId('zone-table');
    await expect(table).toBeVisible();
    await expect(table.locator('thead th[data-zone]')).toHaveCount(3);
    await expect(table.locator('thead')).toContainText('东部湾区');
    await expect(table.locator('thead')).toContainText('中部综合发展区');
    await expect(table.locator('thead')).toContainText('西部生态发展区');

    const shares = (
      await table.locator('tr[data-metric="share"] td[data-zone]').allTextContents()
    ).map(numberIn);
    expect(shares).toHaveLength(3);
    for (const s of shares) expect(s).toBeGreaterThan(5);
    const sum = shares.reduce((a, b) => a + b, 0);
    // Whole percents: rounding may leave the sum one off.
    expect(sum).toBeGreaterThanOrEqual(99);
    expect(sum).toBeLessThanOrEqual(101);
    // The page says where the numbers come from.
    await expect(page.getByTestId('zone-metrics')).toContainText('示意');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载指标 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('section,id,name,metric,value,unit');
    for (const [id, name] of [
      ['zone-east', '东部湾区'],
      ['zone-central', '中部综合发展区'],
      ['zone-west', '西部生态发展区'],
    ]) {
      expect(csv).toMatch(new RegExp(`^zone,${id},${name},area,\\d+(\\.\\d+)?,km2\\r$`, 'm'));
      expect(csv).toMatch(
        new RegExp(`^zone,${id},${name},share_of_city,\\d+(\\.\\d+)?,%\\r$`, 'm'),
      );
    }

    expect(watch.external, 'requests that left the local server').toEqual([]);
  });

  test('within 10 km of a feature lists features by layer, and a row focuses its feature', async ({
    page,
  }) => {
    test.slow();
    await openAnalysis(page, '#feature=linhai-station');
    const tool = page.getByTestId('within-tool');
    await tool.getByRole('button', { name: /使用所选要素/ }).click();
    await expect(page.getByTestId('within-centre')).toContainText('临海站');
    await tool.getByRole('slider', { name: '半径' }).fill('10');
    await expect(page.getByTestId('within-count')).toContainText('10 km 范围内');

    const rows = tool.locator('button[data-feature]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    expect(await tool.locator('h3').count(), 'grouped by layer').toBeGreaterThan(1);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature')!));
    expect(ids).not.toContain('linhai-station');
    // Every listed distance is within the radius.
    for (const text of await tool.locator('li .km').allTextContents())
      expect(numberIn(text)).toBeLessThanOrEqual(10);

    const features = await page.evaluate(async () => {
      const fc = await (await fetch('data/features.geojson')).json();
      return Object.fromEntries(
        fc.features.map((f: any) => [f.properties.id, { name: f.properties.name, g: f.geometry }]),
      );
    });
    // One row of each layer group (the path differs by layer: a hidden layer is switched on).
    const firstOfGroup = await tool
      .locator('ul')
      .evaluateAll((lists) => lists.map((ul) => ul.querySelector('button')!.dataset.feature!));
    for (const id of firstOfGroup) {
      await tool.locator(`button[data-feature="${id}"]`).click();
      await expect(page.locator('#card-title')).toHaveText(features[id].name);
      // The camera shows the feature: one of its positions is in view. The fit runs after the
      // card has opened (it keeps clear of it), so wait for the camera rather than read it once.
      await expect
        .poll(
          () =>
            page.evaluate((g) => {
              const map = (window as any).linhaiMap;
              const flat = (c: any): number[][] =>
                typeof c[0] === 'number' ? [c] : c.flatMap(flat);
              const b = map.getBounds();
              return !map.isMoving() && flat(g.coordinates).some(([x, y]) => b.contains([x, y]));
            }, features[id].g),
          { message: `${id} in view` },
        )
        .toBe(true);
      // A point is drawn there: its own symbol, or the stack of places sharing its position.
      if (features[id].g.type === 'Point') {
        await expect
          .poll(() => drawnAt(page, id, features[id].g.coordinates), {
            message: `${id} drawn, alone or in its stack`,
          })
          .toBe(true);
      }
    }
  });

  test('measure: two clicks give the great-circle km, Esc cancels, and it works by keyboard alone', async ({
    page,
  }) => {
    test.slow();
    await openAnalysis(page);
    const tool = page.getByTestId('measure-tool');
    const readout = page.getByTestId('measure-readout');
    const box = (await page.getByTestId('map-container').boundingBox())!;

    // Mouse: two clicks, then Enter.
    await tool.getByRole('button', { name: '测距离' }).click();
    const at = [
      [0.3, 0.45],
      [0.65, 0.6],
    ].map(([fx, fy]) => ({ x: box.width * fx!, y: box.height * fy! }));
    const lngLats = await page.evaluate(
      (pts) =>
        pts.map((p) => {
          const ll = (window as any).linhaiMap.unproject([p.x, p.y]);
          return [ll.lng, ll.lat] as [number, number];
        }),
      at,
    );
    for (const p of at) await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect(readout).toContainText('已加 2 个点');
    // Clicks belong to the tool: no feature card opened.
    await expect(page.getByTestId('feature-card')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(readout).not.toContainText('个点');
    const expected = haversineKm(lngLats[0]!, lngLats[1]!);
    expect(expected).toBeGreaterThan(10);
    const shown = numberIn((await readout.locator('.value').textContent())!);
    expect(Math.abs(shown - expected) / expected).toBeLessThan(0.01);

    // Esc cancels a measurement in progress.
    await tool.getByRole('button', { name: '测距离' }).click();
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(readout).toContainText('已加 1 个点');
    await page.keyboard.press('Escape');
    await expect(readout).toHaveText('');
    await expect(tool.getByRole('button', { name: '测距离' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );

    // Keyboard only: start, focus the map, Space adds the centre, arrows pan, Backspace undoes.
    await tool.getByRole('button', { name: '测距离' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Space');
    const first = await mapCentre(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await waitForIdle(page);
    await page.keyboard.press('Space');
    const second = await mapCentre(page);
    await page.keyboard.press('ArrowDown');
    await waitForIdle(page);
    await page.keyboard.press('Space');
    await expect(readout).toContainText('已加 3 个点');
    await page.keyboard.press('Backspace');
    await expect(readout).toContainText('已加 2 个点');
    await page.keyboard.press('Enter');
    await expect(readout).not.toContainText('个点');
    const keyed = haversineKm(first, second);
    expect(keyed).toBeGreaterThan(10);
    const shownKeyed = numberIn((await readout.locator('.value').textContent())!);
    expect(Math.abs(shownKeyed - keyed) / keyed).toBeLessThan(0.01);
  });

  test('service circles: drawn round the centre, labelled in the language chosen even with the tab closed', async ({
    page,
  }) => {
    test.slow();
    await openAnalysis(page);
    // Out at sea east of 头门港, where no other label can change with the language.
    await page.evaluate(() =>
      (window as any).linhaiMap.jumpTo({ center: [121.86, 28.74], zoom: 9.5 }),
    );
    await page.getByRole('button', { name: '使用地图中心' }).click();
    await page.getByRole('checkbox', { name: /20分钟医疗服务圈/ }).check();
    // Setting a centre frames the within-X-km range; step back to see the whole circle.
    await page.evaluate(() =>
      (window as any).linhaiMap.jumpTo({ center: [121.86, 28.8], zoom: 9 }),
    );
    await waitForIdle(page);

    const label = await page.evaluate(() => {
      const map = (window as any).linhaiMap;
      const [f] = map.queryRenderedFeatures({ layers: ['analysis_circles_label'] });
      return f
        ? { at: f.geometry.coordinates as [number, number], zh: f.properties.label_zh }
        : null;
    });
    expect(label, 'the circle label is drawn').not.toBeNull();
    expect(label!.zh).toContain('20分钟医疗服务圈');
    // The label sits on the rim's northernmost point, radius km north of the centre.
    expect(haversineKm([121.86, 28.74], label!.at)).toBeGreaterThan(5);
    const p = await project(page, label!.at);
    const rect = { x: p.x - 110, y: p.y - 26, width: 220, height: 24 };
    const differing = (a: number[], b: number[]) => {
      let n = 0;
      for (let i = 0; i < a.length; i += 4)
        if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) > 60) n++;
      return n;
    };

    const zhOpen = await readCanvas(page, rect);
    await page.getByRole('tab', { name: '图层' }).click();
    await waitForIdle(page);
    const zhClosed = await readCanvas(page, rect);
    expect(differing(zhOpen, zhClosed), 'closing the tab keeps the label').toBeLessThan(20);

    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('tab', { name: 'Analysis' })).toBeVisible();
    await waitForIdle(page);
    const en = await readCanvas(page, rect);
    expect(differing(zhClosed, en), 'the label is redrawn in English').toBeGreaterThan(80);
  });
});
