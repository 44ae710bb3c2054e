import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createComment, type Comment } from '../lib/comments/schema';
import { DEVICE_HEADER, type Session } from '../lib/consultation/api';
import type { ReportRow, SessionReport } from '../lib/consultation/report';
import { buildReport, type ReportVersion } from './report';
import { createServer, openDatabase, type Server } from './server';
import { DEFAULT_LIMITS } from './config';
import type { Db } from './store/db';
import { agendaOf } from './store/agenda';
import { allComments, getSession } from './store/queries';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, TestClient } from './testing/client';

/**
 * The report is kept between reads (reportCache.ts) and must still show every
 * change made since: each change below is followed by a read of both versions,
 * which must show the change and equal the report built from a fresh read of
 * everything. On PostgreSQL a second server on the same database makes changes
 * the first one must see (it never hears of them but through the database).
 */

const AT_DUQIAO = { lon: 121.49174, lat: 28.76876 };

describe.each(DATABASES)('the kept report on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let facilitator: TestClient;
  let session: Session;
  let author: Phone;
  let supporter: Phone;
  /** The server that makes the changes: another instance on PostgreSQL, the same one on PGlite. */
  let other: { server: Server; db: Db; facilitator: TestClient; author: Phone; supporter: Phone };
  let path: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('保留的报告');
    path = `/api/sessions/${session.id}`;
    author = await Phone.join(new TestClient(server.app), session.id);
    supporter = await Phone.join(new TestClient(server.app), session.id);
    if (kind === 'postgres') {
      const db = await openDatabase({ databaseUrl: database.url, dataDir: '' });
      const second = await createServer(db, {
        limits: DEFAULT_LIMITS,
        publicOrigins: [],
        trustProxy: 0,
        distDir: null,
        heartbeatMs: 1000,
      });
      const otherFacilitator = new TestClient(second.app);
      expect((await otherFacilitator.login()).status).toBe(200);
      other = {
        server: second,
        db,
        facilitator: otherFacilitator,
        author: new Phone(new TestClient(second.app), session.id, author.token),
        supporter: new Phone(new TestClient(second.app), session.id, supporter.token),
      };
    } else {
      other = { server, db: database.db, facilitator, author, supporter };
    }
  }, 120_000);
  afterAll(async () => {
    if (other && other.db !== database.db) await other.db.close();
    await database?.close();
  });

  const put = async (input: Parameters<typeof createComment>[0], phone = other.author) => {
    const comment = createComment(input);
    expect((await phone.put(comment)).status).toBe(201);
    return comment;
  };
  const change = async (method: string, suffix: string, json?: unknown) => {
    const response = await other.facilitator.request(method, `${path}${suffix}`, { json });
    expect(response.status, await response.clone().text()).toBe(200);
  };

  /** Both versions from the server under test, each checked against a report built from scratch. */
  async function read(): Promise<Record<ReportVersion, SessionReport>> {
    const reports = {} as Record<ReportVersion, SessionReport>;
    for (const version of ['public', 'facilitator'] as const) {
      const response =
        version === 'public'
          ? await server.app.request(`${path}/report`)
          : await facilitator.request('GET', `${path}/report`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      const report = (await response.json()) as SessionReport;
      const db = database.db;
      const fresh = buildReport(
        (await getSession(db, session.id))!,
        await agendaOf(db, session.id),
        await allComments(db, session.id),
        version,
        new Date(report.generatedAt),
      );
      expect(report).toEqual(JSON.parse(JSON.stringify(fresh)));
      reports[version] = report;
    }
    return reports;
  }
  const row = (report: SessionReport, id: string): ReportRow | undefined =>
    report.rows.find((r) => r.id === id);

  let first: Comment;
  let second: Comment;

  it('shows a new comment, read after the report was kept', async () => {
    first = await put({ kind: 'idea', text: '第一条 first', ...AT_DUQIAO });
    const before = await read();
    expect(before.public.rows.map((r) => r.id)).toEqual([first.id]);
    second = await put({ kind: 'concern', text: '第二条 second', ...AT_DUQIAO });
    const after = await read();
    expect(after.public.rows.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(after.facilitator.totals.all.total).toBe(2);
  });

  it('shows a 附议 given and withdrawn', async () => {
    const support = (method: 'PUT' | 'DELETE') =>
      other.supporter.client.request(method, `${path}/comments/${first.id}/support`, {
        headers: { [DEVICE_HEADER]: other.supporter.token },
      });
    expect((await support('PUT')).ok).toBe(true);
    expect(row((await read()).public, first.id)?.supports).toBe(1);
    expect((await support('DELETE')).ok).toBe(true);
    expect(row((await read()).public, first.id)?.supports).toBe(0);
  });

  it('shows an answer set and changed', async () => {
    await change('POST', `/comments/${first.id}/answer`, { state: 'studying', reply: '研究中' });
    let report = (await read()).public;
    expect(row(report, first.id)?.answer).toEqual({ state: 'studying', reply: '研究中' });
    expect(report.totals.all.states.studying).toBe(1);
    await change('POST', `/comments/${first.id}/answer`, { state: 'adopted', reply: '已采纳' });
    report = (await read()).public;
    expect(row(report, first.id)?.answer).toEqual({ state: 'adopted', reply: '已采纳' });
    expect(report.totals.all.states).toMatchObject({ studying: 0, adopted: 1 });
  });

  it('never shows the public a comment hidden while its report was kept, and shows it restored', async () => {
    expect(row((await read()).public, second.id)).toBeDefined();
    await change('POST', `/comments/${second.id}/hide`, { reason: '广告' });
    const hidden = await read();
    expect(row(hidden.public, second.id)).toBeUndefined();
    expect(JSON.stringify(hidden.public)).not.toContain('第二条');
    expect(row(hidden.facilitator, second.id)).toMatchObject({
      hidden: true,
      hiddenReason: '广告',
    });
    await change('POST', `/comments/${second.id}/restore`);
    const restored = await read();
    expect(row(restored.public, second.id)?.text).toBe('第二条 second');
    expect(row(restored.facilitator, second.id)?.hidden).toBeUndefined();
  });

  it('shows an edited comment’s new text', async () => {
    const edited = { ...first, text: '第一条 改过 edited', updated: new Date().toISOString() };
    expect((await other.author.put(edited)).status).toBe(200);
    expect(row((await read()).public, first.id)?.text).toBe('第一条 改过 edited');
  });

  it('keeps a comment awaiting approval from the public until it is approved', async () => {
    await change('PATCH', '', { premoderated: true });
    const waiting = await put({ kind: 'idea', text: '待审 waiting', ...AT_DUQIAO });
    let reports = await read();
    expect(row(reports.public, waiting.id)).toBeUndefined();
    expect(row(reports.facilitator, waiting.id)?.pending).toBe(true);
    await change('POST', `/comments/${waiting.id}/approve`);
    reports = await read();
    expect(row(reports.public, waiting.id)?.text).toBe('待审 waiting');
    expect(row(reports.facilitator, waiting.id)?.pending).toBeUndefined();
    await change('PATCH', '', { premoderated: false });
  });

  it('shows a comment’s topic and the topic renamed on the agenda', async () => {
    const topic = randomUUID();
    await change('PUT', '/agenda', { topics: [{ id: topic, title: '杜桥镇区', section: '5.1' }] });
    await change('POST', '/agenda/now', { topicId: topic });
    const tagged = await put({ kind: 'question', text: '议题 topic', ...AT_DUQIAO });
    let report = (await read()).public;
    expect(row(report, tagged.id)?.topic).toBe(topic);
    expect(report.totals.byTopic?.find((t) => t.topic === topic)).toMatchObject({
      title: '杜桥镇区',
      total: 1,
    });
    await change('PUT', '/agenda', {
      topics: [{ id: topic, title: '杜桥 新名 renamed', section: '5.1' }],
    });
    report = (await read()).public;
    expect(report.totals.byTopic?.find((t) => t.topic === topic)?.title).toBe('杜桥 新名 renamed');
  });

  it('shows the session closed and its deadline', async () => {
    await change('PATCH', '', { open: false });
    expect((await read()).public.session.open).toBe(false);
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    await change('PATCH', '', { open: true, closesAt });
    const report = (await read()).public;
    expect(report.session).toMatchObject({ open: true, closesAt });
  });

  it('hides from the public every comment of a device muted, and shows imported comments', async () => {
    const devices = (await (await other.facilitator.request('GET', `${path}/devices`)).json()) as {
      devices: { device: string; comments: number }[];
    };
    const label = devices.devices[0]!.device;
    await change('POST', `/devices/${label}/mute`, { reason: 'flood' });
    const muted = await read();
    expect(muted.public.rows).toEqual([]);
    expect(muted.facilitator.rows.every((r) => r.hidden)).toBe(true);
    await change('POST', `/devices/${label}/unmute`);
    const earlier = createComment({ kind: 'support', text: '会前收到 imported', ...AT_DUQIAO });
    await change('POST', '/comments/import', { comments: [earlier] });
    expect(row((await read()).public, earlier.id)?.text).toBe('会前收到 imported');
  });

  it('reads again from the database after a change made behind its back by a report filed', async () => {
    // Report counts are not in the report; the read after one still equals a fresh build.
    const filed = await other.supporter.post(`/comments/${first.id}/report`);
    expect(filed.status).toBe(200);
    await read();
  });
});
