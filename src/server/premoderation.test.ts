import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditList,
  BulkModerationResponse,
  CommentList,
  CommentResponse,
  DEVICE_HEADER,
  Session,
  type SessionComment,
} from '../lib/consultation/api';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { listen } from './testing/http';
import { SseStream } from './testing/sse';

/**
 * Pre-moderation and moderation at scale, on the embedded database and on a
 * real PostgreSQL: a comment in a pre-moderated session reaches nobody but its
 * author and the facilitator until approved (not the list, not the live feed,
 * not a replay, not 附议 or reports); approving shows it everywhere, live;
 * bulk actions are all-or-nothing and audited per comment; a restore keeps
 * its reason; the audit log downloads as CSV.
 */

describe.each(DATABASES)('pre-moderation and bulk moderation on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;
  let session: Session;
  let author: Phone;
  let other: Phone;
  const streams: SseStream[] = [];

  const path = (rest = '') => `/api/sessions/${session.id}${rest}`;
  const publicList = async () =>
    CommentList.parse(await (await server.app.request(path('/comments'))).json()).comments;
  const facilitatorList = async () =>
    CommentList.parse(await (await facilitator.request('GET', path('/comments'))).json()).comments;
  const auditEntries = async () =>
    AuditList.parse(await (await facilitator.request('GET', path('/audit'))).json()).entries;
  const lastSeq = async () =>
    Session.parse(await (await server.app.request(path())).json()).lastSeq;
  const epoch = async () =>
    ((await (await server.app.request(path('/comments'))).json()) as { epoch: string }).epoch;
  const stream = (after: string, headers: Record<string, string> = {}) => {
    const s = new SseStream(
      `${http.base}${path('/events')}?after=${encodeURIComponent(after)}`,
      headers,
    );
    streams.push(s);
    return s;
  };
  const facilitatorHeaders = () => ({ Cookie: facilitator.cookie });
  const bySeq = (s: SseStream, seq: number) => s.events.find((e) => e.data.seq === seq);
  const support = (phone: Phone, id: string) =>
    phone.client.request('PUT', path(`/comments/${id}/support`), {
      headers: { [DEVICE_HEADER]: phone.token },
    });
  const bulk = (json: unknown, client = facilitator) =>
    client.request('POST', path('/comments/moderation'), { json });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db, { deviceBurst: 50, devicePerMinute: 60 });
    http = await listen(server);
    facilitator = new TestClient(server.app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('先审后发', { premoderated: true });
    author = await Phone.join(new TestClient(server.app), session.id);
    other = await Phone.join(new TestClient(server.app), session.id);
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await http?.close();
    await database?.close();
  });

  it('is a session setting, set at creation and editable by the facilitator only', async () => {
    expect(session.premoderated).toBe(true);
    const plain = await facilitator.createSession('直接发布');
    expect(plain.premoderated).toBe(false);
    const bad = await facilitator.request('PATCH', `/api/sessions/${plain.id}`, {
      json: { premoderated: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('premoderated');
    const byPhone = await other.client.request('PATCH', `/api/sessions/${plain.id}`, {
      json: { premoderated: true },
      headers: { [DEVICE_HEADER]: other.token },
    });
    expect(byPhone.status).toBe(401);
    const on = await facilitator.request('PATCH', `/api/sessions/${plain.id}`, {
      json: { premoderated: true },
    });
    expect(Session.parse(await on.json()).premoderated).toBe(true);
  });

  let waiting: ReturnType<typeof sampleComment>;
  let waitingSeq: number;

  it('keeps a new comment from everyone but its author and the facilitator: list, live, replay, 附议, report', async () => {
    const resume = `${await epoch()}:${await lastSeq()}`;
    const live = stream(resume);
    const watching = stream(resume, facilitatorHeaders());
    waiting = sampleComment('待审核的意见');

    const put = await author.put(waiting);
    expect(put.status).toBe(201);
    const answer = CommentResponse.parse(await put.json()).comment as SessionComment;
    expect(answer.pending).toBe(true);
    expect(answer.text).toBe(waiting.text);
    waitingSeq = answer.seq;

    // The facilitator sees it, marked pending, in the list and live.
    await watching.until(() => bySeq(watching, waitingSeq) !== undefined);
    expect(bySeq(watching, waitingSeq)!.data.comment?.pending).toBe(true);
    expect((await facilitatorList()).find((c) => c.id === waiting.id)?.pending).toBe(true);
    const counts = Session.parse(await (await facilitator.request('GET', path())).json()).counts;
    expect(counts.pending).toBe(1);

    // Participants: the seq passes (streams stay gapless), nothing of the comment does.
    await live.until(() => bySeq(live, waitingSeq) !== undefined);
    const seen = bySeq(live, waitingSeq)!.data;
    expect(seen).toEqual({ seq: waitingSeq, type: 'comment' });
    const replay = stream('0');
    await replay.until(() => bySeq(replay, waitingSeq) !== undefined);
    for (const text of [JSON.stringify(live.events), JSON.stringify(replay.events)]) {
      expect(text).not.toContain(waiting.id);
      expect(text).not.toContain('待审核的意见');
    }
    const listed = JSON.stringify(await publicList());
    expect(listed).not.toContain(waiting.id);
    expect(listed).not.toContain('待审核的意见');

    // Another device can neither support, report nor read it back by re-sending it.
    expect((await support(other, waiting.id)).status).toBe(404);
    expect((await other.post(`/comments/${waiting.id}/report`)).status).toBe(404);
    expect((await other.put(waiting)).status).toBe(409);
    // Its author's re-send still says it waits.
    const again = CommentResponse.parse(await (await author.put(waiting)).json());
    expect((again.comment as SessionComment).pending).toBe(true);
  });

  it('approving shows it to everyone, live, and is audited; only the facilitator may approve', async () => {
    expect(
      (
        await other.client.request('POST', path(`/comments/${waiting.id}/approve`), {
          headers: { [DEVICE_HEADER]: other.token },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await facilitator.request('POST', path(`/comments/${waiting.id}/approve`), {
          csrf: false,
        })
      ).status,
    ).toBe(403);
    expect(await publicList()).not.toContainEqual(expect.objectContaining({ id: waiting.id }));

    const live = stream(`${await epoch()}:${await lastSeq()}`);
    const approved = await facilitator.request('POST', path(`/comments/${waiting.id}/approve`));
    expect(approved.status).toBe(200);
    const comment = CommentResponse.parse(await approved.json()).comment as SessionComment;
    expect(comment.pending).toBeUndefined();

    await live.until((events) => events.some((e) => e.data.comment?.id === waiting.id));
    const event = live.events.find((e) => e.data.comment?.id === waiting.id)!;
    expect(event.event).toBe('comment');
    expect(event.data.comment?.text).toBe(waiting.text);
    expect(event.data.comment?.device).toBeUndefined();
    expect((await publicList()).map((c) => c.id)).toContain(waiting.id);
    // A replay from the start still leaves the waiting-time event empty; the approval carries it.
    const replay = stream('0');
    await replay.until((events) => events.some((e) => e.data.comment?.id === waiting.id));
    expect(bySeq(replay, waitingSeq)!.data).toEqual({ seq: waitingSeq, type: 'comment' });

    expect((await support(other, waiting.id)).status).toBe(201);
    const entries = await auditEntries();
    expect(entries.filter((e) => e.action === 'approve').map((e) => e.commentId)).toEqual([
      waiting.id,
    ]);
  });

  it('hides, approves or restores a selection in one all-or-nothing request, audited per comment', async () => {
    const three = [sampleComment('广告一'), sampleComment('广告二'), sampleComment('好建议')];
    for (const c of three) expect((await author.put(c)).status).toBe(201);
    const [first, second, good] = three as [
      (typeof three)[0],
      (typeof three)[0],
      (typeof three)[0],
    ];
    const auditBefore = (await auditEntries()).length;
    const seqBefore = await lastSeq();

    // One unknown id: nothing changes, no event, no audit entry.
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await bulk({ action: 'hide', ids: [first.id, second.id, unknown] });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error).toContain(unknown);
    expect(await lastSeq()).toBe(seqBefore);
    expect((await auditEntries()).length).toBe(auditBefore);
    expect((await facilitatorList()).filter((c) => c.hidden)).toEqual([]);

    // Bad bodies: 400 naming the field.
    const tooMany = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const [json, field] of [
      [{ action: 'hide', ids: tooMany }, 'ids'],
      [{ action: 'hide', ids: [first.id, first.id] }, 'ids'],
      [{ action: 'hide', ids: [] }, 'ids'],
      [{ action: 'delete', ids: [first.id] }, 'action'],
      [{ action: 'hide', ids: ['not-a-uuid'] }, 'ids'],
      [{ action: 'hide', ids: [first.id], reason: 'x'.repeat(501) }, 'reason'],
    ] as const) {
      const response = await bulk(json);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toContain(field);
    }
    // A participant's device token never works; nor a request without the CSRF token.
    const phoneBulk = await other.client.request('POST', path('/comments/moderation'), {
      json: { action: 'hide', ids: [first.id] },
      headers: { [DEVICE_HEADER]: other.token },
    });
    expect(phoneBulk.status).toBe(401);
    expect(
      (
        await facilitator.request('POST', path('/comments/moderation'), {
          json: { action: 'hide', ids: [first.id] },
          csrf: false,
        })
      ).status,
    ).toBe(403);
    expect(await lastSeq()).toBe(seqBefore);

    const live = stream(`${await epoch()}:${seqBefore}`);
    const hidden = await bulk({ action: 'hide', ids: [first.id, second.id], reason: '广告' });
    expect(hidden.status).toBe(200);
    const done = BulkModerationResponse.parse(await hidden.json()).comments;
    expect(done.map((c) => [c.id, c.hidden, c.hiddenReason])).toEqual([
      [first.id, true, '广告'],
      [second.id, true, '广告'],
    ]);
    const approved = await bulk({ action: 'approve', ids: [good.id] });
    expect(approved.status).toBe(200);

    await live.until((events) => events.some((e) => e.data.comment?.id === good.id));
    // Participants learned two ids were hidden and the approved comment; never the ads' text.
    expect(JSON.stringify(live.events)).not.toContain('广告');
    expect((await publicList()).map((c) => c.id)).toContain(good.id);
    expect((await publicList()).map((c) => c.id)).not.toContain(first.id);
    const added = (await auditEntries()).slice(auditBefore);
    expect(added.map((e) => [e.action, e.commentId, e.reason])).toEqual([
      ['hide', first.id, '广告'],
      ['hide', second.id, '广告'],
      ['approve', good.id, undefined],
    ]);
  });

  it('keeps the reason of a restore in the audit log, and downloads the log as CSV', async () => {
    const [hiddenOne] = (await facilitatorList()).filter((c) => c.hidden);
    const reason = '=HYPERLINK("http://x") 误判，已恢复';
    const restored = await facilitator.request('POST', path(`/comments/${hiddenOne!.id}/restore`), {
      json: { reason },
    });
    expect(restored.status).toBe(200);
    const last = (await auditEntries()).at(-1)!;
    expect([last.action, last.commentId, last.reason]).toEqual(['restore', hiddenOne!.id, reason]);

    const csv = await facilitator.request('GET', path('/audit.csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    expect(csv.headers.get('Content-Disposition')).toContain(`session-${session.id}-audit.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('id,at,action,commentId,device,reason,answerState,topicId,actor');
    expect(lines.length - 2).toBe((await auditEntries()).length);
    const row = lines.find((line) => line.includes('restore'))!;
    // The reason stays text: a spreadsheet does not run it as a formula.
    expect(row).toContain(`"'=HYPERLINK(""http://x"") 误判，已恢复"`);
    expect(row).toContain(hiddenOne!.id);
    // Who did it: the facilitator's account (the test server's first one).
    expect(
      row.endsWith(`,${(await auditEntries()).find((e) => e.action === 'restore')!.actor}`),
    ).toBe(true);

    expect((await server.app.request(path('/audit.csv'))).status).toBe(401);
    const byPhone = await other.client.request('GET', path('/audit.csv'), {
      headers: { [DEVICE_HEADER]: other.token },
    });
    expect(byPhone.status).toBe(401);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await server.app.request('/api/openapi.json')).json();
    const bulkPath = doc.paths['/api/sessions/{sid}/comments/moderation'].post;
    expect(Object.keys(bulkPath.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '413']),
    );
    expect(doc.paths['/api/sessions/{sid}/comments/{id}/approve'].post).toBeTruthy();
    expect(doc.paths['/api/sessions/{sid}/audit.csv'].get).toBeTruthy();
    expect(doc.components.schemas.Session.properties.premoderated).toBeTruthy();
    expect(doc.components.schemas.SessionComment.properties.pending).toBeTruthy();
  });
});
