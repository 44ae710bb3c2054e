import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';

const reader = (page: Page) => page.locator('section.reader');

/**
 * For each column header of a table: scroll it into view inside the table's own scroll box,
 * then report whether it lies wholly inside that box and is the element actually seen at its
 * centre (not covered by the sticky first column or cut off by the panel).
 */
async function headersInView(page: Page, tableId: string) {
  return page.evaluate((id) => {
    const wrap = document.getElementById(`plan-${id}`)!;
    const box = wrap.querySelector<HTMLElement>('.table-scroll')!;
    const heads = [...wrap.querySelectorAll<HTMLElement>('thead th')];
    return heads.map((th) => {
      th.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = th.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        text: th.textContent!.trim(),
        inside: r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.width > 0,
        seen: seen !== null && th.contains(seen),
      };
    });
  }, tableId);
}

test.describe('reading the plan and printing it', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`表二 scrolls sideways under a sticky first column and says so (${viewport.width}px)`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await watchPage(page);
      await openApp(page, '#section=table2');
      const wrap = page.locator('#plan-table2');
      await expect(wrap.locator('caption')).toContainText('表二');
      await expect(wrap.getByText('表格较宽，可左右滑动查看全部列')).toBeVisible();
      // The table is wider than its box, and the box (not the panel) is what scrolls.
      const sizes = await wrap
        .locator('.table-scroll')
        .evaluate((el) => ({ box: el.clientWidth, table: el.scrollWidth }));
      expect(sizes.table).toBeGreaterThan(sizes.box);

      const heads = await headersInView(page, 'table2');
      expect(heads.map((h) => h.text)).toEqual(
        expect.arrayContaining(['指标', '单位', '属性', '对比']),
      );
      expect(heads.some((h) => h.text.includes('年均'))).toBe(true);
      for (const head of heads) {
        expect(head, `${head.text} in view`).toMatchObject({ inside: true, seen: true });
      }
      // The indicator names stay in view while the numbers scroll under them.
      const first = wrap.locator('tbody th[scope="row"]').first();
      const box = await wrap.locator('.table-scroll').boundingBox();
      const cell = await first.boundingBox();
      expect(cell!.x).toBeGreaterThanOrEqual(box!.x - 0.5);
    });
  }

  test('a narrow table does not claim to scroll', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, '#section=table1');
    const wrap = page.locator('#plan-table1');
    await expect(wrap.locator('caption')).toContainText('表一');
    const fits = await wrap
      .locator('.table-scroll')
      .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    if (fits) await expect(wrap.locator('.scroll-hint')).toHaveCount(0);
    else await expect(wrap.locator('.scroll-hint')).toBeVisible();
  });

  test('search results name 专栏, 表 and 注 as the plan does, in both languages', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByRole('tab', { name: '规划文本' }).click();
    const search = page.getByRole('searchbox').first();
    await search.fill('头门港');
    const hits = reader(page).locator('.hits li');
    await expect(hits.first()).toBeVisible();
    const where = await hits.locator('.where').allTextContents();
    expect(where.some((w) => w.includes('专栏五'))).toBe(true);
    expect(where.join('\n')).not.toMatch(/\b(box|table|fn)\d/);

    await page.getByRole('button', { name: /English/ }).click();
    await search.fill('头门港');
    await expect(hits.first()).toBeVisible();
    const whereEn = await hits.locator('.where').allTextContents();
    expect(whereEn.some((w) => w.includes('Box 5'))).toBe(true);
    expect(whereEn.join('\n')).not.toMatch(/\b(box|table|fn)\d/);
  });

  test('print puts the map first, with no add-comment button or map controls', async ({ page }) => {
    await watchPage(page);
    await openApp(page, '#section=5.1');
    await expect(page.locator('#plan-heading-5\\.1')).toBeVisible();
    const add = page.locator('main').getByRole('button', { name: /添加意见/ });
    await expect(add).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(add).toBeHidden();
    for (const control of ['.maplibregl-ctrl-zoom-in', '.maplibregl-ctrl-compass']) {
      await expect(page.locator(control)).toBeHidden();
    }
    await expect(page.getByTestId('map-container')).toBeVisible();
    await expect(page.getByTestId('print-legend')).toBeVisible();
    const heading = page.locator('#plan-heading-5\\.1');
    await expect(heading).toBeVisible();
    const map = (await page.getByTestId('map-container').boundingBox())!;
    const text = (await heading.boundingBox())!;
    expect(map.y + map.height, 'the map ends before the section text starts').toBeLessThanOrEqual(
      text.y,
    );
    // Nothing printed above the map but the title.
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(title.y).toBeLessThan(map.y);
    await page.emulateMedia({ media: 'screen' });
  });
});
