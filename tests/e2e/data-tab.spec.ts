import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import Papa from 'papaparse';
import { PlanFeatureCollection } from '../../src/lib/data/features';
import { PlanDocument } from '../../src/lib/data/plan';
import { ProjectCollection, PROJECT_COLUMNS } from '../../src/lib/data/projects';
import { HORIZON_VALUES, horizonValue } from '../../src/lib/data/horizon';
import { UnplacedList } from '../../src/lib/data/unplaced';
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
    const planFiles = [
      'features.geojson',
      'plan.json',
      'projects.csv',
      'projects.geojson',
      'unplaced.json',
    ];
    for (const file of planFiles) {
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
    // Investment, lead body and years: the plan's figure, or 未注明 where it is silent.
    const cell = (id: string, column: (typeof PROJECT_COLUMNS)[number]) =>
      rows.find((r) => r[0] === id)![PROJECT_COLUMNS.indexOf(column)];
    expect(cell('fangxi-reservoir', 'investment_yi')).toBe('5.29');
    expect(cell('fangxi-reservoir', 'investment_scope')).toBe('programme');
    expect(cell('fangxi-reservoir', 'investment_basis')).toContain('5.29亿元');
    expect(cell('dongcheng-lighting-park', 'lead_body_zh')).toBe('东塍镇');
    expect(cell('geely-park', 'investment_zh')).toBe('未注明');
    expect(cell('geely-park', 'years_en')).toBe('not stated');

    // The GeoJSON: valid, the same rows as points.
    const projects = ProjectCollection.parse(await (await fetchFile('projects.geojson')).json());
    expect(projects.features).toHaveLength(features.features.length);
    const port = projects.features.find((f) => f.properties.id === 'toumen-port')!;
    expect(port.properties.position_from).toBe('point');

    // The size shown is the file's size.
    const csvRow = list.locator('li[data-file="projects.csv"]');
    await expect(csvRow).toContainText(`${(csvBytes.length / 1024).toFixed(1)} KB`);
    expect(watch.external).toEqual([]);
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
    for (const f of features.features) expected[horizonValue(f.properties.horizon)] += 1;
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

    for (const year of HORIZON_VALUES) {
      await page.getByRole('tab', { name: '图层' }).click();
      await select.selectOption(year);
      await waitForIdle(page);
      // The map's plan source holds only projects of that year, in their frame (zones and
      // belts have no year and stay drawn).
      const onMap: string[] = await page.evaluate(() =>
        (window as any).linhaiMap
          .querySourceFeatures('plan')
          // Area label anchors and the one symbol of a stack (id `stack-…`) are not features.
          .filter((f: any) => f.properties.role !== 'label' && f.properties.role !== 'stack')
          .filter((f: any) => !['zones', 'belt'].includes(f.properties.layer))
          .map((f: any) => f.properties.id as string),
      );
      const ofYear = new Set(
        features.features
          .filter((f) => horizonValue(f.properties.horizon) === year)
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

    // With a layer hidden, the option counts what the map shows; the list still has every
    // layer (a way to find anything) and says how many of its rows the map does not show.
    await openApp(page, '#layers=port&year=2025&tab=data');
    const of2025 = features.features.filter((f) => horizonValue(f.properties.horizon) === '2025');
    const onPort = of2025.filter((f) => f.properties.layer === 'port').length;
    expect(onPort).toBeLessThan(of2025.length);
    await expect(page.getByTestId('list-count')).toHaveText(
      `共 ${of2025.length} 条，其中 ${of2025.length - onPort} 条在未显示的图层`,
    );
    await page.getByRole('tab', { name: '图层' }).click();
    await expect(page.getByTestId('target-year-filter').locator('option:checked')).toHaveText(
      `2025（${onPort}）`,
    );
  });
});

test.describe('the list’s search and the filters', () => {
  test('says how many matches the filters hide, lists them on request, and can clear the filters', async ({
    page,
    request,
  }) => {
    await watchPage(page);
    const features = PlanFeatureCollection.parse(
      await (await request.get('./data/features.geojson')).json(),
    );
    const named = features.features.filter((f) => f.properties.name.includes('红脚岩'));
    const of2025 = named.filter((f) => horizonValue(f.properties.horizon) === '2025');
    expect(of2025.length).toBeGreaterThan(0);
    expect(of2025.length).toBeLessThan(named.length);
    const hidden = named.length - of2025.length;

    await openApp(page, '#year=2025&tab=data');
    await page.getByRole('searchbox', { name: '筛选要素' }).fill('红脚岩');
    await expect(page.getByTestId('list-count')).toContainText(`共 ${of2025.length} 条`);
    const note = page.getByTestId('filtered-matches');
    await expect(note).toContainText(`筛选隐藏了 ${hidden} 处匹配`);

    // 显示: the hidden matches join the list, marked; the filters (and the map) stay.
    await note.getByRole('button', { name: '显示' }).click();
    await expect(page.getByTestId('list-count')).toContainText(`共 ${named.length} 条`);
    await expect(page.getByTestId('outside-filters')).toHaveCount(hidden);
    await expect(note).toContainText(`列表中含 ${hidden} 处被筛选隐藏的地点`);
    expect(page.url()).toContain('year=2025');

    // 清除筛选: every match is listed without a mark, and the note goes.
    await note.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByTestId('filtered-matches')).toHaveCount(0);
    await expect(page.getByTestId('outside-filters')).toHaveCount(0);
    await expect(page.getByTestId('list-count')).toContainText(`共 ${named.length} 条`);
    await expect.poll(() => page.url()).not.toContain('year=');
  });
});

test.describe('规划提及、尚未上图的地点', () => {
  test('lists each unplaced place with why, in the UI language, and its sections open the reader there', async ({
    page,
    request,
  }) => {
    const { places } = UnplacedList.parse(await (await request.get('./data/unplaced.json')).json());
    expect(places.length).toBeGreaterThan(0);
    const place = places[0]!;

    await openDataTab(page);
    const list = page.getByTestId('unplaced');
    await expect(list.locator('li[data-unplaced]')).toHaveCount(places.length);
    const row = list.locator(`li[data-unplaced="${place.name}"]`);
    await expect(row).toContainText(place.name);
    await expect(row).toContainText(place.reason.zh);
    // An unplaced place is not a feature: it is not in the feature list.
    await expect(page.locator('[data-feature]', { hasText: place.name })).toHaveCount(0);

    const section = place.sections[0]!;
    await row.locator(`button[data-section="${section}"]`).click();
    await expect(page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page).toHaveURL(new RegExp(`section=${section.replace('.', '\\.')}`));
    await expect(page.locator('section.reader mark').first()).toBeVisible();

    // In English the name and the reason are English.
    await openApp(page, '#lang=en');
    await page.getByRole('tab', { name: 'Data' }).click();
    const en = page.getByTestId('unplaced').locator(`li[data-unplaced="${place.name}"]`);
    await expect(en).toContainText(place.name_en);
    await expect(en).toContainText(place.reason.en);
    await expect(en).not.toContainText(place.reason.zh);
  });
});

test.describe('sources in the reader’s language', () => {
  test('the card and the data list show a feature’s source note in the UI language', async ({
    page,
    request,
  }) => {
    const features = PlanFeatureCollection.parse(
      await (await request.get('./data/features.geojson')).json(),
    );
    const port = features.features.find((f) => f.properties.id === 'toumen-port')!.properties;

    await openApp(page, '#feature=toumen-port');
    const card = page.getByTestId('feature-card');
    await expect(card).toContainText(port.source.note.zh);
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByRole('searchbox').fill('头门港');
    const row = page.locator('tr[data-source-of="toumen-port"]');
    await expect(row).toContainText(port.source.note.zh);

    await openApp(page, '#feature=toumen-port&lang=en');
    // The English note, each Chinese name it quotes read first: "Toumen Island (头门岛)".
    await expect(card).toContainText(
      port.source.note.en.replaceAll('头门岛', 'Toumen Island (头门岛)'),
    );
    await expect(card).not.toContainText(port.source.note.zh);
  });

  // One language per test: the analysis tab computes every metric when it opens.
  test('the analysis method notes are in English in English mode', async ({ page }) => {
    await openApp(page, '#lang=en');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.getByText('Methods', { exact: true }).click();
    await expect(page.getByText(/^Areas: spherical excess/)).toBeVisible();
  });

  test('the analysis method notes are in Chinese in Chinese mode', async ({ page }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '分析' }).click();
    await page.getByText('计算方法', { exact: true }).click();
    await expect(page.getByText(/^面积：/)).toBeVisible();
    await expect(page.getByText(/^Areas: spherical excess/)).toHaveCount(0);
  });
});
