import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Agenda,
  AuditList,
  CommentList,
  CommentResponse,
  type AgendaTopic,
} from '../lib/consultation/api';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { listen } from './testing/http';
import { SseStream, type ReceivedEvent } from './testing/sse';

/**
 * The agenda a room follows, on the real embedded database and on a real
 * PostgreSQL: the facilitator prepares topics and pushes one; every screen hears
 * it live; comments posted meanwhile carry it (set by the server); only a
 * facilitator (cookie + CSRF + same origin) may change it; titles stay text.
 */

const topic = (title: string, extra: Partial<AgendaTopic> = {}): AgendaTopic => ({
  id: randomUUID(),
  title,
  section: '6.1',
  ...extra,
});

describe.each(DATABASES)('the agenda on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    http = await listen(server);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await database?.close();
  });

  const agendaOf = async (sid: string) =>
    Agenda.parse(await (await server.app.request(`/api/sessions/${sid}/agenda`)).json());
  const put = (sid: string, topics: unknown, client = facilitator) =>
    client.request('PUT', `/api/sessions/${sid}/agenda`, { json: { topics } });
  const push = (sid: string, topicId: string | null, client = facilitator) =>
    client.request('POST', `/api/sessions/${sid}/agenda/now`, { json: { topicId } });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    expect(doc.paths['/api/sessions/{sid}/agenda'].get).toBeTruthy();
    expect(Object.keys(doc.paths['/api/sessions/{sid}/agenda'].put.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403']),
    );
    expect(Object.keys(doc.paths['/api/sessions/{sid}/agenda/now'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    );
    expect(doc.components.schemas.AgendaTopic.properties.minutes).toBeTruthy();
    expect(doc.components.schemas.SessionComment.properties.topic).toBeTruthy();
    expect(doc.components.schemas.SessionEvent.properties.agenda).toBeTruthy();
  });

  it('adds, edits, reorders and removes topics; anyone reads it; each change is audited', async () => {
    const own = await facilitator.createSession('edits');
    expect(await agendaOf(own.id)).toEqual({ topics: [], current: null });
    const a = topic('港城融合', { minutes: 10 });
    const b = topic('湾区生态', {
      section: undefined,
      view: { map: { zoom: 11, lat: 28.85, lon: 121.3 }, layers: ['zones'], status: ['planned'] },
    });
    const first = await put(own.id, [a, b]);
    expect(first.status).toBe(200);
    expect(Agenda.parse(await first.json()).topics.map((t) => t.title)).toEqual([
      '港城融合',
      '湾区生态',
    ]);
    // Edit a, reorder, then remove b: each a whole replace.
    const a2 = { ...a, title: '港城融合（修订）', minutes: 15 };
    expect((await put(own.id, [b, a2])).status).toBe(200);
    const read = await agendaOf(own.id);
    expect(read.topics.map((t) => t.title)).toEqual(['湾区生态', '港城融合（修订）']);
    expect(read.topics[1]!.minutes).toBe(15);
    expect(read.topics[0]!.view?.map).toEqual({ zoom: 11, lat: 28.85, lon: 121.3 });
    expect((await put(own.id, [a2])).status).toBe(200);
    expect((await agendaOf(own.id)).topics.map((t) => t.id)).toEqual([a.id]);
    // The same agenda again changes nothing: no audit row.
    expect((await put(own.id, [a2])).status).toBe(200);
    const audit = AuditList.parse(
      await (await facilitator.request('GET', `/api/sessions/${own.id}/audit`)).json(),
    );
    expect(audit.entries.filter((e) => e.action === 'agenda').map((e) => e.reason)).toEqual([
      '2 topics',
      '2 topics',
      '1 topics',
    ]);
  });

  it('refuses bad topics with 400 naming the field and the reason, and changes nothing', async () => {
    const own = await facilitator.createSession('bad input');
    const good = topic('保留的议题');
    await put(own.id, [good]);
    const cases: [unknown, RegExp][] = [
      [[{ ...topic('x'), title: '' }], /topics\.0\.title: the title is empty/],
      [[{ ...topic('x'), minutes: 0 }], /topics\.0\.minutes: the time box is under 1 minute/],
      [[{ ...topic('x'), minutes: 2.5 }], /minutes: the time box is not a whole number/],
      [[{ ...topic('x'), section: undefined }], /a topic needs a plan section or a saved map view/],
      [[{ ...topic('x'), id: 'nope' }], /topics\.0\.id: the topic id is not a UUID/],
      [[{ ...topic('x'), view: { map: { zoom: 40, lat: 0, lon: 0 } } }], /view\.map\.zoom/],
      [[good, good], /two topics have the same id/],
      ['not a list', /topics/],
    ];
    for (const [topics, reason] of cases) {
      const response = await put(own.id, topics);
      expect(response.status, JSON.stringify(topics)).toBe(400);
      const error = await response.json();
      expect(error.code).toBe('bad_request');
      expect(error.error).toMatch(reason);
    }
    expect((await agendaOf(own.id)).topics).toEqual([good]);
    const unknown = await push(own.id, randomUUID());
    expect(unknown.status).toBe(404);
    expect((await push(own.id, 'nope')).status).toBe(400);
    expect((await agendaOf(own.id)).current).toBeNull();
  });

  it('is changed only by a facilitator: no cookie, no CSRF token, another origin or a device token are refused', async () => {
    const own = await facilitator.createSession('guarded');
    const t = topic('受保护');
    const phone = await Phone.join(new TestClient(server.app), own.id);
    const withToken = await phone.client.request('PUT', `/api/sessions/${own.id}/agenda`, {
      json: { topics: [t] },
      headers: { 'X-Device-Token': phone.token },
    });
    expect(withToken.status).toBe(401);
    const pushWithToken = await phone.client.request('POST', `/api/sessions/${own.id}/agenda/now`, {
      json: { topicId: null },
      headers: { 'X-Device-Token': phone.token },
    });
    expect(pushWithToken.status).toBe(401);
    const noCsrf = await facilitator.request('PUT', `/api/sessions/${own.id}/agenda`, {
      json: { topics: [t] },
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).code).toBe('csrf');
    const crossOrigin = await facilitator.request('PUT', `/api/sessions/${own.id}/agenda`, {
      json: { topics: [t] },
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
    expect((await agendaOf(own.id)).topics).toEqual([]);
  });

  it('pushes a topic live to participants and the facilitator; comments posted meanwhile carry it', async () => {
    const live = await facilitator.createSession('live agenda');
    const first = topic('§6.1 港城融合', { minutes: 12 });
    const second = topic('<img src=x onerror=alert(1)> 湾区', { section: '5.1' });
    await put(live.id, [first, second]);
    const phone = await Phone.join(new TestClient(server.app), live.id);
    const before = sampleComment('议程之前');
    expect((await phone.put(before)).status).toBe(201);

    const participant = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`);
    const fac = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`, {
      Cookie: facilitator.cookie,
    });
    try {
      const pushed = await push(live.id, first.id);
      expect(pushed.status).toBe(200);
      const agenda = Agenda.parse(await pushed.json());
      expect(agenda.current?.topicId).toBe(first.id);
      expect(Date.now() - Date.parse(agenda.current!.startedAt)).toBeLessThan(60_000);
      const pushedEvent = (e: ReceivedEvent) =>
        e.event === 'agenda' && e.data.agenda?.current?.topicId === first.id;
      for (const stream of [participant, fac]) {
        await stream.until((events) => events.some(pushedEvent));
        const event = stream.events.find(pushedEvent)!.data as { type: string; agenda: Agenda };
        expect(event.type).toBe('agenda');
        expect(event.agenda.current).toEqual(agenda.current);
        // The title stays text, exactly as written.
        expect(event.agenda.topics[1]!.title).toBe('<img src=x onerror=alert(1)> 湾区');
      }

      // A comment now carries the topic, whatever the client sends.
      const during = sampleComment('议程之中');
      const sent = await phone.client.request(
        'PUT',
        `/api/sessions/${live.id}/comments/${during.id}`,
        { json: { ...during, topic: second.id }, headers: { 'X-Device-Token': phone.token } },
      );
      expect(sent.status).toBe(201);
      const stored = CommentResponse.parse(await sent.json()).comment;
      expect('topic' in stored && stored.topic).toBe(first.id);
      const commentEvent = (e: ReceivedEvent) =>
        e.event === 'comment' && e.data.commentId === during.id;
      await participant.until((events) => events.some(commentEvent));
      expect(participant.events.find(commentEvent)!.data.comment?.topic).toBe(first.id);

      // The next topic, then none: later comments follow.
      expect((await push(live.id, second.id)).status).toBe(200);
      const next = sampleComment('第二个议题');
      await phone.put(next);
      expect((await push(live.id, null)).status).toBe(200);
      const after = sampleComment('议程之后');
      await phone.put(after);

      const list = CommentList.parse(
        await (await server.app.request(`/api/sessions/${live.id}/comments`)).json(),
      );
      const topicOf = (id: string) => list.comments.find((c) => c.id === id)?.topic;
      expect(topicOf(before.id)).toBeUndefined();
      expect(topicOf(during.id)).toBe(first.id);
      expect(topicOf(next.id)).toBe(second.id);
      expect(topicOf(after.id)).toBeUndefined();

      const audit = AuditList.parse(
        await (await facilitator.request('GET', `/api/sessions/${live.id}/audit`)).json(),
      );
      expect(
        audit.entries.filter((e) => e.action === 'discuss').map((e) => e.topicId ?? null),
      ).toEqual([first.id, second.id, null]);
    } finally {
      participant.close();
      fac.close();
    }
  });

  it('opens a late joiner on the current topic; pushing it again keeps its clock; removing it ends it', async () => {
    const own = await facilitator.createSession('late joiner');
    const t = topic('迟到者', { minutes: 5 });
    await put(own.id, [t]);
    await push(own.id, t.id);
    const started = (await agendaOf(own.id)).current!;
    expect(started.topicId).toBe(t.id);
    await push(own.id, t.id);
    expect((await agendaOf(own.id)).current).toEqual(started);
    // Editing the topic discussed now keeps it; removing it ends it.
    await put(own.id, [{ ...t, minutes: 8 }]);
    expect((await agendaOf(own.id)).current).toEqual(started);
    await put(own.id, []);
    expect((await agendaOf(own.id)).current).toBeNull();
  });
});
