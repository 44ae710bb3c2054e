import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';

test.describe('sources and methods in the reader’s language', () => {
  test('the card gives the source in Chinese, and in English after switching', async ({ page }) => {
    const watch = await watchPage(page);
    await openApp(page, '#feature=fulong-bridge');
    const card = page.getByTestId('feature-card');
    await expect(card.getByRole('heading', { name: '伏龙大桥' })).toBeVisible();
    await expect(card).toContainText('估计位置 ±5 km');
    await expect(card).toContainText('取地名点 lh-022');
    await expect(card).not.toContainText('placed at');

    await page.getByRole('button', { name: /English/ }).click();
    await expect(card.getByRole('heading', { name: 'Fulong bridge' })).toBeVisible();
    await expect(card).toContainText('placed at gazetteer lh-022');
    await expect(card).not.toContainText('取地名点');
    expect(watch.external).toEqual([]);
  });

  test('the analysis methods read in Chinese, and in English after switching', async ({ page }) => {
    test.slow();
    const watch = await watchPage(page);
    await openApp(page);
    await page.getByRole('tab', { name: '分析' }).click();
    const panel = page.getByTestId('analysis-panel');
    await panel.getByText('计算方法', { exact: true }).click();
    const methods = panel.locator('details', { hasText: '计算方法' });
    await expect(methods).toContainText('面积：在半径 6371.0088 km 的球面上');
    await expect(methods).not.toContainText('英文');
    await expect(methods.locator('ul')).toHaveAttribute('lang', 'zh-CN');

    await page.getByRole('button', { name: /English/ }).click();
    const en = panel.locator('details', { hasText: 'Methods' });
    await expect(en).toContainText('Areas: spherical excess on a sphere');
    await expect(en).not.toContainText('面积');
    await expect(en.locator('ul')).toHaveAttribute('lang', 'en');
    expect(watch.external).toEqual([]);
  });
});
