import type { Browser, Page } from '@playwright/test';
import { createComment } from '../../src/lib/comments/schema';
import { project, type Frame } from '../../src/lib/ui/report/reportMapGeometry';
import { waitForIdle, watchPage } from './support/app';
import { readPdf } from './support/pdf';
import { expect, test } from './support/test';
import { freePort, TestServer } from './support/server';
import {
  asFacilitator,
  createSession,
  LAPTOP,
  openScreen,
  PHONE,
  PROJECTOR,
} from './support/sessionPages';

/**
 * The report (issue 22): a session with comments, one answered and one hidden;
 * anyone opening `#report=<sid>` on a phone sees the public tables (never the
 * hidden comment) and the map of the comments coloured by answer, with the CSV
 * and GeoJSON to download; printed to PDF it is A4 portrait pages with the app
 * left out, the map on a page of its own.
 */

const AT_DUQIAO = { lon: 121.49174, lat: 28.76876 };
const AT_GUCHENG = { lon: 121.1161, lat: 28.84856 };
const AT_SEA = { lon: 122.5, lat: 28.5 };

/** The dot the report's map shows at a place: its answer state and colour on the screen. */
async function dotAt(page: Page, at: { lon: number; lat: number }) {
  const svg = page.getByTestId('report-map').locator('svg');
  await svg.scrollIntoViewIfNeeded();
  const frame = JSON.parse((await svg.getAttribute('data-frame'))!) as Frame;
  const [x, y] = project(frame, at.lon, at.lat);
  const box = (await svg.boundingBox())!;
  const point = [box.x + (x / frame.width) * box.width, box.y + (y / frame.height) * box.height];
  return page.evaluate(([px, py]) => {
    const hit = document.elementFromPoint(px!, py!);
    return hit instanceof SVGPathElement && hit.dataset.state
      ? { state: hit.dataset.state, colour: getComputedStyle(hit).fill }
      : { state: null, colour: null };
  }, point);
}

/**
 * A new context on a report link (`#report=<sid>`): the report alone, the map not started under
 * it (it starts when the reader leaves the report).
 */
async function openReportLink(browser: Browser, options: object, url: string) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  await watchPage(page);
  await page.goto(url);
  await expect(page.getByTestId('report-page').getByTestId('report-version')).toBeVisible();
  return { context, page };
}

/** The colour the map's legend gives an answer state. */
const swatch = (page: Page, state: string) =>
  page
    .getByTestId('report-map')
    .locator(`li[data-state="${state}"] .swatch`)
    .evaluate((el) => getComputedStyle(el).backgroundColor);

test.describe('the report', () => {
  test.slow();
  let server: TestServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = new TestServer(await freePort());
    await server.start();
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  /** A phone's device token for the session, through the API. */
  async function join(sid: string): Promise<string> {
    const response = await fetch(`${server.url}/api/sessions/${sid}/devices`, {
      method: 'POST',
      headers: { Origin: server.url },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }
  async function put(sid: string, token: string, input: Parameters<typeof createComment>[0]) {
    const comment = createComment(input);
    const response = await fetch(`${server.url}/api/sessions/${sid}/comments/${comment.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-Device-Token': token, Origin: server.url },
      body: JSON.stringify(comment),
    });
    expect(response.status).toBe(201);
    return comment.id;
  }

  test('a phone reads the public report; it prints on A4 pages without the app', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: '杜桥镇区意见采纳情况' });
    let token = await join(sid);
    const adopted = await put(sid, token, {
      kind: 'idea',
      text: '杜桥镇区停车难，建议建设立体停车楼',
      ...AT_DUQIAO,
    });
    const hidden = await put(sid, token, { kind: 'concern', text: '广告不应出现', ...AT_DUQIAO });
    await put(sid, token, {
      kind: 'question',
      text: '海上风电何时开工',
      ...AT_SEA,
      section: '7.3',
    });
    // Enough rows for the 采纳情况 table to run over more than one page (devices have a burst limit).
    for (let i = 0; i < 30; i++) {
      if (i % 8 === 0) token = await join(sid);
      await put(sid, token, {
        kind: 'support',
        text: `第 ${i + 1} 条：支持推进杜桥镇区慢行系统建设，建议同步完善公交接驳与停车配套设施。`,
        // Half of them in 古城: a place on the map where nothing is answered.
        ...(i % 2 ? AT_GUCHENG : AT_DUQIAO),
      });
    }
    const answer = await asFacilitator(
      server,
      'POST',
      `/api/sessions/${sid}/comments/${adopted}/answer`,
      {
        state: 'adopted',
        reply: '已纳入年度实施计划',
      },
    );
    expect(answer.status).toBe(200);
    const hide = await asFacilitator(
      server,
      'POST',
      `/api/sessions/${sid}/comments/${hidden}/hide`,
      {
        reason: '广告',
      },
    );
    expect(hide.status).toBe(200);

    const phone = await openReportLink(browser, PHONE, `${server.url}/#report=${sid}`);
    const page = phone.page;
    const report = page.getByTestId('report-page');
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('杜桥镇区意见采纳情况');
    await expect(report.getByTestId('report-version')).toHaveText('公开版：只含公开的意见');
    // Totals: 32 public comments, one adopted, the rest not answered yet.
    const allRow = report.getByTestId('report-by-kind').getByRole('row', { name: /全部/ });
    await expect(allRow.getByRole('cell')).toHaveText(['1', '0', '0', '0', '0', '31', '32']);
    await expect(report.getByTestId('report-by-zone')).toContainText('分区以外');
    await expect(report.getByTestId('report-by-chapter')).toContainText('第 7.3 节');
    const table = report.getByTestId('report-adoption');
    const row = table.locator('tr').filter({ hasText: '立体停车楼' }).first();
    await expect(row).toContainText('采纳');
    await expect(row).toContainText('已纳入年度实施计划');
    await expect(row).toContainText('杜桥镇');
    await expect(table).not.toContainText('广告不应出现');
    await expect(report).not.toContainText('广告');

    // The map: every public comment a dot coloured by its answer, the legend counting them in words.
    const map = report.getByTestId('report-map');
    await expect(map.getByRole('heading', { level: 2 })).toHaveText('意见分布图：按答复状态');
    await expect(
      map.getByRole('list', { name: '答复状态与意见数' }).getByRole('listitem'),
    ).toHaveText([
      /^\s*采纳\s*1\s*$/,
      /^\s*部分采纳\s*0\s*$/,
      /^\s*不采纳\s*0\s*$/,
      /^\s*规划已有安排\s*0\s*$/,
      /^\s*研究中\s*0\s*$/,
      /^\s*未答复\s*31\s*$/,
    ]);
    // The question at sea lies beyond the frame: counted, not drawn, and the caption says so.
    await expect(map.getByTestId('report-map-outside')).toContainText('另有 1 条意见');
    // At 杜桥 the adopted comment shows over the pile of unanswered ones, in the legend's 采纳 colour;
    // 古城's comments are all unanswered.
    expect(await dotAt(page, AT_DUQIAO)).toEqual({
      state: 'adopted',
      colour: await swatch(page, 'adopted'),
    });
    expect(await dotAt(page, AT_GUCHENG)).toEqual({
      state: 'unanswered',
      colour: await swatch(page, 'unanswered'),
    });
    expect(await swatch(page, 'adopted')).not.toBe(await swatch(page, 'unanswered'));
    await expect(report.getByTestId('report-csv')).toHaveAttribute(
      'href',
      `/api/sessions/${sid}/report.csv`,
    );
    await page.screenshot({ path: test.info().outputPath('report-phone.png'), fullPage: false });

    // On paper: the report alone (the app hidden), its table's header repeated on each page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('map-container')).toBeHidden();
    await expect(table).toBeVisible();
    // Each chapter's rows are tables of their own on paper (one long table could not be
    // printed at 20,000 comments), each with its header repeated.
    const headers = await table
      .locator('table thead')
      .evaluateAll((heads) => heads.map((el) => getComputedStyle(el).display));
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every((display) => display === 'table-header-group')).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // The map, its legend and caption on a page of their own: after the totals' page, no table
    // cell beside them, the 采纳情况 table going on after it over two pages or more.
    const printed = readPdf(pdf);
    const figure = printed.parts.find(
      (p) => p.role === 'Figure' && p.alt === '意见分布图：按答复状态',
    );
    expect(figure?.pages).toHaveLength(1);
    const mapPage = figure!.pages[0]!;
    expect(mapPage).toBeGreaterThanOrEqual(1);
    const on = (page: number, roles: string[]) =>
      printed.parts.filter((p) => roles.includes(p.role) && p.pages.includes(page));
    expect(on(mapPage, ['LI'])).toHaveLength(6);
    expect(on(mapPage, ['TD', 'TH'])).toEqual([]);
    expect(on(mapPage - 1, ['TD']).length).toBeGreaterThan(0);
    expect(printed.pageCount).toBeGreaterThanOrEqual(mapPage + 3);
    expect(on(mapPage + 1, ['TD']).length).toBeGreaterThan(0);
    // A4 portrait: 595 × 842 points.
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(text)![1]!.trim().split(/\s+/).map(Number);
    expect(Math.round(box[2]!)).toBe(595);
    expect(Math.round(box[3]!)).toBe(842);
    // Back on screen, 返回地图 closes it: the map again, the link gone from the address.
    await page.emulateMedia({ media: 'screen' });
    await report.getByRole('button', { name: '返回地图' }).click();
    await expect(report).toHaveCount(0);
    await expect(page.getByTestId('map-container')).toBeVisible();
    expect(page.url()).not.toContain('report=');
    await phone.context.close();

    // The same public report on a laptop and on the projector (English there).
    for (const [size, hash] of [
      [LAPTOP, `#report=${sid}`],
      [PROJECTOR, `#report=${sid}&lang=en`],
    ] as const) {
      const screen = await openReportLink(browser, size, `${server.url}/${hash}`);
      const shown = screen.page.getByTestId('report-page');
      await expect(shown.getByTestId('report-adoption')).toContainText('立体停车楼');
      await expect(shown.getByRole('heading', { level: 1 })).toBeInViewport();
      await screen.page.screenshot({
        path: test.info().outputPath(`report-${size.viewport.width}.png`),
      });
      await screen.context.close();
    }
  });

  test('opened by its link the report stands alone; leaving it, the map starts and works', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: 'Opened by link' });
    await put(sid, await join(sid), {
      kind: 'idea',
      text: 'A comment in the report',
      ...AT_DUQIAO,
    });
    const { context, page } = await openReportLink(
      browser,
      LAPTOP,
      `${server.url}/#report=${sid}&lang=en`,
    );
    const report = page.getByTestId('report-page');
    // In the link's language from the start; nothing of the map under it.
    await expect(report.getByTestId('report-adoption')).toContainText('A comment in the report');
    await expect(report.getByTestId('report-version')).toHaveText(/^Public version/);
    await expect(page.getByTestId('map-container')).toHaveCount(0);

    await report.getByRole('button', { name: 'Back to the map' }).click();
    await expect(report).toHaveCount(0);
    await expect(page.getByTestId('map-container')).toBeVisible();
    await waitForIdle(page);
    expect(page.url()).not.toContain('report=');
    // The map works as on a normal load, in the link's language: its zoom button zooms in.
    const zoom = () => page.evaluate(() => (window as any).linhaiMap.getZoom() as number);
    const before = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBeGreaterThan(before);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Back: the report again, now over the running map.
    await page.goBack();
    await expect(report.getByTestId('report-adoption')).toContainText('A comment in the report');
    await report.getByRole('button', { name: 'Back to the map' }).click();
    await expect(page.getByTestId('map-container')).toBeVisible();
    await context.close();
  });

  test('a long report shows its top rows at once, builds the rest after, and prints every row', async ({
    browser,
  }) => {
    // 360 comments outside every chapter: one group of four blocks of rows, the first built
    // with the page, the others after the first paint.
    const sid = await createSession(server, { title: '长报告' });
    const comments = Array.from({ length: 360 }, (_, i) =>
      createComment({ kind: 'idea', text: `第 ${i + 1} 条：海上风电配套意见`, ...AT_SEA }),
    );
    const imported = await asFacilitator(server, 'POST', `/api/sessions/${sid}/comments/import`, {
      comments,
    });
    expect(await imported.json()).toEqual({ added: 360, existing: 0 });
    const url = `${server.url}/#report=${sid}`;
    const rows = (page: Page) => page.locator('[data-testid="report-adoption"] tr[data-id]');
    const last = (page: Page) => rows(page).filter({ hasText: /^.*第 360 条：/ });

    // A reader who waits: every row comes, and the table says it is complete.
    const reader = await openReportLink(browser, LAPTOP, url);
    await expect(reader.page.getByTestId('report-adoption')).toHaveAttribute('data-complete');
    await expect(rows(reader.page)).toHaveCount(360);
    await last(reader.page).scrollIntoViewIfNeeded();
    await expect(last(reader.page)).toBeInViewport();
    const complete = readPdf(await reader.page.pdf({ preferCSSPageSize: true, tagged: true }));
    await reader.context.close();

    // With the page's timers held (the clock paused), nothing is built after the first paint …
    const held = async () => {
      const context = await browser.newContext({ ...LAPTOP, serviceWorkers: 'block' });
      const page = await context.newPage();
      await watchPage(page);
      await page.clock.install();
      await page.clock.pauseAt(new Date(Date.now() + 60_000));
      await page.goto(url);
      await expect(page.getByTestId('report-version')).toBeVisible();
      await expect(rows(page)).toHaveCount(100);
      await expect(page.getByTestId('report-adoption')).not.toHaveAttribute('data-complete');
      return { context, page };
    };
    // … yet printing puts in every row: the same pages and cells as the complete page's.
    const printer = await held();
    const printed = readPdf(await printer.page.pdf({ preferCSSPageSize: true, tagged: true }));
    const cells = (pdf: typeof printed) => pdf.parts.filter((p) => p.role === 'TD').length;
    expect(cells(complete)).toBeGreaterThanOrEqual(360 * 3);
    expect(cells(printed)).toBe(cells(complete));
    expect(printed.pageCount).toBe(complete.pageCount);
    await expect(rows(printer.page)).toHaveCount(360);
    await printer.context.close();
    // … and scrolling to the end of the table builds the rows there.
    const scroller = await held();
    await scroller.page
      .getByTestId('report-adoption')
      .locator('tbody')
      .last()
      .scrollIntoViewIfNeeded();
    await expect(last(scroller.page)).toBeInViewport();
    await scroller.context.close();
  });

  test('a participant opens the report from the session and Back returns to the map', async ({
    browser,
  }) => {
    const sid = await createSession(server, { title: '回到地图' });
    await put(sid, await join(sid), { kind: 'idea', text: '报告里的一条意见', ...AT_DUQIAO });
    const phone = await openScreen(browser, PHONE, `${server.url}/#session=${sid}`);
    const page = phone.page;
    await page.getByTestId('session-report-link').click();
    const report = page.getByTestId('report-page');
    await expect(report.getByTestId('report-adoption')).toContainText('报告里的一条意见');
    expect(page.url()).toContain(`report=${sid}`);
    // The browser's Back closes the report: the session's map, not the page before the app.
    await page.goBack();
    await expect(report).toHaveCount(0);
    await expect(page.getByTestId('map-container')).toBeVisible();
    expect(page.url()).toContain(`session=${sid}`);
    expect(page.url()).not.toContain('report=');
    await phone.context.close();
  });
});
