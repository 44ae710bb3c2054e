import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditList, Session, type ApiError } from '../lib/consultation/api';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';

/**
 * A session's deadline (closesAt) on the real embedded database and on a real
 * PostgreSQL: it must lie ahead when set, can be moved or removed, and once it
 * has passed by the database's clock the server refuses new comments, edits
 * and supports with 403 session_closed, as for a session the facilitator closed.
 */

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe.each(DATABASES)('the deadline (closesAt) on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let facilitator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const getSession = async (sid: string) =>
    Session.parse(await (await server.app.request(`/api/sessions/${sid}`)).json());
  const patch = (sid: string, json: unknown) =>
    facilitator.request('PATCH', `/api/sessions/${sid}`, { json });
  const support = (phone: Phone, id: string, method = 'PUT') =>
    phone.client.request(method, `/api/sessions/${phone.sid}/comments/${id}/support`, {
      headers: { 'X-Device-Token': phone.token },
    });
  /** Moves the stored deadline into the past, as the clock passing it would. */
  const passDeadline = (sid: string) =>
    database.db.query(`UPDATE sessions SET closes_at = now() - interval '1 second' WHERE id = $1`, [
      sid,
    ]);
  const expectClosed = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiError).code).toBe('session_closed');
  };

  it('refuses a deadline in the past, naming the field, and creates or changes nothing', async () => {
    const before = (await (await facilitator.request('GET', '/api/sessions')).json()) as unknown[];
    const past = new Date(Date.now() - 60_000).toISOString();
    const refused = await facilitator.request('POST', '/api/sessions', {
      json: { title: '过去的截止时间', closesAt: past },
    });
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as ApiError;
    expect(error.code).toBe('bad_request');
    expect(error.error).toMatch(/closesAt: the deadline has already passed/);
    const after = (await (await facilitator.request('GET', '/api/sessions')).json()) as unknown[];
    expect(after).toHaveLength(before.length);

    const session = await facilitator.createSession('截止时间校验');
    const bad = await patch(session.id, { closesAt: past, title: '改了标题' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiError).error).toMatch(/closesAt/);
    const notADate = await patch(session.id, { closesAt: 'tomorrow' });
    expect(notADate.status).toBe(400);
    expect(((await notADate.json()) as ApiError).error).toMatch(/closesAt: not an ISO 8601/);
    const unchanged = await getSession(session.id);
    expect(unchanged.title).toBe('截止时间校验');
    expect(unchanged.closesAt).toBeUndefined();
  });

  it('takes comments and supports before the deadline', async () => {
    const closesAt = inMinutes(60);
    const session = await facilitator.createSession('一小时后截止', { closesAt });
    expect(session.closesAt).toBe(closesAt);
    expect(session.open).toBe(true);
    const author = await Phone.join(new TestClient(server.app), session.id);
    const other = await Phone.join(new TestClient(server.app), session.id);
    const comment = sampleComment('截止前的意见');
    expect((await author.put(comment)).status).toBe(201);
    expect((await support(other, comment.id)).status).toBe(201);
  });

  it('refuses new comments, edits and supports after it with 403 session_closed', async () => {
    const session = await facilitator.createSession('已过截止时间', { closesAt: inMinutes(60) });
    const author = await Phone.join(new TestClient(server.app), session.id);
    const other = await Phone.join(new TestClient(server.app), session.id);
    const third = await Phone.join(new TestClient(server.app), session.id);
    const early = sampleComment('截止前发出');
    expect((await author.put(early)).status).toBe(201);
    expect((await support(other, early.id)).status).toBe(201);

    await passDeadline(session.id);
    const closed = await getSession(session.id);
    expect(closed.open).toBe(false);
    expect(Date.parse(closed.closesAt!)).toBeLessThan(Date.now());

    await expectClosed(await author.put(sampleComment('截止后才发')));
    const edited = { ...early, text: '截止后修改', updated: '2026-12-02T09:00:00.000Z' };
    await expectClosed(await author.put(edited));
    await expectClosed(await support(third, early.id));
    await expectClosed(await support(other, early.id, 'DELETE'));

    const list = (await (
      await server.app.request(`/api/sessions/${session.id}/comments`)
    ).json()) as { comments: { id: string; text: string; supports: number }[] };
    expect(list.comments.map((c) => [c.text, c.supports])).toEqual([[early.text, 1]]);
    // A re-send of what was stored before the deadline still answers the stored comment.
    expect((await author.put(early)).status).toBe(200);
  });

  it('refuses once the database clock passes a deadline set a moment ahead', async () => {
    const session = await facilitator.createSession('马上截止', {
      closesAt: new Date(Date.now() + 1500).toISOString(),
    });
    const phone = await Phone.join(new TestClient(server.app), session.id);
    expect((await phone.put(sampleComment('赶在截止前'))).status).toBe(201);
    await vi.waitFor(async () => expect((await getSession(session.id)).open).toBe(false), {
      timeout: 15_000,
      interval: 200,
    });
    await expectClosed(await phone.put(sampleComment('晚了一步')));
  });

  it('can be moved, removed, and reopening after it removes it; each change is audited and announced', async () => {
    const session = await facilitator.createSession('可修改的截止时间');
    const later = inMinutes(90);
    const set = await patch(session.id, { closesAt: later });
    expect(set.status).toBe(200);
    expect(Session.parse(await set.json()).closesAt).toBe(later);
    const lastSeq = (await getSession(session.id)).lastSeq;
    expect(lastSeq).toBeGreaterThan(session.lastSeq);

    const cleared = Session.parse(await (await patch(session.id, { closesAt: null })).json());
    expect(cleared.closesAt).toBeUndefined();
    expect(cleared.open).toBe(true);

    expect((await patch(session.id, { closesAt: inMinutes(5) })).status).toBe(200);
    await passDeadline(session.id);
    const phone = await Phone.join(new TestClient(server.app), session.id);
    await expectClosed(await phone.put(sampleComment('截止后')));
    const reopened = Session.parse(await (await patch(session.id, { open: true })).json());
    expect(reopened.open).toBe(true);
    expect(reopened.closesAt).toBeUndefined();
    expect((await phone.put(sampleComment('重新开放后'))).status).toBe(201);

    const audit = AuditList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/audit`)).json(),
    );
    const deadlines = audit.entries.filter((e) => e.action === 'deadline');
    expect(deadlines.map((e) => e.reason ?? null)).toEqual([later, null, expect.any(String), null]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    expect(doc.components.schemas.Session.properties.closesAt).toBeTruthy();
    expect(doc.components.schemas.UpdateSessionRequest.properties.closesAt).toBeTruthy();
    expect(doc.components.schemas.CreateSessionRequest.properties.closesAt).toBeTruthy();
    const put = doc.paths['/api/sessions/{sid}/comments/{id}'].put.responses['403'];
    expect(put.description).toMatch(/closesAt has passed \(code session_closed\)/);
    const second = doc.paths['/api/sessions/{sid}/comments/{id}/support'].put.responses['403'];
    expect(second.description).toMatch(/closesAt has passed/);
  });
});
