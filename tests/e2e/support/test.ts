import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

/**
 * The one `test` every e2e spec imports: it fails a test on any uncaught page error and on any
 * console error, in every page of every browser context the test uses — the default `page`,
 * and the phones, projectors and laptops a test opens with `browser.newContext()`.
 *
 * A test that expects a particular console error says so, narrowly, in its describe block. The
 * patterns are matched against the message followed by its source URL in brackets:
 *
 *   test.use({ allowedConsoleErrors: { patterns: [/ERR_CONNECTION_REFUSED \(.*\/api\/sessions\//] } });
 *
 * The list sits in an object because Playwright reads an array option value as `[value, options]`:
 * a bare two-pattern array would set the first pattern alone (a RegExp, not a list).
 *
 * Uncaught page errors are never allowed.
 */

export { expect };

interface Options {
  /** Console errors this test expects: patterns over `<message> (<source url>)`. */
  allowedConsoleErrors: { patterns: RegExp[] };
}

interface Fixtures {
  pageErrors: void;
}

export const test = base.extend<Options & Fixtures>({
  allowedConsoleErrors: [{ patterns: [] }, { option: true }],
  pageErrors: [
    async ({ browser, context, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      const watch = (ctx: BrowserContext) => {
        ctx.on('weberror', (error) => {
          const e = error.error();
          errors.push(`pageerror ${error.page()?.url() ?? ''}: ${e.name}: ${e.message}`);
        });
        ctx.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = message.text();
          const where = message.location();
          const withSource = `${text} (${where.url})`;
          if (allowedConsoleErrors.patterns.some((pattern) => pattern.test(withSource))) return;
          errors.push(
            `console.error ${message.page()?.url() ?? ''}: ${text} (${where.url}:${where.lineNumber})`,
          );
        });
      };
      watch(context);
      const restore = watchNewContexts(browser, watch);
      try {
        await use();
      } finally {
        restore();
      }
      if (errors.length > 0) {
        throw new Error(`The page reported errors:\n${errors.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

/** Runs `watch` on every context the test creates with `browser.newContext()` until restored. */
function watchNewContexts(browser: Browser, watch: (ctx: BrowserContext) => void): () => void {
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
    const ctx = await original.apply(this, args);
    watch(ctx);
    return ctx;
  };
  return () => {
    browser.newContext = original;
  };
}
