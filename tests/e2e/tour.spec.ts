import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { TOUR_STEPS } from '../../src/lib/tour/steps';
import { openApp, watchPage } from './support/app';

const TOTAL = TOUR_STEPS.length;

/** The layers ticked in the layer panel, in panel order. */
async function checkedLayers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[data-layer]')]
      .filter((i) => i.checked)
      .map((i) => i.dataset.layer!),
  );
}

/**
 * Resolves once the camera rests on the step: at most the step's zoom, with the step's
 * places (its `frame`) on the map and clear of the step card.
 */
async function cameraAt(page: Page, position: number): Promise<void> {
  const { camera, frame } = TOUR_STEPS[position - 1]!;
  await page.waitForFunction(
    ([[w, s, e, n], zoom]) => {
      const map = (window as any).linhaiMap;
      if (map.isMoving() || map.getZoom() > zoom + 1e-2) return false;
      const card = document.querySelector('[data-testid="tour-overlay"]')?.getBoundingClientRect();
      const box = map.getContainer().getBoundingClientRect();
      if (!card) return false;
      return [
        [w, s],
        [e, n],
        [w, n],
        [e, s],
      ].every((corner) => {
        const p = map.project(corner);
        const x = box.left + p.x;
        const y = box.top + p.y;
        const onMap =
          x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1;
        const underCard = x > card.left && x < card.right && y > card.top && y < card.bottom;
        return onMap && !underCard;
      });
    },
    [frame, camera.zoom] as const,
  );
}

async function expectStep(page: Page, position: number): Promise<void> {
  const step = TOUR_STEPS[position - 1]!;
  const overlay = page.getByTestId('tour-overlay');
  await expect(overlay.getByRole('heading', { level: 2 })).toHaveText(step.title.zh);
  await expect(overlay).toContainText(`第 ${position} 步，共 ${TOTAL} 步`);
  await expect(overlay.locator('blockquote')).toContainText(step.quote);
  await cameraAt(page, position);
  expect((await checkedLayers(page)).sort()).toEqual([...step.layers].sort());
  await expect(page).toHaveURL(new RegExp(`[#&]tour=${position}(&|$)`));
}

test.describe('guided tour', () => {
  test('runs start to end by keyboard and gives the user back their layers', async ({ page }) => {
    // Fourteen camera moves on a shared two-core machine: a larger budget, no timing assertion.
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const watch = await watchPage(page);
    await openApp(page);
    // The user's own choice of layers before the tour.
    await page.locator('input[data-layer="culture"]').check();
    const before = await checkedLayers(page);
    expect(before).toContain('culture');

    const start = page.getByRole('button', { name: '导览' });
    await start.focus();
    await page.keyboard.press('Enter');
    const overlay = page.getByRole('dialog', { name: TOUR_STEPS[0]!.title.zh });
    await expect(overlay).toBeVisible();
    await expect(overlay).toBeFocused();
    await expectStep(page, 1);

    // Forward through every step: arrows and a presenter clicker's PageDown.
    for (let position = 2; position <= TOTAL; position++) {
      await page.keyboard.press(position % 2 ? 'PageDown' : 'ArrowRight');
      await expectStep(page, position);
    }
    // Past the end stays at the end.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, TOTAL);
    // Back, by arrow and PageUp; Home and End jump.
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, TOTAL - 1);
    await page.keyboard.press('PageUp');
    await expectStep(page, TOTAL - 2);
    await page.keyboard.press('Home');
    await expectStep(page, 1);
    await page.keyboard.press('End');
    await expectStep(page, TOTAL);

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tour-overlay')).toHaveCount(0);
    await expect(start).toBeFocused();
    expect(await checkedLayers(page)).toEqual(before);
    await expect(page).not.toHaveURL(/tour=/);
    expect(watch.external, 'requests that left the local server').toEqual([]);
  });

  test('#tour=3 opens step 3, flies there, and its quote links to the section', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page, '#tour=3');
    await expectStep(page, 3);
    const step = TOUR_STEPS[2]!;

    await page.getByRole('button', { name: `阅读原文：第 ${step.section} 节` }).click();
    await expect(page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.locator(`#plan-heading-${step.section.replace('.', '\\.')}`)).toBeVisible();
    // Reading the section keeps the tour and its camera.
    await expect(page.getByTestId('tour-overlay')).toBeVisible();
    await cameraAt(page, 3);
  });
});
