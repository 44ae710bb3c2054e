import { expect, test } from './support/test';
import { PlanFeatureCollection } from '../../src/lib/data/features';
import { UnplacedList } from '../../src/lib/data/unplaced';
import { openApp, watchPage } from './support/app';

test.describe('investment, lead body and years, as the plan states them', () => {
  test('a card shows the investment with its passage, 未注明 where the plan is silent, and English', async ({
    page,
    request,
  }) => {
    test.slow(); // loads the app two or three times
    const watch = await watchPage(page);
    const features = PlanFeatureCollection.parse(
      await (await request.get('./data/features.geojson')).json(),
    );
    const flood = features.features.find((f) => f.properties.id === 'city-flood-control-2')!;
    const investment = flood.properties.investment!;

    await openApp(page, '#feature=city-flood-control-2');
    const card = page.getByTestId('feature-card');
    await expect(card.getByRole('heading', { name: '城市防洪二期' })).toBeVisible();
    const row = card.locator('[data-fact="investment"]');
    await expect(row).toContainText('投资');
    await expect(row).toContainText(`${investment.amount_yi} 亿元`);
    await expect(row).toContainText('防洪保安工程');
    await expect(row).toContainText('本项目份额未注明');
    await expect(card.locator('[data-fact="lead"]')).toContainText('未注明');
    await expect(card.locator('[data-fact="years"]')).toContainText('未注明');

    // The passage opens the plan at 专栏八, highlighted.
    await row.getByRole('button', { name: /规划原文/ }).click();
    await expect(page).toHaveURL(/section=box8/);
    await expect(page.locator('section.reader mark').first()).toContainText('58.33');

    await openApp(page, '#feature=city-flood-control-2&lang=en');
    const en = page.getByTestId('feature-card').locator('[data-fact="investment"]');
    await expect(en).toContainText(`${investment.amount_yi} × 100 million yuan in total`);
    await expect(page.getByTestId('feature-card').locator('[data-fact="lead"]')).toContainText(
      'not stated',
    );
    expect(watch.external).toEqual([]);
  });

  test('a card names the lead body and the years; the unplaced airport keeps its 约 2 亿元', async ({
    page,
    request,
  }) => {
    test.slow(); // loads the app two or three times
    const watch = await watchPage(page);
    await openApp(page, '#feature=dongcheng-lighting-park');
    const card = page.getByTestId('feature-card');
    await expect(card.locator('[data-fact="lead"]')).toContainText('东塍镇');
    await expect(card.locator('[data-fact="investment"]')).toContainText('未注明');

    await openApp(page, '#feature=north-logistics-core');
    await expect(page.getByTestId('feature-card').locator('[data-fact="years"]')).toContainText(
      '2021–2025',
    );

    const { places } = UnplacedList.parse(await (await request.get('./data/unplaced.json')).json());
    const airport = places.find((p) => p.name === '临海市通用机场')!;
    expect(airport.investment).toMatchObject({ amount_yi: 2, approx: true });
    await page.getByRole('tab', { name: '数据' }).click();
    // The 数据 list says the same on each place's line.
    await expect(page.locator('[data-source-of="dongcheng-lighting-park"]')).toContainText(
      '牵头/建设单位 东塍镇',
    );
    await expect(page.locator('[data-source-of="geely-park"]')).toContainText('投资 未注明');
    await expect(page.locator('[data-source-of="linghu"]')).toContainText(
      '投资、牵头/建设单位、建设年限：未注明',
    );
    const row = page.getByTestId('unplaced').locator('li[data-unplaced="临海市通用机场"]');
    await expect(row.locator('[data-fact="investment"]')).toContainText('约 2 亿元');
    await expect(row.locator('[data-fact="lead"]')).toHaveCount(0);
    expect(watch.external).toEqual([]);
  });
});
