import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { zh } from '../../../src/lib/i18n/strings';

/**
 * Serious and critical axe violations on the page as it is now. Nothing is excluded:
 * MapLibre's canvas carries its own role and label and passes as it is.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
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
export async function untranslated(page: Page): Promise<string[]> {
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
