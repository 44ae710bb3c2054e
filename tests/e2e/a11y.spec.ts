import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { zh } from '../../src/lib/i18n/strings';
import { openApp, watchPage } from './support/app';

/**
 * Serious and critical axe violations on the page as it is now. Nothing is excluded:
 * MapLibre's canvas carries its own role and label and passes as it is.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * UI chrome outside plan text that shows Chinese, and raw string keys anywhere.
 * Chrome = buttons, labels, headings, table headers, legends, options, tabs and
 * accessible names; plan text and published names sit in [lang="zh-CN"] regions.
 */
async function untranslated(page: Page): Promise<string[]> {
  const keys = Object.keys(zh);
  return page.evaluate((keys) => {
    // A language's own name is written in that language (the switch back to Chinese).
    const HAN = /[\u3400-\u9fff]/;
    const CJK = { test: (text: string) => HAN.test(text.replaceAll('中文', '')) };
    const allowed = new Set<string>();
    const found: string[] = [];
    const visible = (el: Element) =>
      (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    const inZh = (node: Node | null) =>
      node?.parentElement?.closest('[lang]')?.getAttribute('lang') === 'zh-CN';
    const chrome =
      'button, label, h1, h2, h3, h4, th, legend, option, summary, [role="tab"], [aria-label], [placeholder], [title]';
    const text = 'button, label, h1, h2, h3, h4, th, legend, option, summary, [role="tab"]';
    for (const el of document.querySelectorAll(chrome)) {
      if (!visible(el) && el.tagName !== 'OPTION') continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attr);
        if (
          value &&
          CJK.test(value) &&
          !allowed.has(value.trim()) &&
          el.closest('[lang]')?.getAttribute('lang') !== 'zh-CN'
        ) {
          found.push(`${el.tagName.toLowerCase()}[${attr}]: ${value}`);
        }
      }
      // Landmarks and lists are checked by their name only; their contents by their own chrome.
      if (!el.matches(text)) continue;
      // Own text, leaving out Chinese plan text and hidden pictograms (the map's layer marks).
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const own = node.textContent?.trim() ?? '';
        if (
          own &&
          CJK.test(own) &&
          !allowed.has(own) &&
          !inZh(node) &&
          !node.parentElement?.closest('[aria-hidden="true"]')
        ) {
          found.push(`${el.tagName.toLowerCase()}: ${own}`);
        }
      }
    }
    const body = document.body.innerText;
    for (const key of keys) {
      if (new RegExp(`(^|\\s)${key.replace(/\./g, '\\.')}(\\s|$)`).test(body))
        found.push(`raw key: ${key}`);
    }
    return [...new Set(found)];
  }, keys);
}

test.describe('accessibility', () => {
  test('no serious axe violations on the main views, in Chinese and in English', async ({
    page,
  }) => {
    test.slow();
    const watch = await watchPage(page);
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
    expect(watch.errors, 'console errors').toEqual([]);
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
