import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';

/** What has focus, in words a test can compare. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.classList.contains('maplibregl-canvas')) return 'map';
    if (el.getAttribute('role') === 'tab') return `tab:${el.textContent!.trim()}`;
    const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}:${name.trim()}`;
  });
}

/** Whether the map area shows its focus ring (drawn over the canvas, which fills it). */
function mapRing(page: Page) {
  return page.locator('main.map-area').evaluate((el) => {
    const ring = getComputedStyle(el, '::after');
    return ring.content !== 'none' && ring.outlineStyle === 'solid' ? ring.outlineWidth : null;
  });
}

test.describe('keyboard: the map and its main actions come first', () => {
  test('Tab from the top: skip links, top bar, map (with a visible ring), 添加意见, then the panel', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    expect(await mapRing(page)).toBeNull();

    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      stops.push(stop);
      if (stop === 'map') expect(await mapRing(page), 'ring while the map has focus').toBe('3px');
      if (stop.startsWith('tab:')) break;
    }
    expect(stops.slice(0, 2)).toEqual(['a:跳到地图', 'a:跳到主要内容']);
    const map = stops.indexOf('map');
    const add = stops.findIndex((s) => s.includes('添加意见'));
    const panel = stops.findIndex((s) => s.startsWith('tab:'));
    expect(map, stops.join(' → ')).toBeGreaterThan(1);
    expect(add, stops.join(' → ')).toBeGreaterThan(map);
    expect(panel, stops.join(' → ')).toBeGreaterThan(add);
    expect(stops[panel]).toBe('tab:图层');
    // Leaving the map takes the ring away.
    expect(await mapRing(page)).toBeNull();
  });

  test('the first skip link puts focus on the map and keeps the link in the address bar', async ({
    page,
  }) => {
    await openApp(page, '#layers=port,rail');
    const before = page.url();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到地图' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.maplibregl-canvas')).toBeFocused();
    expect(await mapRing(page)).toBe('3px');
    expect(page.url()).toBe(before);
    // From the map, the next stops are the map's own buttons and 添加意见, before any tab.
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
      if (stops.at(-1)!.includes('添加意见')) break;
    }
    expect(stops.at(-1)).toContain('添加意见');
    expect(stops.some((s) => s.startsWith('tab:'))).toBe(false);
  });
});
