import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { PlanFeatureCollection } from '../../src/lib/data/features';
import { PlanDocument } from '../../src/lib/data/plan';
import { ProjectCollection, PROJECT_COLUMNS } from '../../src/lib/data/projects';
import { TARGET_YEARS, targetYearOf } from '../../src/lib/data/targetYear';
import { openApp, waitForIdle, watchPage } from './support/app';

async function openDataTab(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: '数据' }).click();
  await expect(page.getByTestId('open-data')).toBeVisible();
}

test.describe('数据 tab: the plan’s own data', () => {
  test('lists the plan’s files with what they hold and their size, and each link returns the file', async ({
    page,
    request,
  }) => {
    const watch = await watchPage(page);
    await openDataTab(page);
    const list = page.getByTestId('open-data');
    for (const file of ['features.geojson', 'plan.json', 'projects.csv', 'projects.geojson']) {
      const row = list.locator(`li[data-file="${file}"]`);
      await expect(row).toContainText(file);
      await expect(row).toContainText(/\d(\.\d)? (B|KB|MB)/);
      await expect(row).toContainText('来源与许可');
    }

    const href = async (file: string) =>
      (await list.locator(`li[data-file="${file}"] a`).getAttribute('href'))!;
    const fetchFile = async (file: string) => {
      const response = await request.get(await href(file));
      expect(response.status(), file).toBe(200);
      return response;
    };

    const features = PlanFeatureCollection.parse(
      await (await fetchFile('features.geojson')).json(),
    );
    const plan = PlanDocument.parse(await (await fetchFile('plan.json')).json());
    expect(plan.docNumber).toBe('临政发〔2021〕21号');

    // The CSV: a BOM, the header, one row per feature.
    const csvBytes = await (await fetchFile('projects.csv')).body();
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = Papa.parse<string[]>(csvBytes.toString('utf8').slice(1), { skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    const [header, ...rows] = csv.data;
    expect(header).toEqual(PROJECT_COLUMNS);
    expect(rows).toHaveLength(features.features.length);
    expect(rows.map((r) => r[0])).toEqual(features.features.map((f) => f.properties.id));

    // The GeoJSON: valid, the same rows as points.
    const projects = ProjectCollection.parse(await (await fetchFile('projects.geojson')).json());
    expect(projects.features).toHaveLength(features.features.length);
    const port = projects.features.find((f) => f.properties.id === 'toumen-port')!;
    expect(port.properties.position_from).toBe('point');

    // The size shown is the file's size.
    const csvRow = list.locator('li[data-file="projects.csv"]');
    await expect(csvRow).toContainText(`${(csvBytes.length / 1024).toFixed(1)} KB`);
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test('the list speaks English in English mode', async ({ page }) => {
    await openApp(page, '#lang=en');
    await page.getByRole('tab', { name: 'Data' }).click();
    const row = page.getByTestId('open-data').locator('li[data-file="projects.csv"]');
    await expect(row.getByRole('link')).toHaveText('Project table (CSV)');
    await expect(row).toContainText('Source and licence');
  });
});

test.describe('目标年份 filter', () => {
  test('offers 2025, 2035 and 未注明 with their counts, and filters the list and the map', async ({
    page,
    request,
  }) => {
    const features = PlanFeatureCollection.parse(
      await (await request.get('./data/features.geojson')).json(),
    );
    const expected = { '2025': 0, '2035': 0, unspecified: 0 };
    for (const f of features.features) expected[targetYearOf(f.properties)] += 1;
    expect(expected.unspecified).toBeGreaterThan(0);

    await openApp(page);
    await page.getByRole('button', { name: '全部显示' }).click();
    const select = page.getByTestId('target-year-filter');
    const options = await select.locator('option').allTextContents();
    expect(options).toEqual([
      `全部（${features.features.length}）`,
      `2025（${expected['2025']}）`,
      `2035（${expected['2035']}）`,
      `未注明（${expected.unspecified}）`,
    ]);

    for (const year of TARGET_YEARS) {
      await page.getByRole('tab', { name: '图层' }).click();
      await select.selectOption(year);
      await waitForIdle(page);
      // The map's plan source holds only features of that year.
      const onMap: string[] = await page.evaluate(() =>
        (window as any).linhaiMap
          .querySourceFeatures('plan')
          .filter((f: any) => f.properties.role !== 'label')
          .map((f: any) => f.properties.id as string),
      );
      const ofYear = new Set(
        features.features
          .filter((f) => targetYearOf(f.properties) === year)
          .map((f) => f.properties.id),
      );
      expect(
        onMap.every((id) => ofYear.has(id)),
        year,
      ).toBe(true);
      // The feature list shows exactly the features of that year.
      await page.getByRole('tab', { name: '数据' }).click();
      await expect(page.getByText(`共 ${expected[year]} 条`)).toBeVisible();
      const listed = await page
        .locator('[data-feature]')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-feature')!));
      expect(new Set(listed)).toEqual(ofYear);
    }
  });
});
