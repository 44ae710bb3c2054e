import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';

test.describe('finding a place from the top bar', () => {
  test('/ focuses the search, the arrows choose, Enter opens the card and turns its layer on', async ({
    page,
  }) => {
    await watchPage(page);
    // Only the rail layer is shown: the port's wharf is on a hidden layer.
    await openApp(page, '#layers=rail');
    await page.locator('body').press('/');
    const search = page.getByRole('combobox', { name: '查找地点' });
    await expect(search).toBeFocused();
    await search.pressSequentially('头门港');
    const options = page.getByRole('listbox', { name: '查找地点' }).getByRole('option');
    await expect(options.first()).toBeVisible();
    // Names that are the query, or start with it, come first.
    await expect(options.first()).toHaveAttribute('data-feature', 'toumen-port');
    await expect(options.first()).toContainText('图层未显示');
    await search.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');

    const card = page.getByTestId('feature-card');
    await expect(card).toBeVisible();
    await expect(card).toBeFocused();
    await expect.poll(() => page.url()).toContain('feature=toumen-port');
    // The layer was hidden: it is on now, and that is said.
    await expect.poll(() => page.url()).toMatch(/layers=[^&]*port/);
    await expect(page.getByTestId('announcer')).toContainText('已打开图层：头门港与码头');
    await expect(search).toHaveValue('');
  });

  test('Ctrl+K focuses it; a place the filters leave out is marked and its card offers to clear them', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page, '#year=2035');
    await page.keyboard.press('Control+k');
    const search = page.getByRole('combobox', { name: '查找地点' });
    await expect(search).toBeFocused();
    await search.fill('红脚岩渔港');
    const list = page.getByRole('listbox', { name: '查找地点' });
    const option = list.getByRole('option').first();
    await expect(option).toHaveAttribute('data-feature', 'hongjiaoyan-fishing-port');
    await expect(option).toContainText('筛选外');
    await option.click();
    await expect(page.getByTestId('filtered-note')).toBeVisible();
    await expect(list).toBeHidden();
  });

  test('speaks English in English mode, on a phone too', async ({ page }) => {
    await watchPage(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, '#lang=en');
    const search = page.getByRole('combobox', { name: 'Find a place' });
    await expect(search).toBeVisible();
    await search.fill('linhai railway station');
    const first = page.getByRole('listbox', { name: 'Find a place' }).getByRole('option').first();
    await expect(first).toHaveAttribute('data-feature', 'linhai-station');
    await search.press('Enter');
    await expect(page.getByTestId('feature-card')).toContainText('Linhai');
    await search.fill('zzzz');
    await expect(page.getByTestId('place-search')).toContainText('No place called “zzzz”');
  });
});
