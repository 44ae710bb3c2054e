import { expect, test } from '@playwright/test';
import { openApp, watchPage } from './support/app';

test.describe('where a position came from, in the reader’s language', () => {
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
    expect(watch.errors).toEqual([]);
  });
});
