import { expect, test } from './support/test';
import { createComment } from '../../src/lib/comments/schema';
import { DEVICE_HEADER, type Session } from '../../src/lib/consultation/api';
import { FACILITATOR_PASSWORD, freePort, TestServer } from './support/server';
import {
  commentRow,
  LAPTOP,
  openScreen,
  PHONE,
  postComment,
  PROJECTOR,
} from './support/sessionPages';

/**
 * Pre-moderation with the real server, a facilitator and two phones (one in
 * English) and the projector: the facilitator creates a pre-moderated session;
 * phone A posts and sees 待审核; phone B and the projector see nothing until the
 * facilitator approves it, then it appears on both live. Then two spam comments
 * are found with the queue's keyword filter and hidden in one bulk action,
 * with a reason the audit log keeps (and offers as CSV).
 */

test.describe('a pre-moderated session', () => {
  test.slow();
  test.setTimeout(360_000);
  let server: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = new TestServer(await freePort());
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('a comment waits for approval, then appears everywhere; two are hidden in one bulk action', async ({
    browser,
  }) => {
    const facilitator = await openScreen(browser, LAPTOP, `${server.url}/#host`);
    const fac = facilitator.page;
    await fac.getByRole('tab', { name: '意见' }).click();
    const tools = fac.getByTestId('facilitator-tools');
    await tools.getByLabel('主持人密码').fill(FACILITATOR_PASSWORD);
    await tools.getByRole('button', { name: '登录' }).click();
    await tools.getByLabel('标题').fill('灵湖片区先审后发意见征集');
    await tools.getByTestId('create-premoderated').getByRole('checkbox').check();
    await tools.getByRole('button', { name: '创建' }).click();
    await expect(fac.getByTestId('current-session')).toContainText('灵湖片区先审后发意见征集');
    await expect(fac.getByTestId('premoderation-toggle')).toBeChecked();
    const sid = /session=([a-z2-7]{6})/.exec(fac.url())![1]!;

    const a = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const b = await openScreen(browser, PHONE, `${server.url}/#session=${sid}&lang=en`);
    const projector = await openScreen(
      browser,
      PROJECTOR,
      `${server.url}/#session=${sid}&screen=projector`,
    );

    const text = '灵湖周边希望增加夜间照明';
    await postComment(a.page, '建议', text);
    await expect(commentRow(a.page, text).getByTestId('delivery')).toHaveText('待审核');
    await a.page.screenshot({ path: test.info().outputPath('phone-a-awaiting-390.png') });

    // The facilitator has it, marked; phone B and the projector do not.
    const queue = fac.getByTestId('moderation-queue');
    const item = queue.getByTestId('moderation-item').filter({ hasText: text });
    await expect(item.getByTestId('pending-badge')).toHaveText('待审核');
    await expect(commentRow(b.page, text)).toHaveCount(0);
    await expect(projector.page.getByTestId('projector-total')).toHaveText('共 0 条');
    await expect(projector.page.getByTestId('projector-view')).not.toContainText(text);
    await fac.screenshot({ path: test.info().outputPath('facilitator-queue-1440.png') });

    await item.getByRole('button', { name: '通过' }).click();
    await expect(item.getByTestId('pending-badge')).toHaveCount(0);
    await expect(commentRow(b.page, text)).toBeVisible();
    await expect(projector.page.getByTestId('projector-ticker')).toContainText(text);
    await expect(projector.page.getByTestId('projector-total')).toHaveText('共 1 条');
    await expect(commentRow(a.page, text).getByTestId('delivery')).toHaveText('已发送');
    await b.page.screenshot({ path: test.info().outputPath('phone-b-approved-390.png') });
    await projector.page.screenshot({ path: test.info().outputPath('projector-approved.png') });

    // Two spam comments from a script's device, found by keyword and hidden at once.
    const session = (await (await fetch(`${server.url}/api/sessions/${sid}`)).json()) as Session;
    const center = session.focus.view!;
    const { token } = await (
      await fetch(`${server.url}/api/sessions/${sid}/devices`, { method: 'POST' })
    ).json();
    for (const spam of ['代办证件 加微信', '低价代办 加微信']) {
      const comment = createComment({
        kind: 'idea',
        text: spam,
        lon: center.lon,
        lat: center.lat,
      });
      const put = await fetch(`${server.url}/api/sessions/${sid}/comments/${comment.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', [DEVICE_HEADER]: token },
        body: JSON.stringify(comment),
      });
      expect(put.status).toBe(201);
    }
    await expect(queue.getByTestId('pending-badge')).toHaveCount(2);
    await queue.getByTestId('moderation-filter').fill('微信');
    await expect(queue.getByTestId('moderation-item')).toHaveCount(2);
    await queue.getByTestId('moderation-select-all').check();
    await expect(queue.getByTestId('moderation-selected')).toHaveText('已选 2 条');
    await queue.getByTestId('moderation-bulk-reason').fill('广告');
    await fac.screenshot({ path: test.info().outputPath('facilitator-bulk-1440.png') });
    await queue.getByTestId('moderation-bulk-hide').click();
    await expect(queue.getByText('已隐藏：广告')).toHaveCount(2);
    await expect(queue.getByTestId('pending-badge')).toHaveCount(0);
    const audit = fac.getByTestId('audit-log');
    await expect(audit.getByTestId('audit-entry').filter({ hasText: '隐藏意见' })).toHaveCount(2);
    await expect(audit.getByTestId('audit-entry').filter({ hasText: '通过意见' })).toHaveCount(1);

    // The approved comment stayed; the spam never reached phone B or the projector.
    await queue.getByTestId('moderation-filter').fill('');
    await expect(queue.getByTestId('moderation-item')).toHaveCount(3);
    await expect(commentRow(b.page, text)).toBeVisible();
    await expect(b.page.getByTestId('comment-list')).not.toContainText('微信');
    await expect(projector.page.getByTestId('projector-view')).not.toContainText('微信');

    // The audit log as CSV, for the facilitator's browser only.
    const href = await audit.getByTestId('audit-csv').getAttribute('href');
    const csv = await fac.request.get(new URL(href!, server.url).toString());
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body.match(/,hide,/g)).toHaveLength(2);
    expect((await b.page.request.get(new URL(href!, server.url).toString())).status()).toBe(401);

    for (const screen of [facilitator, a, b, projector]) {
      expect(screen.watch.external).toEqual([]);
      await screen.context.close();
    }
  });
});
