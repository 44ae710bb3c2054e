import { expect, test } from './support/test';
import { freePort, TestServer } from './support/server';
import {
  commentRow,
  createSession,
  openScreen,
  PHONE,
  postComment,
  updateSession,
} from './support/sessionPages';

/**
 * After the session, on a participant's phone with the real server:
 * - the deadline: the time left, then 征集已截止 when the facilitator's deadline
 *   passes while a comment is being written; sending it says the session has
 *   closed, and what was written stays on the phone as a draft;
 * - the reader: a chapter and a section show how many comments concern them,
 *   and the count opens the comment list filtered to them.
 */

test.describe('after the session: the deadline and the reader', () => {
  test.slow();
  test.setTimeout(300_000);
  let server: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = new TestServer(await freePort());
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('the phone shows the time left; after the deadline, sending says it closed and keeps the draft', async ({
    browser,
  }) => {
    const closesAt = Date.now() + 119 * 60_000;
    const sid = await createSession(server, {
      title: '灵江滨水空间意见征集',
      closesAt: new Date(closesAt).toISOString(),
    });
    const phone = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const deadline = phone.page.getByTestId('session-deadline');
    await expect(deadline).toContainText(/还剩 1 小时 \d+ 分/);
    await expect(deadline).toContainText('截止时间');
    // The figure is the time left, rounded up to the minute: never more than was set, never less than is left.
    const [, m] = /还剩 1 小时 (\d+) 分/.exec((await deadline.textContent()) ?? '')!;
    const shown = 60 + Number(m);
    expect(shown).toBeLessThanOrEqual(119);
    expect(shown).toBeGreaterThanOrEqual(Math.ceil((closesAt - Date.now()) / 60_000));
    await phone.page.screenshot({ path: test.info().outputPath('phone-time-left-390.png') });

    // A comment in the making when the facilitator brings the deadline forward to a moment from now.
    await phone.page
      .locator('main')
      .getByRole('button', { name: /添加意见/ })
      .click();
    const box = (await phone.page.getByTestId('map-container').boundingBox())!;
    await phone.page.getByTestId('map-container').click({
      position: { x: box.width / 2, y: box.height / 2 },
    });
    const text = '江边步道晚上太暗，希望增加照明';
    await phone.page.getByLabel('建议').check();
    await phone.page.getByLabel('意见内容').fill(text);
    await updateSession(server, sid, {
      closesAt: new Date(Date.now() + 3000).toISOString(),
    });

    await expect(deadline).toHaveAttribute('data-state', 'closed', { timeout: 30_000 });
    await expect(deadline).toContainText('征集已截止');
    const form = phone.page.getByTestId('comment-form');
    await expect(form.getByTestId('form-closed')).toContainText('征集已截止');
    await form.getByRole('button', { name: '提交意见' }).click();
    await expect(form.getByRole('alert')).toContainText('这条意见不能再发送');
    await expect(phone.page.getByLabel('意见内容')).toHaveValue(text);
    await phone.page.screenshot({ path: test.info().outputPath('phone-closed-390.png') });

    // Nothing reached the server, and the draft is still there after a reload.
    const list = (await (await fetch(`${server.url}/api/sessions/${sid}/comments`)).json()) as {
      comments: unknown[];
    };
    expect(list.comments).toHaveLength(0);
    await phone.page.reload();
    await expect(phone.page.getByTestId('draft-restored')).toBeVisible();
    await expect(phone.page.getByLabel('意见内容')).toHaveValue(text);
    await expect(phone.page.getByTestId('form-closed')).toBeVisible();
    await phone.context.close();
  });

  test('the reader counts the comments that concern a chapter and a section, and opens them', async ({
    browser,
  }) => {
    // The session opens on the 杜桥镇 seat, so a tap in the middle of the map lands there.
    const sid = await createSession(server, {
      title: '杜桥镇区意见（章节）',
      focus: { view: { zoom: 15, lat: 28.76876, lon: 121.49174 } },
    });
    const phone = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const text = '镇区公交站太少';
    await postComment(phone.page, '担忧', text);
    await expect(commentRow(phone.page, text).getByTestId('delivery')).toHaveText('已发送');

    await phone.page.getByRole('tab', { name: '规划文本' }).click();
    const toc = phone.page.getByRole('navigation', { name: '目录' });
    const section = toc.getByRole('button', { name: /构建“一带三区”发展格局：1 条意见/ });
    await expect(section).toHaveText('1');
    await expect(
      toc.getByRole('button', { name: /五、坚持城乡一体，构建市域协调发展格局：1 条意见/ }),
    ).toHaveText('1');
    // Only chapters and sections that comments concern carry a count.
    await expect(toc.getByTestId('reader-comment-count')).not.toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: test.info().outputPath('phone-reader-counts-390.png') });

    await section.click();
    await expect(phone.page.getByRole('tab', { name: '意见' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(phone.page.getByLabel('相关章节')).toHaveValue('5.1');
    await expect(phone.page.getByTestId('comment-list').locator('li')).toHaveCount(1);
    await expect(commentRow(phone.page, text)).toBeVisible();
    await phone.page.screenshot({ path: test.info().outputPath('phone-reader-opened-390.png') });
    await phone.context.close();
  });
});
