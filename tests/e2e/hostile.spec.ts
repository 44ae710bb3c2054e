import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, watchPage } from './support/app';
import { chooseCrs, chooseFile, mapIdle, openImport } from './support/importUi';

/** The hostile-input corpus: every file, through the real dialog, in one page. */
const DIR = join(import.meta.dirname, '../fixtures/hostile');
interface Case {
  file: string;
  description: string;
  expect: 'reject' | 'accept';
  error?: string;
  crs?: 'WGS84' | 'GCJ02' | 'BD09';
  features?: number;
  hostileText?: { feature: number; key: string; value: string }[];
  hostileKeys?: { feature: number; key: string }[];
  links?: { feature: number; key: string; href: string | null }[];
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  pageFlag: string;
  cases: Case[];
};

/** The features a case asks to look at, each with its checks. */
function featuresToInspect(c: Case): number[] {
  const all = [...(c.hostileText ?? []), ...(c.hostileKeys ?? []), ...(c.links ?? [])];
  return [...new Set(all.map((x) => x.feature))].sort((a, b) => a - b);
}

// The corpus in parts, each in its own page, so the parts run side by side (fullyParallel).
const PARTS = 3;
const per = Math.ceil(manifest.cases.length / PARTS);
const parts = Array.from({ length: PARTS }, (_, i) => manifest.cases.slice(i * per, (i + 1) * per));

test('the parts cover the whole corpus, each file once', () => {
  expect(manifest.cases.length).toBeGreaterThanOrEqual(60);
  expect(parts.flat().map((c) => c.file)).toEqual(manifest.cases.map((c) => c.file));
});

for (const [i, cases] of parts.entries()) {
  test(`every hostile file is rejected with a readable error or rendered inert (part ${i + 1} of ${PARTS})`, async ({
    page,
  }) => {
    // A third of the 135 files through the real UI on two shared cores; no map waits between files.
    test.setTimeout(600_000);
    await checkCases(page, cases);
  });
}

async function checkCases(page: Page, cases: Case[]) {
  const watch = await watchPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  // The manifest's error texts are the English ones.
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByTestId('import-button')).toHaveText('Import data');

  const legend = page.getByTestId('overlay-legend');
  const card = page.getByTestId('overlay-card');
  const result = page.getByTestId('import-result');
  let accepted = 0;

  await openImport(page);
  for (const c of cases) {
    await test.step(c.file, async () => {
      const what = `${c.file}: ${c.description}`;
      if (!(await page.getByTestId('import-dialog').isVisible())) await openImport(page);
      await chooseCrs(page, c.crs ?? 'WGS84');
      await chooseFile(page, join(DIR, c.file), c.file);

      if (c.expect === 'reject') {
        await expect(result.locator('.error').first(), what).toBeVisible();
        await expect(result, what).toContainText(c.error!);
        await expect(page.getByRole('button', { name: 'Add to map' }), what).toBeDisabled();
        await expect(legend.locator('li[data-overlay]'), what).toHaveCount(0);
        return;
      }

      await expect(result, what).toContainText('Ready:');
      await page.getByRole('button', { name: 'Add to map' }).click();
      accepted += 1;
      const entry = legend.locator(`li[data-overlay="ov${accepted}"]`);
      await expect(entry, what).toContainText(c.file);
      if (c.features !== undefined)
        await expect(entry.locator('.count'), what).toHaveText(String(c.features));

      for (const index of featuresToInspect(c)) {
        await entry.getByRole('button', { name: 'Browse features' }).click();
        for (let i = 0; i < index; i++) await card.getByTestId('overlay-next').click();
        await expect(card.getByTestId('overlay-card-position'), what).toHaveText(
          `Feature ${index + 1} of ${c.features ?? index + 1}`,
        );
        const rows = await card
          .locator('[data-testid="overlay-properties"] > div')
          .evaluateAll((divs) =>
            divs.map((d) => ({
              key: d.querySelector('dt')!.textContent,
              value: d.querySelector('dd')!.textContent,
              links: [...d.querySelectorAll('dd a')].map((a) => ({
                href: a.getAttribute('href'),
                rel: a.getAttribute('rel'),
                target: a.getAttribute('target'),
              })),
            })),
          );
        for (const t of (c.hostileText ?? []).filter((x) => x.feature === index)) {
          expect(rows, `${what}: ${t.key} as text`).toContainEqual(
            expect.objectContaining({ key: t.key, value: t.value }),
          );
        }
        for (const k of (c.hostileKeys ?? []).filter((x) => x.feature === index)) {
          expect(
            rows.map((r) => r.key),
            `${what}: key as text`,
          ).toContain(k.key);
        }
        for (const l of (c.links ?? []).filter((x) => x.feature === index)) {
          const row = rows.find((r) => r.key === l.key);
          expect(row, `${what}: ${l.key}`).toBeTruthy();
          expect(row!.links, `${what}: ${l.key} link`).toEqual(
            l.href === null ? [] : [{ href: l.href, rel: 'noopener noreferrer', target: '_blank' }],
          );
        }
        // Nothing from the file became an element.
        await expect(
          card.locator('script, img, svg, iframe, object, embed, template, style, b, i'),
          what,
        ).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(card).toBeHidden();
      }
      // Keep the page light: each accepted file is checked, then removed.
      await entry.getByRole('button', { name: /Remove imported layer/ }).click();
      await expect(entry).toHaveCount(0);
    });
  }
  await page.keyboard.press('Escape');
  expect(accepted, 'accepted files').toBe(cases.filter((c) => c.expect === 'accept').length);

  // After all of it: nothing ran, nothing fired, and the app still answers.
  expect(await page.evaluate((flag) => (window as any)[flag], manifest.pageFlag)).toBeUndefined();
  expect(dialogs, 'alert/confirm/prompt dialogs').toEqual([]);
  expect(watch.external).toEqual([]);
  const rail = page.locator('input[data-layer="rail"]');
  await rail.uncheck();
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as any).linhaiMap.getLayoutProperty('plan_rail_line_casing', 'visibility'),
      ),
    )
    .toBe('none');
  await rail.check();
  await mapIdle(page);
}
