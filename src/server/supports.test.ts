import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommentList, SupportResponse, type Session } from '../lib/consultation/api';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { listen } from './testing/http';
import { SseStream } from './testing/sse';

/**
 * 附议 (support) on the real embedded database and on a real PostgreSQL:
 * once per device, withdrawable, never one's own, counted live for everyone,
 * and charged to the device's limits.
 */

describe.each(DATABASES)('附议 (support) on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;
  let session: Session;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db, { deviceBurst: 6, devicePerMinute: 6 });
    http = await listen(server);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('附议 session');
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await database?.close();
  });

  const support = (phone: Phone, id: string) =>
    phone.client.request('PUT', `/api/sessions/${phone.sid}/comments/${id}/support`, {
      headers: { 'X-Device-Token': phone.token },
    });
  const withdraw = (phone: Phone, id: string) =>
    phone.client.request('DELETE', `/api/sessions/${phone.sid}/comments/${id}/support`, {
      headers: { 'X-Device-Token': phone.token },
    });
  const countOf = async (id: string) => {
    const list = CommentList.parse(
      await (await server.app.request(`/api/sessions/${session.id}/comments`)).json(),
    );
    return list.comments.find((c) => c.id === id)?.supports;
  };

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    const path = doc.paths['/api/sessions/{sid}/comments/{id}/support'];
    expect(Object.keys(path.put.responses)).toEqual(
      expect.arrayContaining(['200', '201', '403', '429']),
    );
    expect(path.delete).toBeTruthy();
    expect(doc.components.schemas.SupportResponse.properties.supports).toBeTruthy();
    expect(doc.components.schemas.SessionComment.properties.supports).toBeTruthy();
    expect(doc.components.schemas.ApiError.properties.code.enum).toContain('own_comment');
  });

  it('counts a support once per device (again: 200, unchanged) and lets it be withdrawn', async () => {
    const author = await Phone.join(new TestClient(server.app), session.id);
    const b = await Phone.join(new TestClient(server.app), session.id);
    const c = await Phone.join(new TestClient(server.app), session.id);
    const comment = sampleComment('请在大田街道增设口袋公园');
    expect((await author.put(comment)).status).toBe(201);
    expect(await countOf(comment.id)).toBe(0);

    const first = await support(b, comment.id);
    expect(first.status).toBe(201);
    expect(SupportResponse.parse(await first.json())).toEqual({ supported: true, supports: 1 });
    const again = await support(b, comment.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ supported: true, supports: 1 });
    expect((await support(c, comment.id)).status).toBe(201);
    expect(await countOf(comment.id)).toBe(2);

    const mine = await b.client.request('GET', `/api/sessions/${session.id}/supports`, {
      headers: { 'X-Device-Token': b.token },
    });
    expect((await mine.json()).commentIds).toEqual([comment.id]);

    const withdrawn = await withdraw(b, comment.id);
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toEqual({ supported: false, supports: 1 });
    expect(await (await withdraw(b, comment.id)).json()).toEqual({ supported: false, supports: 1 });
    expect(await countOf(comment.id)).toBe(1);
  });

  it("refuses the author's own device with 403 own_comment, and changes nothing", async () => {
    const author = await Phone.join(new TestClient(server.app), session.id);
    const comment = sampleComment('自己的意见');
    await author.put(comment);
    const response = await support(author, comment.id);
    expect(response.status).toBe(403);
    const error = await response.json();
    expect(error.code).toBe('own_comment');
    expect(error.error).toMatch(/own comment/);
    expect(await countOf(comment.id)).toBe(0);
  });

  it('needs a device of this session, and a visible comment that exists', async () => {
    const author = await Phone.join(new TestClient(server.app), session.id);
    const b = await Phone.join(new TestClient(server.app), session.id);
    const comment = sampleComment('将被隐藏');
    await author.put(comment);
    const anonymous = await new TestClient(server.app).request(
      'PUT',
      `/api/sessions/${session.id}/comments/${comment.id}/support`,
    );
    expect(anonymous.status).toBe(401);
    const other = await facilitator.createSession('another');
    const stranger = await Phone.join(new TestClient(server.app), other.id);
    const wrongSession = await stranger.client.request(
      'PUT',
      `/api/sessions/${session.id}/comments/${comment.id}/support`,
      { headers: { 'X-Device-Token': stranger.token } },
    );
    expect(wrongSession.status).toBe(401);
    expect((await support(b, sampleComment().id)).status).toBe(404);
    const badId = await support(b, 'not-a-uuid');
    expect(badId.status).toBe(400);
    expect((await badId.json()).error).toMatch(/id.*UUID/);
    await facilitator.request('POST', `/api/sessions/${session.id}/comments/${comment.id}/hide`);
    const hidden = await support(b, comment.id);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).code).toBe('not_found');
  });

  it('refuses supports in a closed session (403 session_closed)', async () => {
    const closedSession = await facilitator.createSession('closing');
    const author = await Phone.join(new TestClient(server.app), closedSession.id);
    const b = await Phone.join(new TestClient(server.app), closedSession.id);
    const comment = sampleComment();
    await author.put(comment);
    await facilitator.request('PATCH', `/api/sessions/${closedSession.id}`, {
      json: { open: false },
    });
    const response = await support(b, comment.id);
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('session_closed');
  });

  it("charges supports to the device's limits; a support that changes nothing is free", async () => {
    const own = await facilitator.createSession('limits');
    const author = await Phone.join(new TestClient(server.app), own.id);
    const b = await Phone.join(new TestClient(server.app), own.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const comment = sampleComment(`limit ${i}`);
      expect((await author.put(comment)).status).toBe(201);
      ids.push(comment.id);
    }
    // Burst 6: three supports, two repeats (refunded), three withdrawals = 6 charged.
    for (const id of ids) expect((await support(b, id)).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await support(b, ids[0]!)).status).toBe(200);
    for (const id of ids) expect((await withdraw(b, id)).status).toBe(200);
    const over = await support(b, ids[0]!);
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await over.json()).code).toBe('rate_limited');
  });

  it('sends the new count live to participants and the facilitator', async () => {
    const live = await facilitator.createSession('live supports');
    const author = await Phone.join(new TestClient(server.app), live.id);
    const b = await Phone.join(new TestClient(server.app), live.id);
    const comment = sampleComment('直播附议');
    await author.put(comment);
    const participant = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`);
    const fac = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`, {
      Cookie: facilitator.cookie,
    });
    try {
      await support(b, comment.id);
      await withdraw(b, comment.id);
      for (const stream of [participant, fac]) {
        await stream.until((events) => events.filter((e) => e.event === 'support').length === 2);
        const events = stream.events.filter((e) => e.event === 'support').map((e) => e.data);
        expect(events).toEqual([
          { seq: 2, type: 'support', commentId: comment.id, supports: 1 },
          { seq: 3, type: 'support', commentId: comment.id, supports: 0 },
        ]);
      }
    } finally {
      participant.close();
      fac.close();
    }
  });
});
