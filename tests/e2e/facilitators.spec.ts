import { expect, test } from './support/test';
import { createComment } from '../../src/lib/comments/schema';
import { DEVICE_HEADER, type Session } from '../../src/lib/consultation/api';
import { seriousViolations } from './support/a11y';
import { FACILITATOR_PASSWORD, freePort, TestServer } from './support/server';
import { LAPTOP, openScreen, PHONE } from './support/sessionPages';

/**
 * Two named facilitators (issue 21): the first logs in at #host with the
 * prefilled account 主持人, adds 王芳 under 主持人账号; 王芳 logs in on her own
 * laptop and hides a comment; the audit log on the first laptop says she did
 * it, and that 主持人 created the session. Then 王芳 changes her own password
 * (too short, typed differently and a wrong current one are each refused with
 * their reason); the old one no longer logs in, the new one does.
 */

test.describe('named facilitators', () => {
  test.slow();
  test.setTimeout(300_000);
  let server: TestServer;
  // What this test provokes on purpose, and only that: the wrong current password's 403 and
  // the old password's 401.
  test.use({
    allowedConsoleErrors: {
      patterns: [
        /status of 403 \(Forbidden\) \(http:\/\/127\.0\.0\.1:\d+\/api\/auth\/password\)$/,
        /status of 401 \(Unauthorized\) \(http:\/\/127\.0\.0\.1:\d+\/api\/auth\/login\)$/,
      ],
    },
  });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = new TestServer(await freePort());
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('the first facilitator adds a second; the audit log names who hid a comment', async ({
    browser,
  }) => {
    const first = await openScreen(browser, LAPTOP, `${server.url}/#host`);
    const a = first.page;
    await a.getByRole('tab', { name: '意见' }).click();
    const toolsA = a.getByTestId('facilitator-tools');
    await expect(toolsA.getByLabel('主持人账号')).toHaveValue('主持人');
    await toolsA.getByLabel('主持人密码').fill(FACILITATOR_PASSWORD);
    await toolsA.getByRole('button', { name: '登录' }).click();
    await expect(toolsA.getByText('已作为主持人登录')).toBeVisible();

    // 主持人账号: add 王芳 with a first password.
    const accounts = a.getByTestId('facilitators');
    await accounts.getByLabel('新主持人账号名').fill('王芳');
    await accounts.getByLabel(/初始密码/).fill('wang-fang-2027');
    await accounts.getByRole('button', { name: '添加主持人' }).click();
    await expect(accounts.getByRole('status')).toHaveText('已添加主持人 王芳');
    await expect(accounts.getByTestId('facilitator-account')).toHaveText([
      /主持人\s*（你）/,
      /王芳/,
    ]);
    expect(await seriousViolations(a)).toEqual([]);
    await accounts.screenshot({ path: test.info().outputPath('facilitators-1440.png') });

    await toolsA.getByLabel('标题').fill('大洋街道停车意见征集');
    await toolsA.getByRole('button', { name: '创建' }).click();
    await expect(a.getByTestId('current-session')).toContainText('大洋街道停车意见征集');
    const sid = /session=([a-z2-7]{6})/.exec(a.url())![1]!;

    // A participant's comment, straight from a script near the session's centre.
    const session = (await (await fetch(`${server.url}/api/sessions/${sid}`)).json()) as Session;
    const token = (
      (await (
        await fetch(`${server.url}/api/sessions/${sid}/devices`, { method: 'POST' })
      ).json()) as {
        token: string;
      }
    ).token;
    const comment = createComment({
      kind: 'concern',
      text: '路边停车收费太贵',
      lon: session.focus.view!.lon,
      lat: session.focus.view!.lat,
    });
    const put = await fetch(`${server.url}/api/sessions/${sid}/comments/${comment.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', [DEVICE_HEADER]: token },
      body: JSON.stringify(comment),
    });
    expect(put.status).toBe(201);

    // 王芳 logs in on her own laptop with her name, and hides it.
    const second = await openScreen(browser, LAPTOP, `${server.url}/#session=${sid}&host`);
    const b = second.page;
    await b.getByRole('tab', { name: '意见' }).click();
    const toolsB = b.getByTestId('facilitator-tools');
    await toolsB.getByLabel('主持人账号').fill('王芳');
    await toolsB.getByLabel('主持人密码').fill('wang-fang-2027');
    await toolsB.getByRole('button', { name: '登录' }).click();
    await expect(toolsB.getByText('已作为王芳登录')).toBeVisible();
    const item = b
      .getByTestId('moderation-queue')
      .getByTestId('moderation-item')
      .filter({ hasText: '路边停车收费太贵' });
    await item.getByRole('textbox').fill('与本场无关');
    await item.getByRole('button', { name: /隐藏/ }).click();
    await expect(item).toContainText('已隐藏：与本场无关');

    // The first laptop's audit log, live: who hid it, and who created the session.
    const audit = a.getByTestId('audit-log').getByTestId('audit-entry');
    await expect(audit.first()).toContainText('隐藏意见');
    await expect(audit.first()).toContainText('操作人：王芳');
    await expect(audit.last()).toContainText('创建场次');
    await expect(audit.last()).toContainText('操作人：主持人');
    await a.getByTestId('audit-log').screenshot({
      path: test.info().outputPath('audit-by-name-1440.png'),
    });

    // 王芳 changes her own password on her laptop: what is wrong is said before anything is sent.
    const change = b.getByTestId('change-password');
    await change.getByText('修改我的密码').click();
    const newPassword = change.getByLabel(/^新密码/);
    const send = change.getByRole('button', { name: '修改密码' });
    await change.getByLabel('当前密码').fill('wang-fang-2027');
    await newPassword.fill('short');
    await change.getByLabel('再次输入新密码').fill('short');
    await send.click();
    await expect(change.getByRole('alert')).toHaveText('新密码太短：至少要 8 个字符。');
    await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    await newPassword.fill('wang-fang-2028');
    await change.getByLabel('再次输入新密码').fill('wang-fang-2029');
    await send.click();
    await expect(change.getByRole('alert')).toHaveText('两次输入的新密码不一样。');
    // A wrong current password is the server's to refuse (it counts as a failed login there).
    await change.getByLabel('再次输入新密码').fill('wang-fang-2028');
    await change.getByLabel('当前密码').fill('not her password');
    await send.click();
    await expect(change.getByRole('alert')).toHaveText('当前密码不对，密码没有修改。');
    await change.getByLabel('当前密码').fill('wang-fang-2027');
    await send.click();
    await expect(change.getByRole('status')).toHaveText(
      '密码已修改。你在其他设备和浏览器上的登录已结束，这里仍保持登录。',
    );
    await expect(change.getByRole('alert')).toHaveCount(0);
    await expect(toolsB.getByText('已作为王芳登录')).toBeVisible();
    await change.screenshot({ path: test.info().outputPath('change-password-1440.png') });

    // On another laptop: the old password no longer opens her account, the new one does.
    const third = await openScreen(browser, LAPTOP, `${server.url}/#host`);
    const c = third.page;
    await c.getByRole('tab', { name: '意见' }).click();
    const toolsC = c.getByTestId('facilitator-tools');
    await toolsC.getByLabel('主持人账号').fill('王芳');
    await toolsC.getByLabel('主持人密码').fill('wang-fang-2027');
    await toolsC.getByRole('button', { name: '登录' }).click();
    await expect(toolsC.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await toolsC.getByLabel('主持人密码').fill('wang-fang-2028');
    await toolsC.getByRole('button', { name: '登录' }).click();
    await expect(toolsC.getByText('已作为王芳登录')).toBeVisible();

    // The accounts on a phone-sized screen (a facilitator may manage them from a phone).
    await b.setViewportSize(PHONE.viewport);
    await b.getByTestId('facilitators').scrollIntoViewIfNeeded();
    await b.screenshot({ path: test.info().outputPath('facilitators-390.png') });

    for (const screen of [first, second, third]) {
      expect(screen.watch.external).toEqual([]);
      await screen.context.close();
    }
  });
});
