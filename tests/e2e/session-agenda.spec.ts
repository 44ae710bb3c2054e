import { expect, test } from './support/test';
import { freePort, TestServer, FACILITATOR_PASSWORD } from './support/server';
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
 * The agenda a room follows, with the real server: the facilitator makes a topic
 * from the section open in the reader and the map as it is, with a time box, and
 * pushes it (正在讨论). Phone A's map and reader move there; phone B (in English),
 * in the middle of writing, keeps its draft and gets a notice with a button
 * instead; the projector shows the topic and its time left; the comment B then
 * sends carries the topic (the server's tag, read back from the API). Then the
 * comments by topic: a second topic with a comment of A's, one after the topics
 * ended; the facilitator's queue filtered by 议题 and grouped under topic headings
 * with counts, live as a topic is removed (已删除的议题); B's list grouped in English.
 */

test.describe('the agenda', () => {
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

  test('a pushed topic moves phone A, asks writing phone B, and shows on the projector with its time', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: '港城融合专题讨论' });
    const a = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const b = await openScreen(browser, PHONE, `${server.url}/#session=${sid}&lang=en`);
    const projector = await openScreen(
      browser,
      PROJECTOR,
      `${server.url}/#session=${sid}&screen=projector`,
    );

    // The facilitator reads §6.1 with the map on the port, logs in and adds a topic.
    const laptop = await openScreen(
      browser,
      LAPTOP,
      `${server.url}/#map=12/28.8000/121.5500&section=6.1&session=${sid}&host`,
    );
    const fac = laptop.page;
    await fac.getByRole('tab', { name: '意见' }).click();
    const tools = fac.getByTestId('facilitator-tools');
    await tools.getByLabel('主持人密码').fill(FACILITATOR_PASSWORD);
    await tools.getByRole('button', { name: '登录' }).click();
    const editor = tools.getByTestId('agenda-editor');
    await editor.getByLabel('议题').fill('港城融合');
    await expect(editor.getByLabel(/附上正在阅读的章节 §6\.1/)).toBeChecked();
    await editor.getByLabel(/限时/).fill('10');
    await editor.getByRole('button', { name: '添加议题' }).click();
    const row = editor.getByTestId('agenda-topic');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('§6.1 港城融合');
    await expect(row).toContainText('10 分钟');

    // Phone B starts writing a comment.
    await b.page
      .locator('main')
      .getByRole('button', { name: /Add comment/ })
      .click();
    const box = (await b.page.getByTestId('map-container').boundingBox())!;
    await b.page
      .getByTestId('map-container')
      .click({ position: { x: box.width / 2, y: box.height / 2 } });
    await b.page.getByLabel('Idea').check();
    const draft = 'The port road needs a bus lane';
    await b.page.getByLabel('Your comment').fill(draft);

    // 正在讨论.
    await row.getByRole('button', { name: '正在讨论' }).click();
    await expect(row.getByRole('button', { name: '讨论中' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // Phone A: the reader opens on §6.1 and the map moves to the topic's view.
    await expect(a.page).toHaveURL(/section=6\.1/);
    await expect(a.page).toHaveURL(/map=12[^/]*\/28\.8\d*\/121\.55/);
    await expect(a.page.getByRole('tab', { name: '规划文本' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(a.page.getByTestId('agenda-now')).toContainText('§6.1 港城融合');
    await a.page.screenshot({ path: test.info().outputPath('phone-a-moved-390.png') });

    // Phone B: still writing, the draft intact, a notice with a button instead.
    const notice = b.page.getByTestId('agenda-notice');
    await expect(notice).toContainText('The facilitator moved on to §6.1 港城融合');
    await expect(b.page.getByLabel('Your comment')).toHaveValue(draft);
    await expect(b.page).not.toHaveURL(/section=6\.1/);
    await b.page.screenshot({ path: test.info().outputPath('phone-b-notice-390.png') });

    // The projector: the topic and its time left, counting down from 10 minutes.
    const topic = projector.page.getByTestId('projector-topic');
    await expect(topic).toContainText('§6.1 港城融合');
    // Counting down from the 10-minute box (however slow this machine is, never above it).
    const timeLeft = projector.page.getByTestId('projector-time-left');
    await expect(timeLeft).toHaveText(/^剩余 \d{1,2}:\d\d$/);
    const seconds = async () => {
      const [, m, s] = /(\d+):(\d\d)/.exec((await timeLeft.textContent()) ?? '')!;
      return Number(m) * 60 + Number(s);
    };
    const first = await seconds();
    expect(first).toBeLessThanOrEqual(600);
    await expect.poll(seconds).toBeLessThan(first);
    await projector.page.screenshot({ path: test.info().outputPath('projector-topic.png') });

    // B sends the comment: it carries the topic (set by the server), then B goes there.
    await b.page.getByRole('button', { name: 'Submit comment' }).click();
    await expect(b.page.getByTestId('comments-panel').getByRole('status').first()).toBeVisible();
    await b.page.getByRole('button', { name: /Back to the comments/ }).click();
    await expect(commentRow(b.page, draft).getByTestId('delivery')).toBeVisible();
    const agenda = (await (await fetch(`${server.url}/api/sessions/${sid}/agenda`)).json()) as {
      current: { topicId: string };
    };
    await expect
      .poll(async () => {
        const list = (await (await fetch(`${server.url}/api/sessions/${sid}/comments`)).json()) as {
          comments: { text: string; topic?: string }[];
        };
        return list.comments.find((c) => c.text === draft)?.topic ?? null;
      })
      .toBe(agenda.current.topicId);
    await notice.getByRole('button', { name: 'Go there' }).click();
    await expect(b.page).toHaveURL(/section=6\.1/);
    await expect(notice).toBeHidden();

    // A late joiner opens on the current topic.
    const late = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    await expect(late.page).toHaveURL(/section=6\.1/);
    await fac.screenshot({ path: test.info().outputPath('facilitator-agenda-1440.png') });

    // A second topic (the map only); phone A comments during it, then after the topics ended.
    await editor.getByLabel('议题').fill('临港产业');
    await editor.getByLabel(/附上正在阅读的章节/).uncheck();
    await editor.getByRole('button', { name: '添加议题' }).click();
    const industry = row.filter({ hasText: '临港产业' });
    await industry.getByRole('button', { name: '正在讨论' }).click();
    await expect(a.page.getByTestId('agenda-now')).toContainText('临港产业');
    const during = '临港产业园要配套公交';
    await postComment(a.page, '建议', during);
    await expect(commentRow(a.page, during).getByTestId('delivery')).toBeVisible();
    await editor.getByRole('button', { name: '结束当前议题' }).click();
    await expect(editor.getByRole('button', { name: '结束当前议题' })).toBeHidden();
    const after = '散会后停车难';
    await postComment(a.page, '担忧', after);
    await expect(commentRow(a.page, after).getByTestId('delivery')).toBeVisible();

    // The facilitator's queue: one topic's comments under its heading, then all grouped.
    const queue = tools.getByTestId('moderation-queue');
    const items = queue.getByTestId('moderation-item');
    await expect(items).toHaveCount(3);
    const topicFilter = queue.getByLabel('议题', { exact: true });
    await topicFilter.selectOption({ label: '§6.1 港城融合（1）' });
    await expect(queue.getByTestId('topic-heading')).toHaveText(['§6.1 港城融合（1）']);
    await expect(items).toHaveCount(1);
    await expect(items).toContainText(draft);
    await topicFilter.selectOption({ label: '全部' });
    await queue.getByLabel('按议题分组').check();
    await expect(queue.getByTestId('topic-heading')).toHaveText([
      '§6.1 港城融合（1）',
      '临港产业（1）',
      '议题以外（1）',
    ]);
    await expect(queue.getByTestId('moderation-topic').nth(1)).toContainText(during);
    await expect(queue.getByTestId('moderation-topic').nth(2)).toContainText(after);
    // Removing a topic keeps its comments, under a heading that says so.
    await industry.getByRole('button', { name: '删除' }).click();
    await expect(row).toHaveCount(1);
    await expect(queue.getByTestId('topic-heading')).toHaveText([
      '§6.1 港城融合（1）',
      '已删除的议题（1）',
      '议题以外（1）',
    ]);
    await queue.scrollIntoViewIfNeeded();
    await fac.screenshot({ path: test.info().outputPath('queue-by-topic-1440.png') });

    // Phone B's list, in English: grouped, then only what was said outside the agenda.
    await b.page.getByRole('tab', { name: 'Comments' }).click();
    const listB = b.page.getByTestId('comments-panel');
    await listB.getByLabel('Group by topic').check();
    await expect(listB.getByTestId('topic-heading')).toHaveText([
      '§6.1 港城融合 (1)',
      'A removed topic (1)',
      'Outside the agenda (1)',
    ]);
    await b.page.screenshot({ path: test.info().outputPath('phone-b-by-topic-390.png') });
    await listB
      .getByLabel('Topic', { exact: true })
      .selectOption({ label: 'Outside the agenda (1)' });
    await expect(listB.getByTestId('topic-heading')).toHaveText(['Outside the agenda (1)']);
    await expect(commentRow(b.page, after)).toBeVisible();
    await expect(commentRow(b.page, draft)).toHaveCount(0);

    for (const screen of [a, b, projector, laptop, late]) {
      expect(screen.watch.external).toEqual([]);
      await screen.context.close();
    }
  });
});
