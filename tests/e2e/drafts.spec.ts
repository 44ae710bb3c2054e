import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, project, waitForIdle, watchPage } from './support/app';

const LAND: [number, number] = [121.05, 28.9];
const TEXT = '希望在临海站东侧增设公交换乘点，方便去往杜桥。';

const form = (page: Page) => page.getByTestId('comment-form');
const panel = (page: Page) => page.getByTestId('comments-panel');

/** Reload and wait for the map and for the comments storage to have been read. */
async function reloadApp(page: Page) {
  await page.reload();
  await waitForIdle(page);
  await page.getByRole('tab', { name: '意见' }).click();
  await expect(panel(page)).toHaveAttribute('data-loaded', 'true');
}

/** The app's own signal that the latest draft is on disk, and what the participant reads. */
async function draftSaved(page: Page) {
  const state = page.getByTestId('draft-state');
  await expect(state).toHaveAttribute('data-state', 'saved');
  await expect(state).toHaveText(/草稿已自动保存在本机/);
}

/** Place a pin with the mouse and start writing: kind and text, not submitted. */
async function startWriting(page: Page, text: string) {
  await page
    .locator('main')
    .getByRole('button', { name: /添加意见/ })
    .click();
  await page.getByTestId('map-container').click({ position: await project(page, LAND) });
  await expect(form(page)).toBeVisible();
  await page.getByLabel('建议').check();
  await page.getByLabel('意见内容').fill(text);
  await draftSaved(page);
}

test.describe('comment drafts', () => {
  test.slow();

  test('a draft survives a reload with its text, kind and pin; discarding it forgets it', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page);
    await startWriting(page, TEXT);
    await page.getByLabel('关联规划章节').selectOption('5.1');
    await draftSaved(page);
    const where = await form(page).locator('.where').innerText();

    await reloadApp(page);
    await expect(form(page)).toBeVisible();
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.getByLabel('意见内容')).toHaveValue(TEXT);
    await expect(page.getByRole('radio', { name: '建议' })).toBeChecked();
    await expect(page.getByLabel('关联规划章节')).toHaveValue('5.1');
    expect(await form(page).locator('.where').innerText()).toBe(where);

    // Switching tabs does not lose it either.
    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByRole('tab', { name: '意见' }).click();
    await expect(page.getByLabel('意见内容')).toHaveValue(TEXT);

    await page.getByRole('button', { name: '放弃草稿' }).click();
    await expect(form(page)).toHaveCount(0);
    await reloadApp(page);
    await expect(form(page)).toHaveCount(0);
    await expect(page.getByTestId('comment-count')).toHaveText('0 条意见');
  });

  test('a submitted comment leaves no draft behind', async ({ page }) => {
    await watchPage(page);
    await openApp(page);
    await startWriting(page, TEXT);
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(panel(page).getByRole('status')).toHaveText('意见已保存在本机');

    await reloadApp(page);
    await expect(page.getByTestId('comment-count')).toHaveText('1 条意见');
    await expect(form(page)).toHaveCount(0);
  });
});
