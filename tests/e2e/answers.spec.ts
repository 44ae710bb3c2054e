import { expect, test } from './support/test';
import { seriousViolations } from './support/a11y';
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
 * Answers (issue 22): the facilitator answers a comment in the browser, from
 * the moderation queue and then from the comment's card; the author's phone
 * sees the answer arrive live on its own comment, marked as theirs; another
 * phone (in English) and the projector see it too; the reply stays text.
 */

test.describe('answering comments', () => {
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

  test('the facilitator answers; the author’s phone sees it arrive on its own comment, live', async ({
    browser,
  }) => {
    const laptop = await openScreen(browser, LAPTOP, `${server.url}/#host`);
    const fac = laptop.page;
    await fac.getByRole('tab', { name: '意见' }).click();
    const tools = fac.getByTestId('facilitator-tools');
    await tools.getByLabel('主持人密码').fill(FACILITATOR_PASSWORD);
    await tools.getByRole('button', { name: '登录' }).click();
    await tools.getByLabel('标题').fill('灵江两岸慢行意见征集');
    await tools.getByRole('button', { name: '创建' }).click();
    await expect(fac.getByTestId('current-session')).toContainText('灵江两岸慢行意见征集');
    const sid = /session=([a-z2-7]{6})/.exec(fac.url())![1]!;

    const author = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const reader = await openScreen(browser, PHONE, `${server.url}/#session=${sid}&lang=en`);
    const projector = await openScreen(
      browser,
      PROJECTOR,
      `${server.url}/#session=${sid}&screen=projector`,
    );
    const text = '江边步道晚上太暗，希望增加路灯';
    await postComment(author.page, '担忧', text);
    await expect(commentRow(author.page, text).getByTestId('delivery')).toHaveText('已发送');
    // The author keeps its card open while the facilitator answers.
    await commentRow(author.page, text).getByRole('button').first().click();
    const card = author.page.getByTestId('comment-detail');
    await expect(card.getByTestId('answer')).toHaveCount(0);

    // From the moderation queue: 不采纳 needs a reason, said before anything is sent.
    const item = fac
      .getByTestId('moderation-queue')
      .getByTestId('moderation-item')
      .filter({ hasText: text });
    await item.getByRole('button', { name: '答复这条意见' }).click();
    const form = item.getByTestId('answer-form');
    await form.getByLabel('答复状态').selectOption('rejected');
    await form
      .getByLabel('公开答复（最多 1000 字）')
      .fill('<img src=x onerror="alert(1)">已转交城管部门');
    await form.getByLabel('不采纳理由（必填）').fill(' ');
    await form.getByRole('button', { name: '发布答复' }).click();
    await expect(form.getByRole('alert')).toHaveText('不采纳需要写明理由。');
    await form.getByLabel('不采纳理由（必填）').fill('路灯不属于本规划的内容');
    await form.getByRole('button', { name: '发布答复' }).click();
    await expect(item.getByTestId('answer-state')).toHaveText('不采纳');

    // Live on the author's card, marked as theirs; the reply is text, not HTML.
    const answer = card.getByTestId('answer');
    await expect(answer.getByTestId('answer-state')).toHaveText('不采纳');
    await expect(answer.getByTestId('answer-mine')).toHaveText('对你的意见的答复');
    await expect(answer.getByTestId('answer-reason')).toHaveText(
      '不采纳理由：路灯不属于本规划的内容',
    );
    await expect(answer.getByTestId('answer-reply')).toHaveText(
      '<img src=x onerror="alert(1)">已转交城管部门',
    );
    await expect(author.page.locator('img[src="x"]')).toHaveCount(0);
    await answer.scrollIntoViewIfNeeded();
    await author.page.screenshot({ path: test.info().outputPath('phone-own-answer-390.png') });

    // Another phone, in English, sees the answer, not marked as its own.
    const rowEn = commentRow(reader.page, text);
    await expect(rowEn.getByTestId('answer-state')).toHaveText('Not adopted');
    await expect(rowEn.getByTestId('answer-mine')).toHaveCount(0);

    // The projector's ticker shows it.
    const ticker = projector.page.getByTestId('projector-ticker');
    await expect(ticker.getByTestId('answer-state')).toHaveText('不采纳');

    // The facilitator changes the answer from the comment's card: 规划已有安排 with a section.
    await commentRow(fac, text).getByRole('button').first().click();
    const facCard = fac.getByTestId('comment-detail');
    await facCard.getByRole('button', { name: '修改答复' }).click();
    const cardForm = facCard.getByTestId('answer-form');
    await cardForm.getByLabel('答复状态').selectOption('in_plan');
    await cardForm.getByLabel('规划章节（如 6.1）').fill('6.1');
    await cardForm.getByLabel('公开答复（最多 1000 字）').fill('滨江绿道照明已列入规划。');
    await cardForm.getByRole('button', { name: '发布答复' }).click();
    await expect(facCard.getByTestId('answer-state')).toHaveText('规划已有安排');
    expect(await seriousViolations(fac)).toEqual([]);
    await fac.screenshot({ path: test.info().outputPath('facilitator-answered-1440.png') });

    await expect(answer.getByTestId('answer-state')).toHaveText('规划已有安排');
    await expect(answer.getByTestId('answer-reply')).toHaveText('滨江绿道照明已列入规划。');
    await expect(answer.getByTestId('answer-reason')).toHaveCount(0);
    await expect(answer).toContainText('6.1');
    await expect(rowEn.getByTestId('answer-state')).toHaveText('Already in the plan');
    await expect(ticker.getByTestId('answer-state')).toHaveText('规划已有安排');
    await projector.page.screenshot({ path: test.info().outputPath('projector-answer.png') });
    await answer.scrollIntoViewIfNeeded();
    await author.page.screenshot({ path: test.info().outputPath('phone-changed-answer-390.png') });

    // Both answers are in the audit log.
    const audit = fac.getByTestId('audit-log').getByTestId('audit-entry');
    await expect(audit.filter({ hasText: '答复意见' })).toHaveCount(2);

    for (const [name, screen] of Object.entries({ laptop, author, reader, projector })) {
      expect(screen.watch.external, `requests leaving the server from ${name}`).toEqual([]);
    }
    await Promise.all([laptop, author, reader, projector].map((screen) => screen.context.close()));
  });
});
