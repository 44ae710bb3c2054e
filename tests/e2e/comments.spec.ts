import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, project, waitForIdle, watchPage } from './support/app';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/comments/${name}`, import.meta.url));
const XSS = '<img src=x onerror=alert(1)>';
const LAND: [number, number] = [121.05, 28.9];

/** Pins the map actually draws. */
async function renderedPins(page: Page): Promise<string[]> {
  await waitForIdle(page);
  // No pin layer until there is a pin to draw (the map is left alone without comments).
  return page.evaluate(() => {
    const map = (window as any).linhaiMap;
    if (!map.getLayer('comments_pins')) return [];
    return map
      .queryRenderedFeatures({ layers: ['comments_pins'] })
      .map((f: any) => f.properties.id as string);
  });
}

/** A dialog (alert, confirm) would mean a script ran. */
function watchDialogs(page: Page): { fired: string[] } {
  const seen = { fired: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.fired.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

async function openCommentsTab(page: Page) {
  await page.getByRole('tab', { name: '意见' }).click();
  await expect(page.getByTestId('comments-panel')).toBeVisible();
}

/** Add a comment with the mouse: the map button, a click on the map, the form. */
async function addByMouse(page: Page, kind: string, text: string, at = LAND) {
  await page
    .locator('main')
    .getByRole('button', { name: /添加意见/ })
    .click();
  await expect(page.getByTestId('comment-placing')).toBeVisible();
  const p = await project(page, at);
  await page.getByTestId('map-container').click({ position: p });
  await page.getByLabel(kind).check();
  await page.getByLabel('意见内容').fill(text);
  await page.getByRole('button', { name: '提交意见' }).click();
  await expect(page.getByTestId('comments-panel').getByRole('status')).toHaveText(
    '意见已保存在本机',
  );
}

const facilitator = (page: Page) => page.getByLabel('主持人视图');

test.describe('comment pins', () => {
  // Long journeys with reloads on a shared, loaded machine.
  test.slow();

  test('added by mouse and by keyboard only, kept over a reload, hidden and restored by the facilitator, text stays text', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    const dialogs = watchDialogs(page);
    await openApp(page);

    // Mouse: the text is hostile markup and must come back as the same characters.
    await addByMouse(page, '担忧', `货车会经过村子吗？${XSS}`);
    const detail = page.getByTestId('comment-detail');
    await expect(detail.getByTestId('comment-text')).toHaveText(`货车会经过村子吗？${XSS}`);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    // Placing the pin over the plan opened no feature card.
    await expect(page.getByTestId('feature-card')).toHaveCount(0);

    // Keyboard only: C, pan with arrows, Enter at the cross, then the form by keys.
    await page.keyboard.press('c');
    await expect(page.getByTestId('comment-placing')).toBeVisible();
    await expect(page.locator('.maplibregl-canvas')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const firstKind = page.getByRole('radio', { name: '支持' });
    await expect(firstKind).toBeFocused();
    await page.keyboard.press('ArrowDown'); // 担忧
    await page.keyboard.press('ArrowDown'); // 建议
    await expect(page.getByRole('radio', { name: '建议' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('意见内容')).toBeFocused();
    await page.keyboard.type('建议沿江增加步道');
    await expect(page.getByText('还可输入 992 字')).toBeVisible();
    for (let i = 0; i < 8; i++) {
      const onSubmit = await page
        .getByRole('button', { name: '提交意见' })
        .evaluate((b) => b === document.activeElement);
      if (onSubmit) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('comments-panel').getByRole('status')).toHaveText(
      '意见已保存在本机',
    );
    expect(await renderedPins(page)).toHaveLength(2);

    // The facilitator hides the hostile one: greyed for the facilitator, gone from the public list and map.
    await page.getByRole('button', { name: '返回意见列表' }).click();
    await facilitator(page).check();
    await page.getByRole('button', { name: /^隐藏：货车会经过村子吗/ }).click();
    await expect(page.getByTestId('comment-list').getByText('已隐藏')).toHaveCount(1);
    await expect(page.getByTestId('comment-count')).toContainText('1 条已隐藏');
    await facilitator(page).uncheck();
    await expect(page.getByTestId('comment-list').getByRole('listitem')).toHaveCount(1);
    await expect(page.getByTestId('comment-list')).not.toContainText('货车');
    await expect.poll(() => renderedPins(page)).toHaveLength(1);

    // Nothing is lost on reload: both comments, the hidden status, the public view.
    await page.reload();
    await waitForIdle(page);
    await openCommentsTab(page);
    await expect(page.getByTestId('comment-count')).toHaveText('1 条意见');
    await expect(page.getByTestId('comment-list').getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => renderedPins(page)).toHaveLength(1);

    // Restored, it is public again.
    await facilitator(page).check();
    await expect(page.getByTestId('comment-list').getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: /^恢复：货车会经过村子吗/ }).click();
    await facilitator(page).uncheck();
    await expect(page.getByTestId('comment-count')).toHaveText('2 条意见');
    await expect(page.getByTestId('comment-list').getByRole('listitem')).toHaveCount(2);
    await expect.poll(() => renderedPins(page)).toHaveLength(2);

    expect(dialogs.fired, 'dialogs opened by page scripts').toEqual([]);
    expect(watch.external).toEqual([]);
  });

  test('in English, kinds are marked S C I Q and labels take an English colon', async ({
    page,
  }) => {
    await watchPage(page);
    await openApp(page, '#tab=comments&lang=en');
    await page
      .locator('main')
      .getByRole('button', { name: /Add comment/ })
      .click();
    const p = await project(page, LAND);
    await page.getByTestId('map-container').click({ position: p });
    const form = page.getByTestId('comment-form');
    await expect(form).toContainText(/Location: 121\.\d{5}, 28\.\d{5}/);
    await expect(form.getByText('C', { exact: true })).toBeVisible(); // Concern's mark
    await page.getByLabel('Concern').check();
    await page.getByLabel('Your comment').fill('Will lorries pass the village?');
    await page.getByRole('button', { name: 'Submit comment' }).click();
    await expect(page.getByTestId('comments-panel').getByRole('status')).toHaveText(
      'Comment saved on this device',
    );
    await page.getByRole('button', { name: /back to/i }).click();
    await expect(page.getByLabel('Filter by kind').locator('option')).toHaveText([
      'All',
      'S Support',
      'C Concern',
      'I Idea',
      'Q Question',
    ]);
    const item = page.getByTestId('comment-list').getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item.locator('.mark')).toHaveText('C');
  });

  test('a feature card starts a comment pinned on the feature and linked to it', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await openApp(page, '#feature=linhai-station');
    const card = page.getByTestId('feature-card');
    await expect(card).toContainText('临海站');
    await card.getByRole('button', { name: '对此发表意见' }).click();

    await expect(page.getByTestId('comments-panel')).toBeVisible();
    await expect(page.locator('#comment-feature')).toHaveValue('linhai-station');
    await page.getByLabel('疑问').check();
    await page.getByLabel('意见内容').fill('站前广场什么时候建成？');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.getByTestId('comments-panel').getByRole('status')).toHaveText(
      '意见已保存在本机',
    );
    const detail = page.getByTestId('comment-detail');
    await expect(detail).toContainText('临海站');

    // The pin is drawn on the station itself.
    await waitForIdle(page);
    const pins = await page.evaluate(() =>
      (window as any).linhaiMap
        .queryRenderedFeatures({ layers: ['comments_pins'] })
        .map((f: any) => f.geometry.coordinates as [number, number]),
    );
    expect(pins).toHaveLength(1);
    expect(pins[0]![0]).toBeCloseTo(121.24, 3);
    expect(pins[0]![1]).toBeCloseTo(28.88, 3);
    expect(watch.external).toEqual([]);
  });

  test('exports GeoJSON and CSV, re-imports without duplicates, merges another laptop once, refuses a bad file', async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await openApp(page);
    await addByMouse(page, '疑问', '物流园的噪声怎么控制？');
    await facilitator(page).check();
    const list = page.getByTestId('comment-list').getByRole('listitem');
    await page.getByRole('button', { name: '返回意见列表' }).click();
    await expect(list).toHaveCount(1);

    // Export both formats and read the files.
    const [geojsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出意见（GeoJSON）' }).click(),
    ]);
    expect(geojsonDownload.suggestedFilename()).toMatch(/^linhai-comments-\d{8}\.geojson$/);
    const geojsonPath = await geojsonDownload.path();
    const geojson = JSON.parse(await readFile(geojsonPath, 'utf8'));
    expect(geojson.features).toHaveLength(1);
    expect(geojson.features[0].properties).toMatchObject({
      kind: 'question',
      status: 'visible',
      text: '物流园的噪声怎么控制？',
    });
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出意见（CSV）' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^linhai-comments-\d{8}\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFid,kind,status,text,lon,lat,section,feature,created,updated,schemaVersion',
    );
    expect(csv).toContain(
      `${geojson.features[0].properties.id},question,visible,物流园的噪声怎么控制？`,
    );

    const chooser = page.getByLabel('选择意见文件（GeoJSON 或 CSV）');
    const result = page.getByTestId('comment-files-result');

    // Our own export back in: nothing added.
    await chooser.setInputFiles(geojsonPath);
    await expect(result).toHaveText('新增 0 条，更新 0 条，未变 1 条');
    await expect(list).toHaveCount(1);

    // Another laptop's file: added once, and only once.
    await chooser.setInputFiles(fixture('other-laptop.geojson'));
    await expect(result).toHaveText('新增 2 条，更新 0 条，未变 0 条');
    await expect(list).toHaveCount(3);
    await chooser.setInputFiles(fixture('other-laptop.geojson'));
    await expect(result).toHaveText('新增 0 条，更新 0 条，未变 2 条');
    await expect(list).toHaveCount(3);
    // Its hidden comment stays hidden: the public view counts two.
    await expect(page.getByTestId('comment-count')).toContainText('2 条意见');

    // A malformed file: a clear error naming the problem, and nothing imported, not even its valid record.
    await chooser.setInputFiles(fixture('malformed.geojson'));
    const error = page.getByTestId('comment-files-error');
    await expect(error).toContainText('文件格式不正确');
    await expect(error).toContainText('features[1]');
    await expect(list).toHaveCount(3);
    await expect(page.getByTestId('comment-list')).not.toContainText('fine on its own');

    expect(watch.external).toEqual([]);
  });
});
