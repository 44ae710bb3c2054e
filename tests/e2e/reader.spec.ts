import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';

const reader = (page: import('@playwright/test').Page) => page.locator('section.reader');

test.describe('the plan as a document beside the map', () => {
  test('a #section deep link opens the reader at that section, and back/forward walk the reading', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page, '#section=5.1');
    await expect(page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(
      reader(page).getByRole('heading', { name: /构建“一带三区”发展格局/ }),
    ).toBeVisible();
    await expect(reader(page)).toContainText(
      '东部湾区打造成为带动全市工业集约高效、转型创新发展的新引擎',
    );

    // Walk on to the next section, then go back with the browser.
    await reader(page)
      .getByRole('button', { name: /下一节/ })
      .click();
    await expect(reader(page).getByRole('heading', { name: /全面提升中心城区能级/ })).toBeVisible();
    await expect(page).toHaveURL(/section=5\.2/);
    await page.goBack();
    await expect(page).toHaveURL(/section=5\.1/);
    await expect(
      reader(page).getByRole('heading', { name: /构建“一带三区”发展格局/ }),
    ).toBeVisible();
    await page.goForward();
    await expect(reader(page).getByRole('heading', { name: /全面提升中心城区能级/ })).toBeVisible();
  });

  test('the table of contents leads to a chapter and a section whose split sentences read whole', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '规划文本' }).click();
    const toc = page.getByRole('navigation', { name: /目录/ });
    await expect(toc.getByRole('button', { name: /^八、聚力提质增效/ })).toBeVisible();
    await toc.getByRole('button', { name: /构筑开放畅达的内外交通体系/ }).click();
    await expect(
      reader(page).getByRole('heading', { name: /构筑开放畅达的内外交通体系/ }),
    ).toBeVisible();
    // In the source, "228" and "国道" are torn apart by a page break and a footnote.
    await expect(reader(page)).toContainText('高标准建设104国道、228国道、规划207省道');
    await expect(page).toHaveURL(/section=8\.1/);
  });

  test('searching 头门港 finds it in several sections and opens a hit with the term marked', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '规划文本' }).click();
    await page.getByRole('searchbox').first().fill('头门港');
    const hits = reader(page).locator('.hits li, [data-hit]');
    await expect(hits.first()).toBeVisible();
    const sections = await hits.evaluateAll((items) =>
      items.map((li) => li.textContent?.match(/\d+\.\d+/)?.[0]).filter(Boolean),
    );
    expect(new Set(sections).size).toBeGreaterThanOrEqual(5);
    await hits.first().getByRole('button').first().click();
    await expect(reader(page).locator('mark', { hasText: '头门港' }).first()).toBeVisible();
  });

  test('表二 renders as a real table with its 34 indicators', async ({ page }) => {
    await openApp(page, '#section=table2');
    const table = page
      .locator('table')
      .filter({ has: page.locator('caption', { hasText: '表二' }) });
    await expect(table).toBeVisible();
    const indicators = await table
      .locator('tbody th[scope="row"]')
      .evaluateAll((cells) => new Set(cells.map((c) => c.textContent?.trim())).size);
    expect(indicators).toBe(34);
  });
});
