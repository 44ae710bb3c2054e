import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  AnswerHistory,
  AuditList,
  CommentList,
  CommentResponse,
  SessionComment,
  type Session,
} from '../lib/consultation/api';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { listen } from './testing/http';
import { SseStream } from './testing/sse';

/**
 * Answers (issue 22): a facilitator answers a comment with a state and a public
 * reply; the answer reaches everyone live and in the list, earlier answers are
 * kept, a hidden comment cannot be answered, and a participant never can.
 */

describe.each(DATABASES)('answering comments on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;
  let session: Session;
  let author: Phone;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    http = await listen(server);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('答复 session');
    author = await Phone.join(new TestClient(server.app), session.id);
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await database?.close();
  });

  const posted = async (text: string) => {
    const comment = sampleComment(text);
    expect((await author.put(comment)).status).toBe(201);
    return comment;
  };
  const answer = (id: string, json: unknown, client = facilitator) =>
    client.request('POST', `/api/sessions/${session.id}/comments/${id}/answer`, { json });
  const publicList = async () =>
    CommentList.parse(
      await (await server.app.request(`/api/sessions/${session.id}/comments`)).json(),
    ).comments;

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    const path = doc.paths['/api/sessions/{sid}/comments/{id}/answer'];
    expect(Object.keys(path.post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    expect(doc.paths['/api/sessions/{sid}/comments/{id}/answers'].get).toBeTruthy();
    expect(doc.components.schemas.AnswerRequest.properties.state.enum).toEqual([
      'adopted',
      'partly',
      'rejected',
      'in_plan',
      'studying',
    ]);
    expect(doc.components.schemas.SessionComment.properties.answer).toBeTruthy();
  });

  it('answers with each state; everyone sees the current answer in the list', async () => {
    const bodies = [
      { state: 'adopted', reply: '已纳入年度实施计划。' },
      { state: 'partly', reply: '公交线路调整，站点另议。' },
      { state: 'rejected', reason: '不在本规划范围内', reply: '转交交通部门。' },
      { state: 'in_plan', section: '6.1' },
      { state: 'studying' },
    ] as const;
    for (const json of bodies) {
      const comment = await posted(`answer ${json.state}`);
      const response = await answer(comment.id, json);
      expect(response.status, json.state).toBe(200);
      const stored = SessionComment.parse(CommentResponse.parse(await response.json()).comment);
      expect(stored.answer).toMatchObject(json);
      const seen = (await publicList()).find((c) => c.id === comment.id)!;
      expect(seen.answer).toMatchObject(json);
      expect(Date.parse(seen.answer!.at)).toBeGreaterThan(0);
    }
  });

  it('refuses bad answers with 400 naming the field, and changes nothing', async () => {
    const comment = await posted('bad answers');
    const refused = [
      [{ state: 'rejected', reply: '不行' }, /reason: .*needs a reason/],
      [{ state: 'rejected', reason: '   ' }, /reason: .*needs a reason/],
      [{ state: 'in_plan' }, /section: .*needs the plan section/],
      [{ state: 'in_plan', section: 'chapter six' }, /section: not a section/],
      [{ state: 'adopted', section: '6.1' }, /section: .*only with/],
      [{ state: 'adopted', reason: 'x' }, /reason: .*only with/],
      [{ state: 'accepted' }, /state:/],
      [{ state: 'adopted', reply: '字'.repeat(1001) }, /reply: .*longer than 1000/],
      [{ state: 'adopted', reply: 'a\u0000b' }, /reply: .*NUL/],
    ] as const;
    for (const [json, message] of refused) {
      const response = await answer(comment.id, json);
      expect(response.status, JSON.stringify(json)).toBe(400);
      const error = await response.json();
      expect(error.code).toBe('bad_request');
      expect(error.error).toMatch(message);
    }
    expect((await publicList()).find((c) => c.id === comment.id)!.answer).toBeUndefined();
    const history = await facilitator.request(
      'GET',
      `/api/sessions/${session.id}/comments/${comment.id}/answers`,
    );
    expect(AnswerHistory.parse(await history.json()).answers).toEqual([]);
  });

  it('keeps every earlier answer when the answer changes; one audit entry per answer', async () => {
    const comment = await posted('answer changes');
    expect((await answer(comment.id, { state: 'studying', reply: '研究中' })).status).toBe(200);
    expect((await answer(comment.id, { state: 'adopted', reply: '采纳' })).status).toBe(200);
    // The same answer again adds nothing.
    expect((await answer(comment.id, { state: 'adopted', reply: '采纳' })).status).toBe(200);
    const history = AnswerHistory.parse(
      await (
        await facilitator.request(
          'GET',
          `/api/sessions/${session.id}/comments/${comment.id}/answers`,
        )
      ).json(),
    ).answers;
    expect(history.map((a) => [a.state, a.reply])).toEqual([
      ['studying', '研究中'],
      ['adopted', '采纳'],
    ]);
    expect((await publicList()).find((c) => c.id === comment.id)!.answer?.state).toBe('adopted');
    const audit = AuditList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/audit`)).json(),
    ).entries.filter((e) => e.commentId === comment.id);
    expect(audit.map((e) => [e.action, e.answerState])).toEqual([
      ['answer', 'studying'],
      ['answer', 'adopted'],
    ]);
    // The history is append-only in the database itself.
    await expect(database.db.query('DELETE FROM answers')).rejects.toThrow(/append-only/);
  });

  it('refuses to answer a hidden comment (409); hiding an answered one keeps the answer from participants', async () => {
    const hidden = await posted('hidden first');
    await facilitator.request('POST', `/api/sessions/${session.id}/comments/${hidden.id}/hide`);
    const refused = await answer(hidden.id, { state: 'adopted', reply: '不应公开' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).code).toBe('conflict');

    const answered = await posted('answered then hidden');
    await answer(answered.id, { state: 'adopted', reply: '公开答复后隐藏' });
    await facilitator.request('POST', `/api/sessions/${session.id}/comments/${answered.id}/hide`);
    const publicText = await (
      await server.app.request(`/api/sessions/${session.id}/comments`)
    ).text();
    expect(publicText).not.toContain('公开答复后隐藏');
    expect(publicText).not.toContain('不应公开');
    // A phone replaying the feed from the start gets the answer event only as a hide with the id.
    const lastSeq = (await (await server.app.request(`/api/sessions/${session.id}`)).json())
      .lastSeq;
    const replay = new SseStream(`${http.base}/api/sessions/${session.id}/events?after=0`);
    try {
      await replay.until((events) => events.some((e) => e.data.seq === lastSeq));
      expect(JSON.stringify(replay.events)).not.toContain('公开答复后隐藏');
      expect(replay.events.some((e) => e.event === 'moderation')).toBe(true);
    } finally {
      replay.close();
    }
    // Its author's re-send learns only that it is hidden.
    const resend = await author.put(answered);
    expect(JSON.stringify(await resend.json())).not.toContain('公开答复后隐藏');
    // The facilitator still sees the answer; restoring shows it again.
    const fac = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/comments`)).json(),
    ).comments;
    expect(fac.find((c) => c.id === answered.id)!.answer?.reply).toBe('公开答复后隐藏');
  });

  it('lets only a facilitator answer: never a device token, never without CSRF or from another origin', async () => {
    const comment = await posted('only the facilitator');
    const other = await Phone.join(new TestClient(server.app), session.id);
    for (const phone of [author, other]) {
      const response = await phone.client.request(
        'POST',
        `/api/sessions/${session.id}/comments/${comment.id}/answer`,
        { json: { state: 'adopted' }, headers: { 'X-Device-Token': phone.token } },
      );
      expect(response.status).toBe(401);
    }
    const noCsrf = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/comments/${comment.id}/answer`,
      { json: { state: 'adopted' }, csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    const foreign = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/comments/${comment.id}/answer`,
      { json: { state: 'adopted' }, headers: { Origin: 'http://evil.test' } },
    );
    expect(foreign.status).toBe(403);
    const history = await author.client.request(
      'GET',
      `/api/sessions/${session.id}/comments/${comment.id}/answers`,
      { headers: { 'X-Device-Token': author.token } },
    );
    expect(history.status).toBe(401);
    expect((await publicList()).find((c) => c.id === comment.id)!.answer).toBeUndefined();
    expect((await answer(sampleComment().id, { state: 'adopted' })).status).toBe(404);
  });

  it('sends the answer live to participants and the facilitator', async () => {
    const live = await facilitator.createSession('live answers');
    const phone = await Phone.join(new TestClient(server.app), live.id);
    const comment = sampleComment('直播答复');
    await phone.put(comment);
    const participant = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`);
    const fac = new SseStream(`${http.base}/api/sessions/${live.id}/events?after=0`, {
      Cookie: facilitator.cookie,
    });
    try {
      const response = await facilitator.request(
        'POST',
        `/api/sessions/${live.id}/comments/${comment.id}/answer`,
        { json: { state: 'partly', reply: '<b>部分</b>采纳' } },
      );
      expect(response.status).toBe(200);
      for (const stream of [participant, fac]) {
        await stream.until((events) => events.some((e) => e.event === 'answer'));
        const event = stream.events.find((e) => e.event === 'answer')!.data;
        expect(event).toMatchObject({ seq: 2, type: 'answer', commentId: comment.id });
        expect(event.comment?.answer).toMatchObject({ state: 'partly', reply: '<b>部分</b>采纳' });
        expect(event.comment?.text).toBe(comment.text);
      }
      expect(participant.events.find((e) => e.event === 'answer')!.data.comment?.device).toBe(
        undefined,
      );
    } finally {
      participant.close();
      fac.close();
    }
  });

  it('puts the answer in both exports', async () => {
    const own = await facilitator.createSession('exports');
    const phone = await Phone.join(new TestClient(server.app), own.id);
    const a = sampleComment('导出 a');
    const b = sampleComment('导出 b');
    await phone.put(a);
    await phone.put(b);
    await facilitator.request('POST', `/api/sessions/${own.id}/comments/${a.id}/answer`, {
      json: { state: 'rejected', reason: '超出范围', reply: '=转交' },
    });
    const geo = await (
      await facilitator.request('GET', `/api/sessions/${own.id}/export.geojson`)
    ).json();
    const props = (id: string) =>
      geo.features.find((f: { properties: { id: string } }) => f.properties.id === id).properties;
    expect(props(a.id)).toMatchObject({
      answerState: 'rejected',
      answerReason: '超出范围',
      answerReply: '=转交',
    });
    expect(props(b.id).answerState).toBeNull();
    const csv = await (
      await facilitator.request('GET', `/api/sessions/${own.id}/export.csv`)
    ).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const row = rows.find((r) => r.id === a.id)!;
    expect(row.answerState).toBe('rejected');
    expect(row.answerReason).toBe('超出范围');
    // A formula-looking reply is escaped like every other text cell.
    expect(row.answerReply).toBe("'=转交");
    expect(Date.parse(row.answerAt!)).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === b.id)!.answerState).toBe('');
  });
});
