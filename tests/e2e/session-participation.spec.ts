import { expect, test } from './support/test';
import { untranslated } from './support/a11y';
import { freePort, TestServer } from './support/server';
import {
  commentRow,
  createSession,
  LAPTOP,
  openScreen,
  PHONE,
  postComment,
  PROJECTOR,
} from './support/sessionPages';

/**
 * What participants' phones do in a session, with the real server:
 * - 附议: phone A (Chinese) posts, phone B (in English) seconds it; A's list and
 *   card and the projector's 附议最多 show the count live; B withdraws and
 *   everyone sees it go; A cannot second its own.
 * - The facilitator login is only at the 主持人 entry (#host), never on a phone.
 */

test.describe('participants in a session', () => {
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

  test('phone B seconds phone A’s comment; A and the projector see the count live', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: '东方大道慢行系统意见征集' });
    const a = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const projector = await openScreen(
      browser,
      PROJECTOR,
      `${server.url}/#session=${sid}&screen=projector`,
    );
    const b = await openScreen(browser, PHONE, `${server.url}/#session=${sid}&lang=en`);
    const text = '东方大道需要连续的自行车道';
    await postComment(a.page, '建议', text);
    await expect(commentRow(a.page, text).getByTestId('delivery')).toHaveText('已发送');

    // The author's own card: the count, no button to second it.
    await commentRow(a.page, text).getByRole('button').click();
    const own = a.page.getByTestId('comment-detail').getByTestId('support');
    await expect(own.getByTestId('support-count')).toHaveText('0 人附议');
    await expect(own.getByRole('button')).toHaveCount(0);
    await a.page.getByRole('button', { name: /返回意见列表/ }).click();

    // Phone B, in English, seconds it.
    const rowB = commentRow(b.page, text);
    await expect(rowB).toBeVisible();
    await rowB.getByRole('button').click();
    const supportB = b.page.getByTestId('comment-detail').getByTestId('support');
    await expect(supportB.getByTestId('support-count')).toHaveText('Seconded by 0');
    await supportB.getByRole('button', { name: 'Second' }).click();
    await expect(supportB.getByRole('button', { name: 'Withdraw my second' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(supportB.getByTestId('support-count')).toHaveText('Seconded by 1');
    expect(await untranslated(b.page)).toEqual([]);
    await b.page.screenshot({ path: test.info().outputPath('phone-b-seconded-390.png') });

    // Live on A's list and on the projector's 附议最多.
    await expect(commentRow(a.page, text).getByTestId('row-supports')).toHaveText('1 人附议');
    await a.page.screenshot({ path: test.info().outputPath('phone-a-list-390.png') });
    await projector.page.getByRole('button', { name: '附议最多' }).click();
    const top = projector.page.getByTestId('projector-most-supported');
    await expect(top.locator('li').first()).toContainText(text);
    await expect(top.getByTestId('projector-supports').first()).toHaveText('1');
    await projector.page.screenshot({ path: test.info().outputPath('projector-supported.png') });

    // After a reload B still sees its second (the server says which), and withdraws it.
    await b.page.reload();
    await b.page.getByRole('tab', { name: 'Comments' }).click();
    await commentRow(b.page, text).getByRole('button').click();
    await supportB.getByRole('button', { name: 'Withdraw my second' }).click();
    await expect(supportB.getByRole('button', { name: 'Second' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(commentRow(a.page, text).getByTestId('row-supports')).toHaveCount(0);
    await expect(projector.page.getByTestId('projector-most-supported')).toHaveCount(0);

    for (const [name, screen] of Object.entries({ a, b, projector })) {
      expect(screen.watch.external, `requests leaving the server from ${name}`).toEqual([]);
    }
    await Promise.all([a.context.close(), b.context.close(), projector.context.close()]);
  });

  test('a phone on the join link never sees the facilitator login; /#host shows it', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: '主持人入口' });
    const phone = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    await expect(phone.page.getByTestId('session-title')).toHaveText('主持人入口');
    const panel = phone.page.getByTestId('comments-panel');
    await expect(panel.getByTestId('session-privacy')).toBeVisible();
    await expect(panel.getByTestId('facilitator-tools')).toHaveCount(0);
    await expect(phone.page.getByLabel('主持人密码')).toHaveCount(0);
    await phone.page.screenshot({ path: test.info().outputPath('phone-no-login-390.png') });

    const laptop = await openScreen(browser, LAPTOP, `${server.url}/#host`);
    await laptop.page.getByRole('tab', { name: '意见' }).click();
    const tools = laptop.page.getByTestId('facilitator-tools');
    await expect(tools.getByLabel('主持人密码')).toBeVisible();
    // The entry stays in the address while the facilitator works (a reload keeps the login form).
    await expect(laptop.page).toHaveURL(/#host(&|$)/);

    await Promise.all([phone.context.close(), laptop.context.close()]);
  });

  test('a comment’s card says where it falls, and the list filters by zone', async ({
    browser,
  }) => {
    // The session opens on the 杜桥镇 seat, so a tap in the middle of the map lands there.
    const sid = await createSession(server, {
      title: '杜桥镇区意见',
      focus: { view: { zoom: 15, lat: 28.76876, lon: 121.49174 } },
    });
    const phone = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const text = '镇区停车太难';
    await postComment(phone.page, '担忧', text);
    await expect(commentRow(phone.page, text).getByTestId('delivery')).toHaveText('已发送');
    await commentRow(phone.page, text).getByRole('button').click();
    const card = phone.page.getByTestId('comment-detail');
    await expect(card.getByTestId('placement-zone')).toHaveText('东部湾区');
    await expect(card.getByTestId('placement-place')).toContainText('杜桥镇');
    await expect(card.getByTestId('placement-place')).toContainText('公里');
    await expect(card.getByTestId('placement-chapters')).not.toBeEmpty();
    await phone.page.screenshot({ path: test.info().outputPath('phone-placement-390.png') });
    await phone.page.getByRole('button', { name: /返回意见列表/ }).click();

    await phone.page.getByLabel('所在片区').selectOption({ label: '西部生态发展区' });
    await expect(phone.page.getByTestId('comment-list')).toHaveCount(0);
    await phone.page.getByLabel('所在片区').selectOption({ label: '东部湾区' });
    await expect(commentRow(phone.page, text)).toBeVisible();

    await phone.context.close();
  });
});
