import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';
import { seriousViolations, untranslated } from './support/a11y';

test.describe('accessibility', () => {
  test('no serious axe violations on the main views, in Chinese and in English', async ({
    page,
  }) => {
    test.slow();
    await watchPage(page);
    await openApp(page);
    expect(await seriousViolations(page), 'map and layers').toEqual([]);

    // The skip links are the first stops (the map's first, keyboard.spec.ts); this one lands in the side panel.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到地图' })).toBeFocused();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#side-panel')).toBeFocused();

    // Data list: a row focuses its feature and the card takes focus; Esc gives it back.
    await page.getByRole('tab', { name: '数据' }).click();
    expect(await seriousViolations(page), 'data list').toEqual([]);
    const row = page.locator('button[data-feature="toumen-port"]');
    await row.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: '头门港' });
    await expect(card).toBeFocused();
    await expect(page.getByTestId('announcer')).toContainText('头门港');
    expect(await seriousViolations(page), 'feature card').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(row).toBeFocused();

    // Reader at a section.
    await page.getByRole('tab', { name: '规划文本' }).click();
    await page.getByRole('button', { name: '（一）构建“一带三区”发展格局' }).click();
    await expect(page.locator('#plan-heading-5\\.1')).toBeVisible();
    expect(await seriousViolations(page), 'reader').toEqual([]);

    // Tour overlay.
    await page.getByRole('button', { name: '导览' }).click();
    await expect(page.getByTestId('tour-overlay')).toBeFocused();
    expect(await seriousViolations(page), 'tour').toEqual([]);

    // English: the same views, with no Chinese UI chrome and no raw keys.
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await seriousViolations(page), 'en tour').toEqual([]);
    expect(await untranslated(page), 'en tour + reader').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export' }).click();
    expect(await untranslated(page), 'en export menu').toEqual([]);
    for (const tab of ['Layers', 'Data']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await untranslated(page), `en ${tab}`).toEqual([]);
      expect(await seriousViolations(page), `en ${tab}`).toEqual([]);
    }
    await page.locator('button[data-feature="toumen-port"]').click();
    await expect(page.getByRole('dialog', { name: 'Toumen Port' })).toBeVisible();
    expect(await untranslated(page), 'en card').toEqual([]);
  });

  test('works as bottom sheets at 390×844: card, tour and tabs reachable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, '#feature=toumen-port');
    const card = page.getByTestId('feature-card');
    await expect(card).toBeInViewport({ ratio: 1 });
    await page.getByRole('button', { name: '关闭详情' }).click();
    for (const tab of ['图层', '规划文本', '数据']) {
      await expect(page.getByRole('tab', { name: tab })).toBeInViewport({ ratio: 1 });
    }
    await page.getByRole('button', { name: '导览' }).click();
    const tour = page.getByTestId('tour-overlay');
    await expect(tour).toBeInViewport({ ratio: 1 });
    await expect(tour.getByRole('button', { name: '下一步 →' })).toBeInViewport({ ratio: 1 });
    expect(await seriousViolations(page), 'mobile tour').toEqual([]);
  });
});
